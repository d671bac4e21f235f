package io.kasparro.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.SourceRegistry;
import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every documented example works: for each GET operation of the generated document, the request
 * that Swagger UI's "Try it out" sends as it stands (each parameter that has an example or a
 * default, with it; the others left out) is accepted by the service holding the bundled sample
 * data.
 */
@IntegrationTest
class OpenApiExamplesTest {

  @LocalServerPort int port;
  @Autowired SourceRunner runner;
  @Autowired SourceRegistry sources;

  @Test
  void theDocumentedExamplesOfEveryReadAreAccepted() throws Exception {
    // given the sample data, loaded by two runs of the CSV source (so there are two to compare)
    runner.run(sources.require("csv"), TriggeredBy.MANUAL);
    runner.run(sources.require("csv"), TriggeredBy.MANUAL);
    Api api = new Api(port);
    JsonNode paths = api.get("/openapi").body().get("paths");

    List<String> refused = new ArrayList<>();
    List<String> tried = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      JsonNode operation = path.getValue().get("get");
      if (operation == null) {
        continue;
      }
      String request = tryItOut(path.getKey(), operation, refused);
      Api.Response response = api.get(request);
      tried.add(request + " -> " + response.status());
      if (response.status() == 400 || response.status() >= 500) {
        refused.add(request + " -> " + response.status() + " " + response.raw().body());
      }
    }

    assertThat(tried).as("GET operations tried").hasSizeGreaterThanOrEqualTo(15);
    assertThat(refused).as(String.join("\n", tried)).isEmpty();
    // the two whose examples once filled parameters that exclude each other
    assertThat(firstRequest(tried, "/data?")).endsWith("-> 200");
    assertThat(firstRequest(tried, "/compare-runs?")).endsWith("-> 200");
  }

  /** The request Swagger UI builds from the documented examples and defaults. */
  private static String tryItOut(String template, JsonNode operation, List<String> refused) {
    String path = template;
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (JsonNode parameter : operation.path("parameters")) {
      String name = parameter.get("name").asString();
      JsonNode value = parameter.has("example") ? parameter.get("example") : null;
      if (value == null && parameter.path("schema").has("default")) {
        value = parameter.get("schema").get("default");
      }
      if (value == null) {
        if (parameter.path("required").asBoolean(false)) {
          refused.add(template + ": required parameter " + name + " has no example or default");
        }
        continue;
      }
      String text = URLEncoder.encode(value.asString(), StandardCharsets.UTF_8);
      switch (parameter.get("in").asString()) {
        case "path" -> path = path.replace("{" + name + "}", text);
        case "query" -> query.add(name + "=" + text);
        default -> refused.add(template + ": parameter " + name + " is not in the path or query");
      }
    }
    return path + query;
  }

  private static String firstRequest(List<String> tried, String prefix) {
    return tried.stream().filter(t -> t.startsWith(prefix)).findFirst().orElse("none " + prefix);
  }
}
