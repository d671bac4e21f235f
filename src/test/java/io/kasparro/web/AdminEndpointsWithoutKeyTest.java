package io.kasparro.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class AdminEndpointsWithoutKeyTest {

  @LocalServerPort int port;

  @Test
  void withNoApiKeyConfiguredTheReplayEndpointRefusesAndSaysHowToEnableIt() {
    Api api = new Api(port);

    Api.Response response =
        api.send(
            HttpRequest.newBuilder(URI.create(api.url("/transform-failures/replay")))
                .header("X-API-Key", "anything")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("detail").asString()).contains("kasparro.api.key");
    assertThat(response.body().get("request_id").asString()).isNotBlank();
  }
}
