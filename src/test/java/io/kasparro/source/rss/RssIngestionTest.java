package io.kasparro.source.rss;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.support.IntegrationTest;
import io.kasparro.support.Samples;
import io.kasparro.support.TestClock;
import io.kasparro.system.http.TestUpstream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class RssIngestionTest {

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String FEED = Samples.read("crypto_news.rss.xml");
  static final String NEWER_ITEM =
      """
          <item>
            <title>XRP &amp; Cardano rally into the weekend</title>
            <link>https://news.example.org/markets/xrp-ada-rally</link>
            <guid isPermaLink="false">news-20261120-0004</guid>
            <pubDate>Fri, 20 Nov 2026 12:30:00 +0000</pubDate>
            <description><![CDATA[<b>XRP</b> and <i>ADA</i> led gains.]]></description>
          </item>
      """;

  /** The time of the runs: the day after the sample feed's items. */
  static final Clock NOW = TestClock.at("2026-11-21T00:00:00Z");

  @Autowired SourceRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;

  @Test
  void firstRunStoresEveryItemInBronzeAndNewsItemsWithoutHtml() throws Exception {
    stubFeed("/news.xml", FEED);

    RunResult result = run("/news.xml");

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(count("raw_records")).isEqualTo(3);
    List<Map<String, Object>> news =
        jdbc.queryForList(
            "SELECT guid, title, link, summary,"
                + " to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at"
                + " FROM news_items WHERE source = 'rss' ORDER BY published_at DESC");
    assertThat(news).hasSize(3);
    assertThat(news.get(0))
        .containsEntry("guid", "news-20261120-0001")
        .containsEntry("title", "Bitcoin holds above $91,000 as ETF inflows steady")
        .containsEntry("link", "https://news.example.org/markets/bitcoin-holds-above-91000")
        .containsEntry("summary", "BTC traded in a tight range on Friday & volumes eased.")
        .containsEntry("at", "2026-11-20 11:42");
    assertThat(news.get(2)).containsEntry("guid", "news-20261120-0003");
    assertThat(
            jdbc.queryForObject(
                "SELECT payload->>'summary' FROM raw_records WHERE source_record_id = ?",
                String.class,
                "news-20261120-0001"))
        .as("bronze keeps the summary as the feed gave it")
        .contains("<p>BTC traded");
  }

  @Test
  void aSecondIdenticalRunSkipsEverythingItHolds() throws Exception {
    stubFeed("/news.xml", FEED);
    run("/news.xml");

    RunResult second = run("/news.xml");

    assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(second.counts().fetched()).isZero();
    assertThat(count("raw_records")).isEqualTo(3);
    assertThat(count("news_items")).isEqualTo(3);
  }

  @Test
  void aNewItemInTheFeedIsTheOnlyThingAdded() throws Exception {
    stubFeed("/news.xml", FEED);
    run("/news.xml");

    int firstItem = FEED.indexOf("    <item>");
    stubFeed("/news.xml", FEED.substring(0, firstItem) + NEWER_ITEM + FEED.substring(firstItem));
    RunResult second = run("/news.xml");

    assertThat(second.counts().fetched()).isEqualTo(1);
    assertThat(count("raw_records")).isEqualTo(4);
    assertThat(
            jdbc.queryForMap(
                "SELECT title, summary FROM news_items WHERE guid = 'news-20261120-0004'"))
        .containsEntry("title", "XRP & Cardano rally into the weekend")
        .containsEntry("summary", "XRP and ADA led gains.");
  }

  @Test
  void anItemDatedInTheFutureDoesNotHideLaterRealItems() throws Exception {
    String fromTheFuture =
        NEWER_ITEM
            .replace("news-20261120-0004", "news-typo-2030")
            .replace("xrp-ada-rally", "typo")
            .replace("Fri, 20 Nov 2026 12:30:00", "Wed, 20 Nov 2030 12:30:00");
    int firstItem = FEED.indexOf("    <item>");
    stubFeed("/news.xml", FEED.substring(0, firstItem) + fromTheFuture + FEED.substring(firstItem));
    run("/news.xml");

    stubFeed(
        "/news.xml",
        FEED.substring(0, firstItem) + NEWER_ITEM + fromTheFuture + FEED.substring(firstItem));
    RunResult second = run("/news.xml");

    assertThat(second.counts().inserted()).isEqualTo(1);
    assertThat(count("news_items")).isEqualTo(5);
  }

  @Test
  void anItemWithoutAGuidIsKeyedByItsLink() throws Exception {
    stubFeed(
        "/news.xml", FEED.replace("<guid isPermaLink=\"false\">news-20261120-0002</guid>", ""));

    run("/news.xml");

    assertThat(jdbc.queryForList("SELECT guid FROM news_items ORDER BY published_at", String.class))
        .containsExactly(
            "news-20261120-0003",
            "https://news.example.org/tech/ethereum-upgrade-date",
            "news-20261120-0001");
  }

  @Test
  void anAtomFeedIsReadToo() throws Exception {
    stubFeed(
        "/atom.xml",
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Atom news</title>
          <id>urn:uuid:feed</id>
          <updated>2026-11-20T12:00:00Z</updated>
          <entry>
            <title>Stablecoin supply hits a record</title>
            <id>urn:uuid:entry-1</id>
            <link href="https://news.example.org/stablecoins"/>
            <published>2026-11-20T09:15:00Z</published>
            <updated>2026-11-20T09:20:00Z</updated>
            <summary type="html">&lt;p&gt;USDT &lt;em&gt;and&lt;/em&gt; USDC grew.&lt;/p&gt;</summary>
          </entry>
        </feed>
        """);

    run("/atom.xml");

    assertThat(jdbc.queryForMap("SELECT guid, link, summary FROM news_items"))
        .containsEntry("guid", "urn:uuid:entry-1")
        .containsEntry("link", "https://news.example.org/stablecoins")
        .containsEntry("summary", "USDT and USDC grew.");
  }

  @Test
  void aMalformedFeedFailsTheRunWithAClearErrorAndStoresNothing() throws Exception {
    stubFeed("/news.xml", FEED.substring(0, FEED.indexOf("<item>", 600)));

    RunResult result = run("/news.xml");

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error())
        .contains("rss: GET " + upstream.baseUrl() + "/news.xml")
        .contains("HTTP 200")
        .contains("not a readable RSS or Atom feed");
    assertThat(count("raw_records")).isZero();
    assertThat(count("news_items")).isZero();
  }

  @Test
  void aBrokenFeedDoesNotStopTheOthersButFailsTheRunNamingIt() throws Exception {
    stubFeed("/broken.xml", "<html><body>Not found</body></html>");
    stubFeed("/news.xml", FEED);

    RunResult result = run("/broken.xml", "/news.xml");

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).startsWith("1 of 2 feed(s) failed").contains("/broken.xml");
    assertThat(count("news_items")).isEqualTo(3);
  }

  private RunResult run(String... feedPaths) throws Exception {
    RssSource source =
        new RssSource(
            new RssProperties(
                true, upstream.baseUrl(), "", 6000, Duration.ofSeconds(2), List.of(feedPaths)),
            TestUpstream.http(),
            json,
            NOW);
    return runner.run(source, TriggeredBy.CLI);
  }

  private static void stubFeed(String path, String body) {
    upstream.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/rss+xml").withBody(body)));
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
