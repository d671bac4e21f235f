package io.kasparro.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The paging parameters every list endpoint takes, bound from the query string and documented once.
 * Read them through {@link #page()}, which checks them.
 *
 * @param limit page size as given
 * @param offset rows to skip as given
 */
@ParameterObject
public record PageParameters(
    @Parameter(description = "Page size, 1 to 1000 (default 50)", example = "50") String limit,
    @Parameter(description = "Rows to skip (default 0)", example = "0") String offset) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;
  static final int MAX_OFFSET = 10_000_000;

  /**
   * A checked page.
   *
   * @param limit page size, 1 to 1000
   * @param offset rows to skip, 0 to 10,000,000
   */
  public record Page(int limit, int offset) {

    /** Where this page sits among {@code total} matching rows. */
    public OffsetPagination of(long total) {
      return new OffsetPagination(limit, offset, total);
    }
  }

  /**
   * @throws BadParameterException naming {@code limit} or {@code offset} when one is out of range
   */
  public Page page() {
    return new Page(pageSize(limit), Params.intInRange("offset", offset, 0, 0, MAX_OFFSET));
  }

  /** A page size on its own, for lists without an offset. */
  public static int pageSize(String limit) {
    return Params.intInRange("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  }
}
