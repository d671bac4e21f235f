package io.kasparro.runs;

import io.kasparro.web.ResponseMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /stats}: per-source run statistics and their totals. */
@RestController
class StatsController implements StatsApi {

  private final RunStatistics statistics;

  StatsController(RunStatistics statistics) {
    this.statistics = statistics;
  }

  /** The statistics. */
  record Stats(List<SourceStats> sources, SourceStats totals, ResponseMetadata metadata) {}

  @Override
  @GetMapping("/stats")
  public Stats stats(HttpServletRequest request) {
    List<SourceStats> all = statistics.perSource();
    return new Stats(all, RunStatistics.totals(all), ResponseMetadata.of(request));
  }
}
