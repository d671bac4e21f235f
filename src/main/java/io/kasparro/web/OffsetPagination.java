package io.kasparro.web;

/**
 * Where a page sits in the whole result, as in {@code GET /data}.
 *
 * @param limit page size
 * @param offset rows skipped
 * @param total rows matching the filters
 */
public record OffsetPagination(int limit, long offset, long total) {}
