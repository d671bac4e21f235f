package io.kasparro.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kasparro.cli.CommandRunner;
import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import io.kasparro.system.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric that the Prometheus alert rules and the Grafana dashboard in deploy/ name is one the
 * service exports, once it has run a file source and a network source.
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "kasparro.sources.coingecko.enabled=true",
      "kasparro.sources.coingecko.pages=1",
      "kasparro.sources.coingecko.rate-limit-per-minute=6000"
    })
class MonitoringFilesTest {

  /** A metric name as PromQL writes it, not followed by "(" (which makes it a function). */
  private static final Pattern METRIC =
      Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

  /** Series Prometheus makes itself rather than scraping them. */
  private static final Set<String> SYNTHETIC = Set.of("up");

  private static final Set<String> PROMQL_WORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "inf",
          "nan");

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void upstreamUrl(DynamicPropertyRegistry registry) {
    registry.add("kasparro.sources.coingecko.base-url", upstream::baseUrl);
  }

  @LocalServerPort int port;
  @Autowired CommandRunner commands;
  @Autowired JsonMapper json;

  @Test
  void everyMetricTheAlertsAndTheDashboardNameIsExported() throws IOException {
    upstream.stubFor(get(urlPathEqualTo("/coins/markets")).willReturn(okJson("[]")));
    commands.run(Command.parse(new String[] {"run-once"}));
    Api api = new Api(port);
    api.get("/data");
    Set<String> exported = exportedSeries(api.get("/metrics").raw().body());

    Set<String> named = new TreeSet<>();
    alertExpressions().forEach(expr -> named.addAll(metricsIn(expr)));
    dashboardExpressions().forEach(expr -> named.addAll(metricsIn(expr)));

    assertThat(named)
        .as("what the files name (the extraction itself works)")
        .contains(
            "kasparro_etl_runs_total",
            "kasparro_etl_last_success_timestamp_seconds",
            "kasparro_transform_failures_total",
            "kasparro_upstream_requests_total",
            "http_server_requests_seconds_count");
    named.removeAll(SYNTHETIC);
    assertThat(exported).containsAll(named);
  }

  private static Set<String> exportedSeries(String exposition) {
    return exposition
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0])
        .collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private static List<String> alertExpressions() throws IOException {
    Map<String, Object> rules =
        new Yaml().load(Files.readString(Path.of("deploy", "prometheus", "alerts.yml")));
    List<String> expressions = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        expressions.add((String) rule.get("expr"));
      }
    }
    assertThat(expressions).hasSizeGreaterThanOrEqualTo(4);
    return expressions;
  }

  private List<String> dashboardExpressions() throws IOException {
    JsonNode dashboard =
        json.readTree(Files.readString(Path.of("deploy", "grafana", "kasparro-dashboard.json")));
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.path("expr").asString());
      }
    }
    assertThat(expressions).isNotEmpty();
    return expressions;
  }

  /** The metric names in a PromQL expression: label matchers, strings and grouping set aside. */
  static Set<String> metricsIn(String expression) {
    String bare =
        expression
            .replaceAll("\"[^\"]*\"", "")
            .replaceAll("\\{[^}]*}", "")
            .replaceAll("\\[[^]]*]", "")
            .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
    Set<String> names = new TreeSet<>();
    Matcher matcher = METRIC.matcher(bare);
    while (matcher.find()) {
      String token = matcher.group(1);
      if (!PROMQL_WORDS.contains(token.toLowerCase()) && !token.matches("\\d.*")) {
        names.add(token);
      }
    }
    return names;
  }
}
