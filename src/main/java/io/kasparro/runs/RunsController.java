package io.kasparro.runs;

import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import io.kasparro.web.BadParameterException;
import io.kasparro.web.NotFoundException;
import io.kasparro.web.OffsetPagination;
import io.kasparro.web.PageParameters;
import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
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
class RunsController implements RunsApi {

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

  /** A page of runs. */
  record RunList(List<RunView> data, OffsetPagination pagination, ResponseMetadata metadata) {}

  /** The body of {@code POST /runs}: which source to run. */
  record RunRequest(String source) {}

  /** A run just started. */
  record RunStarted(long runId, String source, RunStatus status, String triggeredBy, String href) {}

  @Override
  @GetMapping("/runs")
  public RunList list(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String status,
      PageParameters paging,
      HttpServletRequest request) {
    String name = Params.source("source", source);
    RunStatus only = RunStatus.of(Params.oneOf("status", status, RunStatus.dbValues()));
    PageParameters.Page page = paging.page();
    return new RunList(
        runs.recent(name, only, page.limit(), page.offset()),
        page.of(runs.count(name, only)),
        ResponseMetadata.of(request));
  }

  @Override
  @GetMapping("/runs/{run_id}")
  public RunView one(@PathVariable("run_id") String runId) {
    long id = Params.id("run_id", runId);
    return runs.find(id).orElseThrow(() -> new NotFoundException("run " + id + " does not exist"));
  }

  @Override
  @PostMapping("/runs")
  public ResponseEntity<RunStarted> start(@RequestBody RunRequest body) throws SQLException {
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
