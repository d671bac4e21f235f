package io.kasparro.failures;

import io.kasparro.web.ApiParameters;
import io.kasparro.web.PageParameters;
import io.kasparro.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;

/**
 * The OpenAPI description of {@code /transform-failures}, implemented by {@link
 * TransformFailuresController}.
 */
@Tag(name = "Data quality", description = "Schema drift and records that failed validation")
interface TransformFailuresApi {

  @Operation(
      operationId = "listTransformFailures",
      summary = "Records that failed validation",
      description =
          "Records that reached bronze but could not become silver, with the reason and the"
              + " payload as received. Replay them after a fix with POST"
              + " /transform-failures/replay.")
  @ApiResponse(
      responseCode = "200",
      description = "A page of failures, newest first",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TransformFailuresController.FailurePage.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"data": [{"id": 1, "source": "csv", "raw_id": 507, "source_record_id": "ETH",
                            "run_id": 3, "error_type": "invalid_number",
                            "error_message": "price is not a number: 'not-a-price'",
                            "payload": {"file": "market.csv", "row": {"symbol": "ETH",
                              "name": "Ethereum", "price_usd": "not-a-price",
                              "last_updated": "2026-11-20T12:00:00Z"}},
                            "failed_at": "2026-11-21T10:02:11Z", "last_retried_at": null}],
                           "pagination": {"limit": 50, "offset": 0, "total": 1},
                           "metadata": {"request_id": "2bb82a51", "api_latency_ms": 4}}
                          """)))
  TransformFailuresController.FailurePage list(
      @ApiParameters.Source("Only this source") String source,
      @Parameter(
              description =
                  "Only this kind of failure, e.g. invalid_number, negative_value, missing_field,"
                      + " invalid_timestamp",
              example = "invalid_number",
              schema = @Schema(pattern = Params.SOURCE_PATTERN))
          String errorType,
      PageParameters paging,
      HttpServletRequest request);

  @Operation(
      operationId = "replayTransformFailures",
      summary = "Replay failed records",
      description =
          "Transforms the failed records again from bronze (after a fix such as a field mapping);"
              + " those that now load leave the failure list, the others keep their reason and get"
              + " last_retried_at. Needs X-API-Key.")
  @ApiResponse(
      responseCode = "200",
      description = "What the replay did, per source",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TransformFailuresController.ReplayReport.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"data": [{"source": "coingecko", "records": 3, "loaded": 3, "failed": 0}],
                           "metadata": {"request_id": "9b2e77c1", "api_latency_ms": 41}}
                          """)))
  TransformFailuresController.ReplayReport replay(
      @ApiParameters.Source("Only this source (default: every enabled source)") String source,
      HttpServletRequest request)
      throws SQLException;
}
