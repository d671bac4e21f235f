package io.kasparro.drift;

import io.kasparro.web.ApiParameters;
import io.kasparro.web.PageParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The OpenAPI description of {@code /schema-drift}, implemented by {@link SchemaDriftController}.
 */
@Tag(name = "Data quality")
interface SchemaDriftApi {

  @Operation(
      operationId = "listSchemaDrift",
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
              schema = @Schema(implementation = SchemaDriftController.DriftPage.class),
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
  SchemaDriftController.DriftPage list(
      @ApiParameters.Source("Only this source") String source,
      PageParameters paging,
      HttpServletRequest request);
}
