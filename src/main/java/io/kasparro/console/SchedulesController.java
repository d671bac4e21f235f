package io.kasparro.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /schedules}: when each enabled source runs next (the console's overview shows it). */
@RestController
@Tag(name = "Runs")
class SchedulesController {

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
  record ScheduleList(List<ScheduleQueries.SourceScheduleView> data, Metadata metadata) {}

  /**
   * @param requestId the request's id, as in the {@code X-Request-ID} header
   * @param apiLatencyMs the time spent answering, in milliseconds
   */
  record Metadata(String requestId, long apiLatencyMs) {}

  @Operation(
      summary = "Next scheduled runs",
      description =
          "Each enabled source's schedule and when the scheduler runs it next (null when"
              + " scheduling is off on every node).")
  @ApiResponse(
      responseCode = "200",
      description = "The schedules",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ScheduleList.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"data": [{"source": "csv", "schedule": "15m",
                                     "next_run_at": "2026-11-21T00:15:00Z", "picked": false}],
                           "metadata": {"request_id": "3f1c2a9e", "api_latency_ms": 2}}
                          """)))
  @GetMapping("/schedules")
  ScheduleList list(HttpServletResponse response) {
    long started = System.nanoTime();
    List<ScheduleQueries.SourceScheduleView> data = schedules.all();
    return new ScheduleList(
        data,
        new Metadata(
            response.getHeader("X-Request-ID"), (System.nanoTime() - started) / 1_000_000));
  }
}
