package io.kasparro.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.SourceRegistry;
import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import io.kasparro.web.RunErrorText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The console in a real browser against the running service on a seeded database: three enabled
 * sources whose last runs succeeded (csv), loaded part of their records (exchange) and failed
 * (feed), with BTC quoted by two of them.
 */
@IntegrationTest
@Import(ConsoleBrowserTest.Sources.class)
@TestPropertySource(
    properties = {
      "kasparro.api.key=" + ConsoleBrowserTest.KEY,
      "kasparro.sources.csv.path=target/console-test/*.csv"
    })
class ConsoleBrowserTest {

  static final String KEY = "console-test-key";
  static final Path CSV_DIRECTORY = Path.of("target/console-test");

  @TestConfiguration(proxyBeanMethods = false)
  static class Sources {
    @Bean
    ExchangeFixture exchange() {
      return new ExchangeFixture("exchange");
    }

    @Bean
    ExchangeFixture feed() {
      return new ExchangeFixture("feed");
    }
  }

  private static Browser browser;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SourceRunner runner;
  @Autowired SourceRegistry sources;
  @Autowired ExchangeFixture exchange;
  @Autowired ExchangeFixture feed;

  @BeforeEach
  void seedAndOpenABrowser() throws Exception {
    Files.createDirectories(CSV_DIRECTORY);
    StringBuilder csv = new StringBuilder("symbol,name,price_usd,volume_24h_usd,last_updated\n");
    List<String> exchangeQuotes = new ArrayList<>();
    for (int hour = 0; hour < 24; hour++) {
      String at = Instant.parse("2026-11-20T00:00:00Z").plusSeconds(3600L * hour).toString();
      csv.append("BTC,Bitcoin,")
          .append(90000 + 40 * hour)
          .append(".25,41000000000,")
          .append(at)
          .append('\n');
      exchangeQuotes.add(
          "{\"id\": \"bitcoin\", \"symbol\": \"BTC\", \"name\": \"Bitcoin\", \"price\": \""
              + (90100 + 35 * hour)
              + ".50\", \"at\": \""
              + at
              + "\", \"venue\": \"spot\"}");
    }
    Files.writeString(CSV_DIRECTORY.resolve("prices.csv"), csv);
    exchangeQuotes.add(
        "{\"id\": \"ethereum\", \"symbol\": \"ETH\", \"name\": \"Ethereum\", \"price\":"
            + " \"3,105.25\", \"at\": \"2026-11-20T23:00:00Z\", \"venue\": \"spot\"}");
    exchange.serve(exchangeQuotes);
    exchange.readSeparators(false);
    feed.down(true);
    run("csv");
    run("exchange");
    run("feed");
    if (browser == null) {
      browser = Browser.start("http://localhost:" + port);
    }
  }

  @AfterEach
  void nothingLeftTheServiceAndNothingFailed() {
    browser.assertOnlyTheServiceWasAskedAndNothingFailed();
  }

  @AfterAll
  static void closeTheBrowser() throws IOException {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void theOverviewListsEveryEnabledSourceWithItsRealLastRunStatus() {
    browser.open("#/");
    browser.waitFor("article.card[data-source='feed']");

    for (String source : sources.names()) {
      String status =
          jdbc.queryForObject(
              "SELECT status FROM etl_runs WHERE source = ? ORDER BY run_id DESC LIMIT 1",
              String.class,
              source);
      WebElement card = browser.waitFor("article.card[data-source='" + source + "']");
      assertThat(
              card.findElement(By.cssSelector("[data-last-run-status]"))
                  .getAttribute("data-last-run-status"))
          .as(source)
          .isEqualTo(status);
    }
    assertThat(browser.all("article.card")).hasSize(sources.names().size());
    assertThat(sources.names()).containsExactlyInAnyOrder("csv", "exchange", "feed");
    // A key is configured and this browser has not given it yet: run errors are not shown.
    assertThat(browser.waitFor("article.card[data-source='feed']").getText())
        .contains(RunErrorText.HIDDEN)
        .doesNotContain("feed.example");
    assertThat(browser.waitFor("#database-status").getText()).contains("up");
    browser.screenshot("overview");
  }

  @Test
  void theAssetChartDrawsOneSeriesPerSourceFromTheCandlesApi() {
    long btc = jdbc.queryForObject("SELECT asset_id FROM assets WHERE symbol = 'BTC'", Long.class);
    browser.open("#/assets?q=bit");
    browser.waitFor("tr[data-symbol='BTC']");
    browser.screenshot("assets");

    browser.go("#/assets/" + btc + "?range=1d");
    WebElement chart = browser.waitFor("#price-chart[data-series] canvas");

    assertThat(browser.waitFor("#price-chart").getAttribute("data-series"))
        .isEqualTo("csv,exchange,consensus");
    assertThat(browser.all("#price-chart .u-legend .u-series .u-label"))
        .extracting(WebElement::getText)
        .containsExactly("time", "csv", "exchange", "consensus");
    assertThat(chart.getSize().getHeight()).isGreaterThan(100);
    assertThat(resources()).anyMatch(url -> url.contains("/assets/" + btc + "/candles?"));
    browser.screenshot("asset");
  }

  @Test
  void runNowAsksForTheKeyAndWithItStartsARunThatAppearsInRuns() {
    browser.open("#/");
    long runsBefore = runs();

    browser.waitFor("[data-source='csv'] [data-run-now='csv']").click();
    browser.waitFor("#key-dialog[open]");
    browser.waitFor("#key-dialog button[value='cancel']").click();
    browser.waitUntilGone("#key-dialog[open]");
    assertThat(runs()).isEqualTo(runsBefore);

    browser.waitFor("[data-source='csv'] [data-run-now='csv']").click();
    browser.waitFor("#key-input").sendKeys(KEY);
    browser.waitFor("#key-ok").click();
    String runId = browser.waitFor("[data-started-run]").getAttribute("data-started-run");

    assertThat(runs()).isEqualTo(runsBefore + 1);
    assertThat(browser.sessionStorage()).containsValue(KEY);
    assertThat(browser.driver.getPageSource()).doesNotContain(KEY);
    assertThat(browser.driver.getCurrentUrl()).doesNotContain(KEY);
    awaitFinished(Long.parseLong(runId));
    browser.go("#/runs");
    browser.waitFor("tr[data-run-id='" + runId + "'][data-status='success']");
    browser.screenshot("runs");
    browser.go("#/runs/" + runId);
    browser.waitFor("h1 .badge-success");
    browser.go("#/runs/" + lastRun("exchange"));
    browser.waitFor("tr[data-failure-id]");
    browser.screenshot("run");
  }

  @Test
  void runNowOfASourceThatIsRunningSaysSo() {
    feed.hold();
    try {
      Api.Response started =
          new Api(port)
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/runs"))
                      .header("Content-Type", "application/json")
                      .header("X-API-Key", KEY)
                      .POST(HttpRequest.BodyPublishers.ofString("{\"source\": \"feed\"}"))
                      .build());
      assertThat(started.status()).isEqualTo(202);
      browser.open("#/");

      browser.waitFor("[data-source='feed'] [data-run-now='feed']").click();
      browser.waitFor("#key-input").sendKeys(KEY);
      browser.waitFor("#key-ok").click();

      assertThat(browser.waitFor("[data-source='feed'] .run-result.error").getText())
          .isEqualTo("feed is already running");
    } finally {
      feed.release();
    }
    awaitFinished(lastRun("feed"));
    // Chromium logs every 4xx answer; this one is expected.
    browser.expectError(
        "/runs - Failed to load resource: the server responded with a status of 409");
  }

  @Test
  void aFailedRecordIsInDataQualityAndLeavesItAfterAReplayThatLoadsIt() {
    browser.open("#/quality");
    WebElement failure = browser.waitFor("tr[data-failure-id][data-source='exchange']");
    assertThat(failure.getText()).contains("invalid_number", "price '3,105.25' is not a number");
    failure.findElement(By.cssSelector("details summary")).click();
    assertThat(failure.findElement(By.cssSelector("pre.json")).getText())
        .contains("\"id\": \"ethereum\"", "\"price\": \"3,105.25\"");
    assertThat(browser.waitFor("main").getText()).contains("venue");
    browser.screenshot("quality");

    exchange.readSeparators(true);
    browser.waitFor("[data-replay='exchange']").click();
    browser.waitFor("#key-input").sendKeys(KEY);
    browser.waitFor("#key-ok").click();

    browser.waitUntilGone("tr[data-failure-id]");
    assertThat(browser.waitFor("#replay-result").getText())
        .isEqualTo("Replay of exchange: 1 records, 1 loaded, 0 still failing.");
    assertThat(
            jdbc.queryForObject(
                "SELECT q.price_usd::text FROM market_quotes q JOIN assets a USING (asset_id)"
                    + " WHERE a.symbol = 'ETH' AND q.source = 'exchange'",
                String.class))
        .isEqualTo("3105.25");
  }

  @SuppressWarnings("unchecked")
  private List<String> resources() {
    return (List<String>)
        browser.script("return performance.getEntriesByType('resource').map(e => e.name)");
  }

  private void run(String source) throws SQLException {
    runner.run(sources.find(source).orElseThrow(), TriggeredBy.CLI);
  }

  private long runs() {
    return jdbc.queryForObject("SELECT count(*) FROM etl_runs", Long.class);
  }

  private long lastRun(String source) {
    return jdbc.queryForObject(
        "SELECT max(run_id) FROM etl_runs WHERE source = ?", Long.class, source);
  }

  private void awaitFinished(long runId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      Map<String, Object> run =
          jdbc.queryForMap("SELECT status FROM etl_runs WHERE run_id = ?", runId);
      if (!"running".equals(run.get("status"))) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
