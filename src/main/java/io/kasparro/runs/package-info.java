/**
 * Runs of a source: the run loop, its per-batch commit, locks, schedules, checkpoints, run history
 * ({@code /runs}), comparisons and anomalies ({@code /compare-runs}), statistics ({@code /stats}),
 * the silver rebuild ({@code replay}) and failure injection.
 */
@ApplicationModule(displayName = "Runs")
package io.kasparro.runs;

import org.springframework.modulith.ApplicationModule;
