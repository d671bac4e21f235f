package io.kasparro.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** The OpenAPI description of {@code /schedules}, implemented by {@link SchedulesController}. */
@Tag(name = "Runs")
interface SchedulesApi {

  @Operation(
      operationId = "listSchedules",
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
              schema = @Schema(implementation = SchedulesController.ScheduleList.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"data": [{"source": "csv", "schedule": "15m",
                                     "next_run_at": "2026-11-21T00:15:00Z", "picked": false}],
                           "metadata": {"request_id": "3f1c2a9e", "api_latency_ms": 2}}
                          """)))
  SchedulesController.ScheduleList list(HttpServletRequest request);
}
