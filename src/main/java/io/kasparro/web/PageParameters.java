package io.kasparro.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The paging parameters every list endpoint takes, bound from the query string and documented once.
 * They are bound as text, so that a bad value gets this API's 400 naming it; the document types
 * them as the integers they must be. Read them through {@link #page()}, which checks them.
 *
 * @param limit page size as given
 * @param offset rows to skip as given
 */
@ParameterObject
public record PageParameters(
    @Parameter(
            description = "Page size",
            example = "50",
            schema =
                @Schema(
                    type = "integer",
                    format = "int32",
                    minimum = "1",
                    maximum = "1000",
                    defaultValue = "50"))
        String limit,
    @Parameter(
            description = "Rows to skip",
            example = "0",
            schema =
                @Schema(
                    type = "integer",
                    format = "int32",
                    minimum = "0",
                    maximum = "10000000",
                    defaultValue = "0"))
        String offset) {

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
    return new Page(
        Params.intInRange("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
        Params.intInRange("offset", offset, 0, 0, MAX_OFFSET));
  }
}
