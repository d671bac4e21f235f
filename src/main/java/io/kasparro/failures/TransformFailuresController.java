package io.kasparro.failures;

import io.kasparro.pipeline.ReplayResult;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import io.kasparro.web.OffsetPagination;
import io.kasparro.web.PageParameters;
import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
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
class TransformFailuresController implements TransformFailuresApi {

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

  @Override
  @GetMapping("/transform-failures")
  public FailurePage list(
      @RequestParam(required = false) String source,
      @RequestParam(name = "error_type", required = false) String errorType,
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

  @Override
  @PostMapping("/transform-failures/replay")
  public ReplayReport replay(
      @RequestParam(required = false) String source, HttpServletRequest request)
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
