package io.kasparro.runs;

import io.kasparro.web.ApiParameters;
import io.kasparro.web.PageParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import org.springframework.http.ResponseEntity;

/** The OpenAPI description of {@code /runs}, implemented by {@link RunsController}. */
@Tag(name = "Runs", description = "Run history, starting runs, comparisons and statistics")
interface RunsApi {

  String RUN_EXAMPLE =
      """
      {"run_id": 17, "source": "csv", "status": "partial", "triggered_by": "schedule",
       "started_at": "2026-11-21T00:00:00Z", "ended_at": "2026-11-21T00:00:02.350Z",
       "duration_ms": 2350,
       "records": {"fetched": 500, "inserted": 480, "duplicate": 20, "loaded": 476, "failed": 4},
       "error": null, "metadata": {}}
      """;

  @Operation(
      operationId = "listRuns",
      summary = "Recent runs",
      description = "Runs of every source, newest first, paged by limit and offset.")
  @ApiResponse(
      responseCode = "200",
      description = "A page of runs",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = RunsController.RunList.class),
              examples =
                  @ExampleObject(
                      value =
                          "{\"data\": ["
                              + RUN_EXAMPLE
                              + "], \"pagination\": {\"limit\": 50, \"offset\": 0, \"total\": 1},"
                              + " \"metadata\": {\"request_id\": \"3f1c2a9e\","
                              + " \"api_latency_ms\": 3}}")))
  RunsController.RunList list(
      @ApiParameters.Source("Only this source") String source,
      @Parameter(
              description = "Only runs in this status",
              example = "success",
              schema = @Schema(allowableValues = {"running", "success", "partial", "failed"}))
          String status,
      PageParameters paging,
      HttpServletRequest request);

  @Operation(operationId = "getRun", summary = "One run")
  @ApiResponse(
      responseCode = "200",
      description = "The run",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = RunView.class),
              examples = @ExampleObject(value = RUN_EXAMPLE)))
  RunView one(@ApiParameters.Id("The run's id") String runId);

  @Operation(
      operationId = "startRun",
      summary = "Start a run",
      description =
          "Starts one run of a source in the background and answers at once with its id; follow"
              + " it at /runs/{run_id}. Needs X-API-Key.")
  @ApiResponse(
      responseCode = "202",
      description = "Started",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = RunsController.RunStarted.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"run_id": 18, "source": "csv", "status": "running",
                           "triggered_by": "manual", "href": "/runs/18"}
                          """)))
  @ApiResponse(responseCode = "409", description = "The source is already running")
  ResponseEntity<RunsController.RunStarted> start(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "The source to run",
              content =
                  @Content(
                      mediaType = "application/json",
                      schema = @Schema(implementation = RunsController.RunRequest.class),
                      examples = @ExampleObject(value = "{\"source\": \"csv\"}")))
          RunsController.RunRequest body)
      throws SQLException;
}
