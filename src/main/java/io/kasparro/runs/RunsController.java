package io.kasparro.runs;

import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import io.kasparro.web.BadParameterException;
import io.kasparro.web.NotFoundException;
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
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /runs}: run history, one run, and starting a run by hand. */
@RestController
@Tag(name = "Runs", description = "Run history and starting runs")
class RunsController {

  static final String RUN_EXAMPLE =
      """
      {"run_id": 17, "source": "csv", "status": "partial", "triggered_by": "schedule",
       "started_at": "2026-11-21T00:00:00Z", "ended_at": "2026-11-21T00:00:02.350Z",
       "duration_ms": 2350,
       "records": {"fetched": 500, "inserted": 480, "duplicate": 20, "loaded": 476, "failed": 4},
       "error_message": null, "metadata": {}}
      """;
  static final String RUN_LIST_EXAMPLE =
      "{\"data\": ["
          + RUN_EXAMPLE
          + "], \"metadata\": {\"request_id\": \"3f1c2a9e\","
          + " \"api_latency_ms\": 3}}";

  private final RunQueries runs;
  private final SourceRegistry sources;
  private final SourceRunner runner;
  private final TaskExecutor executor;

  RunsController(
      RunQueries runs, SourceRegistry sources, SourceRunner runner, TaskExecutor executor) {
    this.runs = runs;
    this.sources = sources;
    this.runner = runner;
    this.executor = executor;
  }

  /** A list of runs. */
  record RunList(List<RunView> data, ResponseMetadata metadata) {}

  /** The body of {@code POST /runs}: which source to run. */
  record RunRequest(String source) {}

  /** A run just started. */
  record RunStarted(long runId, String source, RunStatus status, String triggeredBy, String href) {}

  @Operation(summary = "Recent runs", description = "Runs of every source, newest first.")
  @ApiResponse(
      responseCode = "200",
      description = "Runs",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = RunList.class),
              examples = @ExampleObject(value = RUN_LIST_EXAMPLE)))
  @GetMapping("/runs")
  RunList list(
      @Parameter(description = "How many, 1 to 1000 (default 50)", example = "20")
          @RequestParam(required = false)
          String limit,
      @Parameter(description = "Only this source", example = "csv") @RequestParam(required = false)
          String source,
      @Parameter(
              description = "Only runs in this status: running, success, partial or failed",
              example = "failed")
          @RequestParam(required = false)
          String status,
      HttpServletRequest request) {
    List<RunView> page =
        runs.recent(
            Params.source("source", source),
            RunStatus.of(Params.oneOf("status", status, RunStatus.dbValues())),
            PageParameters.pageSize(limit));
    return new RunList(page, ResponseMetadata.of(request));
  }

  @Operation(summary = "One run")
  @ApiResponse(
      responseCode = "200",
      description = "The run",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = RunView.class),
              examples = @ExampleObject(value = RUN_EXAMPLE)))
  @GetMapping("/runs/{run_id}")
  RunView one(
      @Parameter(description = "The run's id", example = "17") @PathVariable("run_id")
          String runId) {
    long id = Params.id("run_id", runId);
    return runs.find(id).orElseThrow(() -> new NotFoundException("run " + id + " does not exist"));
  }

  @Operation(
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
              schema = @Schema(implementation = RunStarted.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"run_id": 18, "source": "csv", "status": "running",
                           "triggered_by": "manual", "href": "/runs/18"}
                          """)))
  @ApiResponse(
      responseCode = "409",
      description = "The source is already running",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem"),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"type": "about:blank", "title": "Source already running", "status": 409,
                           "detail": "source 'csv' is already running", "request_id": "3f1c2a9e"}
                          """)))
  @PostMapping("/runs")
  ResponseEntity<RunStarted> start(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "The source to run",
              content =
                  @Content(
                      mediaType = "application/json",
                      schema = @Schema(implementation = RunRequest.class),
                      examples = @ExampleObject(value = "{\"source\": \"csv\"}")))
          @RequestBody
          RunRequest body)
      throws SQLException {
    String name = Params.source("source", body == null ? null : body.source());
    if (name == null) {
      throw new BadParameterException("source", "source is required, e.g. {\"source\": \"csv\"}");
    }
    Source<?> source = sources.require(name);
    long runId = runner.start(source, TriggeredBy.MANUAL, executor);
    String href = "/runs/" + runId;
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create(href))
        .body(new RunStarted(runId, name, RunStatus.RUNNING, TriggeredBy.MANUAL.dbValue(), href));
  }
}
