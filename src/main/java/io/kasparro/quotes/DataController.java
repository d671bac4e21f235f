package io.kasparro.quotes;

import io.kasparro.web.BadParameterException;
import io.kasparro.web.PageParameters;
import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /data}: market quotes with asset identity, filtered, sorted and paged. */
@RestController
class DataController implements DataApi {

  private final QuoteQueries quotes;
  private final DataApiProperties properties;

  DataController(QuoteQueries quotes, DataApiProperties properties) {
    this.quotes = quotes;
    this.properties = properties;
  }

  /** A page of quotes. */
  record DataPage(List<QuoteRow> data, Pagination pagination, ResponseMetadata metadata) {}

  /**
   * Where the page sits in the whole result.
   *
   * @param limit the page size asked for
   * @param offset rows skipped before this page (0 when paging by cursor)
   * @param total rows matching the filters, counted up to {@code
   *     kasparro.api.data.exact-total-limit} (10,000); null when {@code include_total=false}
   * @param totalExact whether {@code total} is exact; false when more rows match than were counted,
   *     and {@code total} is then a lower bound; null with {@code total}
   * @param sort the order of the rows
   * @param nextCursor pass as {@code cursor} (with the same filters and sort) for the next page;
   *     null on the last page
   */
  record Pagination(
      int limit,
      long offset,
      @Schema(nullable = true) Long total,
      @Schema(nullable = true) Boolean totalExact,
      @Schema(allowableValues = {"-last_updated", "last_updated", "-price_usd", "price_usd"})
          String sort,
      @Schema(nullable = true) String nextCursor) {}

  @Override
  @GetMapping("/data")
  public DataPage data(
      @RequestParam(required = false) String symbol,
      @RequestParam(name = "asset_id", required = false) String assetId,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String sort,
      PageParameters paging,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "include_total", required = false) String includeTotal,
      HttpServletRequest request) {
    QuoteQueries.Filter filter =
        new QuoteQueries.Filter(
            Params.symbol("symbol", symbol),
            assetId == null ? null : Params.id("asset_id", assetId),
            Params.source("source", source),
            Params.instant("from", from),
            Params.endInstant("to", to));
    if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
      throw new BadParameterException("from", "from must not be after to");
    }
    QuoteSort order = QuoteSort.parse("sort", sort);
    PageParameters.Page page = paging.page();
    boolean withTotal = Params.bool("include_total", includeTotal, true);
    QuoteCursor after = null;
    if (cursor != null) {
      if (paging.offset() != null) {
        throw new BadParameterException("offset", "use either offset or cursor, not both");
      }
      after = QuoteCursor.decode("cursor", cursor);
      if (sort != null && after.sort() != order) {
        throw new BadParameterException(
            "sort", "this cursor belongs to sort=" + after.sort().parameter());
      }
      order = after.sort();
    }
    QuoteQueries.Selection selection = quotes.select(filter);
    List<QuoteRow> rows = quotes.page(selection, order, after, page.limit() + 1, page.offset());
    String next = null;
    if (rows.size() > page.limit()) {
      rows = rows.subList(0, page.limit());
      next = QuoteCursor.after(order, rows.get(page.limit() - 1)).encode();
    }
    Long total = null;
    Boolean totalExact = null;
    if (withTotal) {
      long counted = quotes.countUpTo(selection, properties.exactTotalLimit());
      totalExact = counted <= properties.exactTotalLimit();
      total = Math.min(counted, properties.exactTotalLimit());
    }
    return new DataPage(
        rows,
        new Pagination(page.limit(), page.offset(), total, totalExact, order.parameter(), next),
        ResponseMetadata.of(request));
  }
}
