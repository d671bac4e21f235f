package io.kasparro.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest {

  @LocalServerPort int port;

  @Test
  void everyRequestIsLoggedWithItsIdMethodPathStatusAndLatency(CapturedOutput output) {
    new Api(port).get("/runs/77", Map.of("X-Request-ID", "log-line-1"));

    assertThat(output.getOut().lines())
        .anyMatch(
            line ->
                line.contains("[request=log-line-1]")
                    && line.matches(".*GET /runs/77 -> 404 in \\d+ ms.*"));
  }
}
