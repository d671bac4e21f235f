package io.kasparro.drift;

import io.kasparro.web.OffsetPagination;
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

/** {@code GET /schema-drift}: how sources' payloads have departed from their expected schema. */
@RestController
@Tag(name = "Data quality", description = "Schema drift and records that failed validation")
class SchemaDriftController {

  private final DriftQueries drift;

  SchemaDriftController(DriftQueries drift) {
    this.drift = drift;
  }

  /** A page of drift records. */
  record DriftPage(
      List<DriftQueries.Drift> data, OffsetPagination pagination, ResponseMetadata metadata) {}

  @Operation(
      summary = "Schema drift",
      description =
          "How sources' payloads departed from the fields and types they are expected to have:"
              + " added, missing and type-changed fields, and likely renames with a confidence"
              + " score (mapped: true when the rename was applied so the data still loaded).")
  @ApiResponse(
      responseCode = "200",
      description = "A page of drift records, newest first",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DriftPage.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"data": [{"id": 3, "source": "coingecko", "run_id": 41,
                            "detected_at": "2026-11-21T09:15:02Z", "records": 250,
                            "added": [], "missing": [], "type_changed": [],
                            "renamed": [{"from": "price_current", "to": "current_price",
                                         "confidence": 0.91, "mapped": true}]}],
                           "pagination": {"limit": 50, "offset": 0, "total": 1},
                           "metadata": {"request_id": "cfa42234", "api_latency_ms": 3}}
                          """)))
  @GetMapping("/schema-drift")
  DriftPage list(
      @Parameter(description = "Only this source", example = "coingecko")
          @RequestParam(required = false)
          String source,
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
