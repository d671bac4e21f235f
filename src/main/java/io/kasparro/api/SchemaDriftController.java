package io.kasparro.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /schema-drift}: how sources' payloads have departed from their expected schema. */
@RestController
class SchemaDriftController {

  private static final int MAX_OFFSET = 10_000_000;

  private final DriftQueries drift;

  SchemaDriftController(DriftQueries drift) {
    this.drift = drift;
  }

  /** A page of drift records. */
  record DriftPage(
      List<DriftQueries.Drift> data, OffsetPagination pagination, ResponseMetadata metadata) {}

  @GetMapping("/schema-drift")
  DriftPage list(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset,
      HttpServletRequest request) {
    String name = Params.source("source", source);
    int pageSize = Params.intInRange("limit", limit, 50, 1, 1000);
    int skip = Params.intInRange("offset", offset, 0, 0, MAX_OFFSET);
    return new DriftPage(
        drift.page(name, pageSize, skip),
        new OffsetPagination(pageSize, skip, drift.count(name)),
        ResponseMetadata.of(request));
  }
}
