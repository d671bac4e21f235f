package io.kasparro.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.SourceRegistry;
import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The console when the service asks for the key on reads too. */
@IntegrationTest
@TestPropertySource(
    properties = {
      "kasparro.api.key=" + ConsoleWithKeyForReadsBrowserTest.KEY,
      "kasparro.api.require-key-for-reads=true",
      "kasparro.sources.csv.path=target/console-test/*.csv"
    })
class ConsoleWithKeyForReadsBrowserTest {

  static final String KEY = "reads-need-this-key";

  @LocalServerPort int port;
  @Autowired SourceRunner runner;
  @Autowired SourceRegistry sources;

  Browser browser;

  @AfterEach
  void closeTheBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theConsoleLoadsWithoutTheKeyThenAsksForItAndShowsTheOverview() throws Exception {
    Files.createDirectories(ConsoleBrowserTest.CSV_DIRECTORY);
    Files.writeString(
        ConsoleBrowserTest.CSV_DIRECTORY.resolve("prices.csv"),
        "symbol,name,price_usd,last_updated\nBTC,Bitcoin,90000.25,2026-11-20T00:00:00Z\n");
    runner.run(sources.find("csv").orElseThrow(), TriggeredBy.CLI);
    Api api = new Api(port);
    assertThat(api.get("/").status()).isEqualTo(200);
    assertThat(api.get("/console/js/app.js").status()).isEqualTo(200);
    assertThat(api.get("/stats").status()).isEqualTo(401);
    browser = Browser.start("http://localhost:" + port);

    browser.open("#/");
    browser.waitFor("#key-dialog[open]");
    browser.waitFor("#key-input").sendKeys(KEY);
    browser.waitFor("#key-ok").click();

    assertThat(browser.waitFor("article.card[data-source='csv'] [data-last-run-status]").getText())
        .contains("success");
  }
}
