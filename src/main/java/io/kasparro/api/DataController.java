package io.kasparro.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /data}: market quotes with asset identity, newest first. */
@RestController
class DataController {

  private static final int MAX_OFFSET = 10_000_000;

  private final QuoteQueries quotes;

  DataController(QuoteQueries quotes) {
    this.quotes = quotes;
  }

  /** A page of quotes. */
  record DataPage(List<QuoteRow> data, Pagination pagination, ResponseMetadata metadata) {}

  /** Where the page sits in the whole result. */
  record Pagination(int limit, long offset, long total) {}

  @GetMapping("/data")
  DataPage data(
      @RequestParam(required = false) String symbol,
      @RequestParam(name = "asset_id", required = false) String assetId,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset,
      HttpServletRequest request) {
    QuoteQueries.Filter filter =
        new QuoteQueries.Filter(
            Params.symbol("symbol", symbol),
            Params.id("asset_id", assetId),
            Params.source("source", source),
            Params.instant("from", from),
            Params.instant("to", to));
    if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
      throw new BadParameterException("from", "from must not be after to");
    }
    int pageSize = Params.intInRange("limit", limit, 50, 1, 1000);
    int skip = Params.intInRange("offset", offset, 0, 0, MAX_OFFSET);
    List<QuoteRow> rows = quotes.page(filter, pageSize, skip);
    long total = quotes.count(filter);
    return new DataPage(rows, new Pagination(pageSize, skip, total), ResponseMetadata.of(request));
  }
}
