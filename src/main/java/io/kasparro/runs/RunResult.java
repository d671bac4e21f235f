package io.kasparro.runs;

/**
 * How a run ended.
 *
 * @param runId the etl_runs row
 * @param source the source's name
 * @param status its final status
 * @param counts what it read and wrote
 * @param error why it failed, or null
 */
public record RunResult(
    long runId, String source, RunStatus status, RunCounts counts, String error) {}
