package io.kasparro.api;

import io.kasparro.pipeline.FailureReplayer;
import io.kasparro.pipeline.ReplayResult;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
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
class TransformFailuresController {

  private static final int MAX_OFFSET = 10_000_000;

  private final FailureQueries failures;
  private final FailureReplayer replayer;
  private final SourceRegistry sources;
  private final ApiKeyGuard guard;

  TransformFailuresController(
      FailureQueries failures,
      FailureReplayer replayer,
      SourceRegistry sources,
      ApiKeyGuard guard) {
    this.failures = failures;
    this.replayer = replayer;
    this.sources = sources;
    this.guard = guard;
  }

  /** A page of failures. */
  record FailurePage(
      List<FailureQueries.Failure> data, OffsetPagination pagination, ResponseMetadata metadata) {}

  /** What a replay did, per source. */
  record ReplayReport(List<ReplayResult> data, ResponseMetadata metadata) {}

  @GetMapping("/transform-failures")
  FailurePage list(
      @RequestParam(required = false) String source,
      @RequestParam(name = "error_type", required = false) String errorType,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset,
      HttpServletRequest request) {
    FailureQueries.Filter filter =
        new FailureQueries.Filter(
            Params.source("source", source), Params.errorType("error_type", errorType));
    int pageSize = Params.intInRange("limit", limit, 50, 1, 1000);
    int skip = Params.intInRange("offset", offset, 0, 0, MAX_OFFSET);
    return new FailurePage(
        failures.page(filter, pageSize, skip),
        new OffsetPagination(pageSize, skip, failures.count(filter)),
        ResponseMetadata.of(request));
  }

  @PostMapping("/transform-failures/replay")
  ReplayReport replay(@RequestParam(required = false) String source, HttpServletRequest request)
      throws SQLException {
    guard.check(request);
    List<Source> selected;
    if (source == null) {
      selected = sources.all();
    } else {
      String name = Params.source("source", source);
      selected =
          List.of(
              sources
                  .find(name)
                  .orElseThrow(
                      () ->
                          new BadParameterException(
                              "source", "source must be one of " + sources.names())));
    }
    return new ReplayReport(replayer.replay(selected), ResponseMetadata.of(request));
  }
}
