package io.kasparro.drift;

import io.kasparro.web.OffsetPagination;
import io.kasparro.web.PageParameters;
import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /schema-drift}: how sources' payloads have departed from their expected schema. */
@RestController
class SchemaDriftController implements SchemaDriftApi {

  private final DriftQueries drift;

  SchemaDriftController(DriftQueries drift) {
    this.drift = drift;
  }

  /** A page of drift records. */
  record DriftPage(
      List<DriftQueries.Drift> data, OffsetPagination pagination, ResponseMetadata metadata) {}

  @Override
  @GetMapping("/schema-drift")
  public DriftPage list(
      @RequestParam(required = false) String source,
      PageParameters paging,
      HttpServletRequest request) {
    String name = Params.source("source", source);
    PageParameters.Page page = paging.page();
    return new DriftPage(
        drift.page(name, page.limit(), page.offset()),
        page.of(drift.count(name)),
        ResponseMetadata.of(request));
  }
}
