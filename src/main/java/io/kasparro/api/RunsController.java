package io.kasparro.api;

import io.kasparro.pipeline.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
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
class RunsController {

  static final List<String> STATUSES = List.of("running", "success", "partial", "failed");

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
  record RunStarted(long runId, String source, String status, String triggeredBy, String href) {}

  @GetMapping("/runs")
  RunList list(
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String status,
      HttpServletRequest request) {
    List<RunView> page =
        runs.recent(
            Params.source("source", source),
            Params.oneOf("status", status, STATUSES),
            Params.intInRange("limit", limit, 50, 1, 1000));
    return new RunList(page, ResponseMetadata.of(request));
  }

  @GetMapping("/runs/{run_id}")
  RunView one(@PathVariable("run_id") String runId) {
    long id = Params.id("run_id", runId);
    return runs.find(id).orElseThrow(() -> new NotFoundException("run " + id + " does not exist"));
  }

  @PostMapping("/runs")
  ResponseEntity<RunStarted> start(@RequestBody RunRequest body) throws SQLException {
    String name = Params.source("source", body == null ? null : body.source());
    if (name == null) {
      throw new BadParameterException("source", "source is required, e.g. {\"source\": \"csv\"}");
    }
    Source source =
        sources
            .find(name)
            .orElseThrow(
                () ->
                    new BadParameterException(
                        "source",
                        "unknown or disabled source '"
                            + name
                            + "'; enabled: "
                            + String.join(", ", sources.names())));
    long runId = runner.start(source, TriggeredBy.MANUAL, executor);
    String href = "/runs/" + runId;
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create(href))
        .body(new RunStarted(runId, name, "running", TriggeredBy.MANUAL.dbValue(), href));
  }
}
