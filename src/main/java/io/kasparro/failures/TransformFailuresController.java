package io.kasparro.failures;

import io.kasparro.pipeline.ReplayResult;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
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
import java.sql.SQLException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /transform-failures}: records that reached bronze but not silver, and why. {@code POST
 * /transform-failures/replay} (needs {@code X-API-Key}): retries them after a fix.
 */
@RestController
@Tag(name = "Data quality")
class TransformFailuresController {

  private final FailureQueries failures;
  private final FailureReplayer replayer;
  private final SourceRegistry sources;

  TransformFailuresController(
      FailureQueries failures, FailureReplayer replayer, SourceRegistry sources) {
    this.failures = failures;
    this.replayer = replayer;
    this.sources = sources;
  }

  /** A page of failures. */
  record FailurePage(
      List<FailureQueries.Failure> data, OffsetPagination pagination, ResponseMetadata metadata) {}

  /** What a replay did, per source. */
  record ReplayReport(List<ReplayResult> data, ResponseMetadata metadata) {}

  @Operation(
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
              schema = @Schema(implementation = FailurePage.class),
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
  @GetMapping("/transform-failures")
  FailurePage list(
      @Parameter(description = "Only this source", example = "csv") @RequestParam(required = false)
          String source,
      @Parameter(
              description =
                  "Only this kind of failure, e.g. invalid_number, negative_value, missing_field,"
                      + " invalid_timestamp",
              example = "invalid_number")
          @RequestParam(name = "error_type", required = false)
          String errorType,
      PageParameters paging,
      HttpServletRequest request) {
    FailureQueries.Filter filter =
        new FailureQueries.Filter(
            Params.source("source", source), Params.errorType("error_type", errorType));
    PageParameters.Page page = paging.page();
    return new FailurePage(
        failures.page(filter, page.limit(), page.offset()),
        page.of(failures.count(filter)),
        ResponseMetadata.of(request));
  }

  @Operation(
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
              schema = @Schema(implementation = ReplayReport.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"data": [{"source": "coingecko", "records": 3, "loaded": 3, "failed": 0}],
                           "metadata": {"request_id": "9b2e77c1", "api_latency_ms": 41}}
                          """)))
  @PostMapping("/transform-failures/replay")
  ReplayReport replay(
      @Parameter(description = "Only this source (default: every enabled source)", example = "csv")
          @RequestParam(required = false)
          String source,
      HttpServletRequest request)
      throws SQLException {
    List<Source<?>> selected;
    if (source == null) {
      selected = sources.all();
    } else {
      String name = Params.source("source", source);
      selected = List.of(sources.require(name));
    }
    return new ReplayReport(replayer.replay(selected), ResponseMetadata.of(request));
  }
}
