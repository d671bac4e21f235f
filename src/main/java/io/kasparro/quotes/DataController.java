package io.kasparro.quotes;

import io.kasparro.web.BadParameterException;
import io.kasparro.web.PageParameters;
import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /data}: market quotes with asset identity, filtered, sorted and paged. */
@RestController
@Tag(name = "Market data", description = "Quotes with canonical asset identity")
class DataController {

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
      int limit, long offset, Long total, Boolean totalExact, String sort, String nextCursor) {}

  @Operation(
      summary = "Market quotes",
      description =
          "Quotes joined with their canonical asset, filtered, sorted and paged. Page with offset"
              + " for small jumps, or with cursor (pass next_cursor back, with the same filters)"
              + " so deep pages cost the same as the first.")
  @ApiResponse(
      responseCode = "200",
      description = "A page of quotes",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DataPage.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"data": [{"id": 812, "asset_id": 1, "symbol": "BTC", "name": "Bitcoin",
                            "source": "coingecko", "price_usd": 91276.68,
                            "market_cap_usd": 1810000000000, "volume_24h_usd": 33630000000,
                            "last_updated": "2026-11-21T00:00:00Z"}],
                           "pagination": {"limit": 1, "offset": 0, "total": 520,
                            "total_exact": true,
                            "sort": "-last_updated", "next_cursor": "cTF8LWxhc3RfdXBkYXRlZHw"},
                           "metadata": {"request_id": "3f1c2a9e", "api_latency_ms": 4}}
                          """)))
  @GetMapping("/data")
  DataPage data(
      @Parameter(description = "Ticker, any case", example = "BTC") @RequestParam(required = false)
          String symbol,
      @Parameter(description = "Canonical asset id", example = "1")
          @RequestParam(name = "asset_id", required = false)
          String assetId,
      @Parameter(description = "Source name", example = "coingecko") @RequestParam(required = false)
          String source,
      @Parameter(
              description =
                  "Quotes observed at or after: ISO-8601 time (UTC when no zone), or a date (its"
                      + " start, UTC)",
              example = "2026-11-20T00:00:00Z")
          @RequestParam(required = false)
          String from,
      @Parameter(
              description =
                  "Quotes observed at or before: ISO-8601 time, or a date (through its end)",
              example = "2026-11-21")
          @RequestParam(required = false)
          String to,
      @Parameter(
              description =
                  "Order: -last_updated (default), last_updated, -price_usd or price_usd; ties"
                      + " by quote id",
              example = "-price_usd")
          @RequestParam(required = false)
          String sort,
      PageParameters paging,
      @Parameter(
              description =
                  "next_cursor of the previous page (not with offset); opaque, edits are rejected",
              example = "cTF8LWxhc3RfdXBkYXRlZHw")
          @RequestParam(required = false)
          String cursor,
      @Parameter(
              description =
                  "Whether to count the matching rows (default true), exactly up to 10,000"
                      + " (total_exact tells); false is cheaper",
              example = "false")
          @RequestParam(name = "include_total", required = false)
          String includeTotal,
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
