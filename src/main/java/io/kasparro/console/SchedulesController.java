package io.kasparro.console;

import io.kasparro.web.ResponseMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /schedules}: when each enabled source runs next (the console's overview shows it). */
@RestController
class SchedulesController implements SchedulesApi {

  private final ScheduleQueries schedules;

  SchedulesController(ScheduleQueries schedules) {
    this.schedules = schedules;
  }

  /**
   * The schedules of the enabled sources.
   *
   * @param data one entry per enabled source, in name order
   * @param metadata the request's id and the time spent answering
   */
  record ScheduleList(List<ScheduleQueries.SourceScheduleView> data, ResponseMetadata metadata) {}

  @Override
  @GetMapping("/schedules")
  public ScheduleList list(HttpServletRequest request) {
    return new ScheduleList(schedules.all(), ResponseMetadata.of(request));
  }
}
