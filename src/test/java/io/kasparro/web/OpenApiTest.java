package io.kasparro.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OpenApiTest {

  @LocalServerPort int port;

  @Test
  void theOpenApiDocumentDescribesEveryEndpointParameterAndError() {
    Api.Response response = new Api(port).get("/openapi");

    assertThat(response.status()).isEqualTo(200);
    JsonNode paths = response.body().get("paths");
    assertThat(paths.propertyNames())
        .contains(
            "/data",
            "/runs",
            "/runs/{run_id}",
            "/stats",
            "/compare-runs",
            "/health",
            "/health/live",
            "/health/ready",
            "/metrics");
    List<String> undocumented = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String where = operation.getKey() + " " + path.getKey();
        if (!operation.getValue().has("summary")) {
          undocumented.add(where + " summary");
        }
        operation
            .getValue()
            .path("parameters")
            .forEach(
                parameter -> {
                  if (!parameter.has("description")
                      || !parameter.path("schema").has("type")
                      || parameter.path("schema").path("type").asString().isEmpty()) {
                    undocumented.add(where + " parameter " + parameter.get("name"));
                  }
                });
        operation
            .getValue()
            .get("responses")
            .properties()
            .forEach(
                r -> {
                  if (r.getValue().path("description").asString("").isBlank()
                      || !r.getValue().toString().contains("example")) {
                    undocumented.add(where + " response " + r.getKey());
                  }
                });
      }
    }
    assertThat(undocumented).isEmpty();
  }

  @Test
  void theDocumentShowsTheRealFieldNamesParametersAndErrors() {
    JsonNode doc = new Api(port).get("/openapi").body();

    JsonNode data = doc.get("paths").get("/data").get("get");
    assertThat(data.get("parameters").valueStream().map(p -> p.get("name").asString()))
        .containsExactly(
            "symbol",
            "asset_id",
            "source",
            "from",
            "to",
            "sort",
            "limit",
            "offset",
            "cursor",
            "include_total");
    assertThat(data.get("responses").propertyNames()).contains("200", "400", "429", "503");
    JsonNode quote = doc.get("components").get("schemas").get("QuoteRow").get("properties");
    assertThat(quote.propertyNames())
        .contains("asset_id", "price_usd", "volume_24h_usd", "last_updated");
    JsonNode start = doc.get("paths").get("/runs").get("post");
    assertThat(start.get("responses").propertyNames())
        .contains("202", "400", "401", "403", "409", "415", "429");
    assertThat(start.get("security").toString()).contains("apiKey");
    assertThat(doc.get("paths").get("/runs/{run_id}").get("get").get("responses").has("404"))
        .isTrue();
    assertThat(doc.get("components").get("securitySchemes").get("apiKey").get("name").asString())
        .isEqualTo("X-API-Key");
    assertThat(
            doc.get("components").get("schemas").get("Problem").get("properties").propertyNames())
        .contains("status", "title", "detail", "parameter", "request_id");
  }

  @Test
  void parametersAreTypedAsTheValuesTheyTake() {
    JsonNode paths = new Api(port).get("/openapi").body().get("paths");

    JsonNode data = paths.get("/data").get("get");
    JsonNode limit = parameter(data, "limit").get("schema");
    assertThat(limit.get("type").asString()).isEqualTo("integer");
    assertThat(limit.get("minimum").asInt()).isEqualTo(1);
    assertThat(limit.get("maximum").asInt()).isEqualTo(1000);
    assertThat(limit.get("default").asInt()).isEqualTo(50);
    assertThat(parameter(data, "offset").get("schema").get("minimum").asInt()).isZero();
    assertThat(parameter(data, "asset_id").get("schema").get("type").asString())
        .isEqualTo("integer");
    assertThat(parameter(data, "from").get("schema").get("format").asString())
        .isEqualTo("date-time");
    assertThat(parameter(data, "include_total").get("schema").get("type").asString())
        .isEqualTo("boolean");
    assertThat(
            parameter(data, "sort").get("schema").get("enum").valueStream().map(JsonNode::asString))
        .containsExactlyInAnyOrder("-last_updated", "last_updated", "-price_usd", "price_usd");
    assertThat(
            parameter(paths.get("/runs").get("get"), "status")
                .get("schema")
                .get("enum")
                .valueStream()
                .map(JsonNode::asString))
        .containsExactly("running", "success", "partial", "failed");
    assertThat(
            parameter(paths.get("/runs/{run_id}").get("get"), "run_id")
                .get("schema")
                .get("type")
                .asString())
        .isEqualTo("integer");
    assertThat(
            parameter(paths.get("/assets/{asset_id}/candles").get("get"), "interval")
                .get("schema")
                .get("enum")
                .valueStream()
                .map(JsonNode::asString))
        .containsExactly("5m", "15m", "1h", "4h", "1d");
    assertThat(parameter(paths.get("/runs").get("get"), "source").get("schema").has("pattern"))
        .isTrue();
  }

  @Test
  void fieldsThatCanBeNullAreDeclaredNullableAndTheOthersAreNot() {
    JsonNode schemas = new Api(port).get("/openapi").body().get("components").get("schemas");

    JsonNode run = schemas.get("RunView").get("properties");
    assertThat(types(run.get("error"))).containsExactly("string", "null");
    assertThat(types(run.get("ended_at"))).containsExactly("string", "null");
    assertThat(types(run.get("run_id"))).containsExactly("integer");
    assertThat(types(run.get("source"))).containsExactly("string");
    JsonNode stats = schemas.get("SourceStats").get("properties");
    assertThat(stats.get("last_failure").get("anyOf").toString())
        .contains("#/components/schemas/LastFailure")
        .contains("\"null\"");
    assertThat(types(stats.get("success_rate"))).containsExactly("number", "null");
    JsonNode pagination = schemas.get("Pagination").get("properties");
    assertThat(types(pagination.get("next_cursor"))).containsExactly("string", "null");
    assertThat(types(schemas.get("Anomaly").get("properties").get("value")))
        .containsExactlyInAnyOrder("number", "string");
  }

  private static JsonNode parameter(JsonNode operation, String name) {
    return operation
        .get("parameters")
        .valueStream()
        .filter(p -> p.get("name").asString().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no parameter " + name));
  }

  private static List<String> types(JsonNode property) {
    JsonNode type = property.get("type");
    return type.isArray()
        ? type.valueStream().map(JsonNode::asString).toList()
        : List.of(type.asString());
  }

  @Test
  void theSwaggerUiIsServedAtDocs() {
    Api api = new Api(port);

    Api.Response docs = api.get("/docs");
    assertThat(docs.status()).isEqualTo(302);
    String location = docs.header("Location");
    assertThat(location).contains("swagger-ui");

    Api.Response ui = api.get(location.replaceFirst("^https?://[^/]+", ""));
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.raw().body()).contains("swagger-ui");
  }
}
