package io.kasparro.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /data}: market quotes with asset identity, filtered, sorted and paged. */
@RestController
class DataController {

  private static final int MAX_OFFSET = 10_000_000;

  private final QuoteQueries quotes;

  DataController(QuoteQueries quotes) {
    this.quotes = quotes;
  }

  /** A page of quotes. */
  record DataPage(List<QuoteRow> data, Pagination pagination, ResponseMetadata metadata) {}

  /**
   * Where the page sits in the whole result.
   *
   * @param limit the page size asked for
   * @param offset rows skipped before this page (0 when paging by cursor)
   * @param total rows matching the filters; null when {@code include_total=false}
   * @param sort the order of the rows
   * @param nextCursor pass as {@code cursor} (with the same filters and sort) for the next page;
   *     null on the last page
   */
  record Pagination(int limit, long offset, Long total, String sort, String nextCursor) {}

  @GetMapping("/data")
  DataPage data(
      @RequestParam(required = false) String symbol,
      @RequestParam(name = "asset_id", required = false) String assetId,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "include_total", required = false) String includeTotal,
      HttpServletRequest request) {
    QuoteQueries.Filter filter =
        new QuoteQueries.Filter(
            Params.symbol("symbol", symbol),
            assetId == null ? null : Params.id("asset_id", assetId),
            Params.source("source", source),
            Params.instant("from", from),
            Params.instant("to", to));
    if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
      throw new BadParameterException("from", "from must not be after to");
    }
    QuoteSort order = QuoteSort.parse("sort", sort);
    int pageSize = Params.intInRange("limit", limit, 50, 1, 1000);
    int skip = Params.intInRange("offset", offset, 0, 0, MAX_OFFSET);
    boolean withTotal = Params.bool("include_total", includeTotal, true);
    QuoteCursor after = null;
    if (cursor != null) {
      if (offset != null) {
        throw new BadParameterException("offset", "use either offset or cursor, not both");
      }
      after = QuoteCursor.decode("cursor", cursor);
      if (sort != null && after.sort() != order) {
        throw new BadParameterException(
            "sort", "this cursor belongs to sort=" + after.sort().parameter());
      }
      order = after.sort();
    }
    List<QuoteRow> rows = quotes.page(filter, order, after, pageSize + 1, skip);
    String next = null;
    if (rows.size() > pageSize) {
      rows = rows.subList(0, pageSize);
      next = QuoteCursor.after(order, rows.get(pageSize - 1)).encode();
    }
    Long total = withTotal ? quotes.count(filter) : null;
    return new DataPage(
        rows,
        new Pagination(pageSize, skip, total, order.parameter(), next),
        ResponseMetadata.of(request));
  }
}
