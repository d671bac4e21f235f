package io.kasparro.quotes;

import static io.kasparro.support.ProblemAssertions.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.kasparro.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Quotes of two sources; a source filter must name an enabled source, so both are enabled. */
@IntegrationTest
@TestPropertySource(properties = "kasparro.sources.coingecko.enabled=true")
class DataApiTest {

  static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Api api;
  Fixtures fixtures;
  List<Quote> quotes;
  long btc;
  long eth;

  /** What a fixture quote is, to compute expected pages independently of the API. */
  record Quote(long id, long assetId, String source, BigDecimal price, Instant lastUpdated) {}

  @BeforeEach
  void knownQuotes() {
    api = new Api(port);
    fixtures = new Fixtures(jdbc);
    long run = fixtures.run("csv", "success", T0, T0.plusSeconds(5), 23, 23, 0, null);
    long other = fixtures.run("coingecko", "success", T0, T0.plusSeconds(5), 4, 4, 0, null);
    btc = fixtures.asset("BTC", "Bitcoin");
    eth = fixtures.asset("ETH", "Ethereum");
    long sol = fixtures.asset("SOL", "Solana");
    quotes = new ArrayList<>();
    // 23 csv quotes in groups sharing a timestamp and some sharing a price, so ties are broken
    // by id; and 4 coingecko quotes.
    for (int i = 0; i < 23; i++) {
      long asset = i % 3 == 0 ? btc : i % 3 == 1 ? eth : sol;
      Instant at = T0.plusSeconds(3600L * (i / 3));
      String price = (100 + (i % 5)) + "." + (i % 2 == 0 ? "5" : "25");
      add(run, asset, "csv", price, at);
    }
    for (int i = 0; i < 4; i++) {
      add(other, btc, "coingecko", "91000." + i, T0.plusSeconds(60L * i));
    }
  }

  private void add(long run, long asset, String source, String price, Instant at) {
    long id = fixtures.quote(run, asset, source, price, at);
    quotes.add(new Quote(id, asset, source, new BigDecimal(price), at));
  }

  @Test
  void aPageCarriesEveryFieldWithItsTypeAndValueAndTheClientsRequestId() {
    Api.Response response =
        api.get(
            "/data?asset_id=" + btc + "&source=coingecko&limit=2",
            Map.of("X-Request-ID", "req-42"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Request-ID")).isEqualTo("req-42");
    assertThat(response.header("X-API-Latency-MS")).matches("\\d+");
    JsonNode first = response.body().get("data").get(0);
    Quote newest =
        quotes.stream()
            .filter(q -> q.source().equals("coingecko"))
            .max(Comparator.comparing(Quote::lastUpdated))
            .orElseThrow();
    assertThat(first.get("id").asLong()).isEqualTo(newest.id());
    assertThat(first.get("asset_id").isIntegralNumber()).isTrue();
    assertThat(first.get("asset_id").asLong()).isEqualTo(btc);
    assertThat(first.get("symbol").asString()).isEqualTo("BTC");
    assertThat(first.get("name").asString()).isEqualTo("Bitcoin");
    assertThat(first.get("source").asString()).isEqualTo("coingecko");
    assertThat(first.get("price_usd").isNumber()).isTrue();
    assertThat(first.get("price_usd").decimalValue()).isEqualByComparingTo("91000.3");
    assertThat(first.get("market_cap_usd").isNull()).isTrue();
    assertThat(first.get("volume_24h_usd").decimalValue()).isEqualByComparingTo("1000");
    assertThat(first.get("last_updated").asString()).isEqualTo("2026-11-20T00:03:00Z");
    JsonNode pagination = response.body().get("pagination");
    assertThat(pagination.get("limit").asInt()).isEqualTo(2);
    assertThat(pagination.get("offset").asInt()).isZero();
    assertThat(pagination.get("total").asLong()).isEqualTo(4);
    assertThat(pagination.get("sort").asString()).isEqualTo("-last_updated");
    assertThat(pagination.get("next_cursor").isString()).isTrue();
    assertThat(response.body().get("metadata").get("request_id").asString()).isEqualTo("req-42");
    assertThat(response.body().get("metadata").get("api_latency_ms").isIntegralNumber()).isTrue();
  }

  @Test
  void filtersSelectOnlyMatchingQuotes() {
    Instant from = T0.plusSeconds(3600);
    Instant to = T0.plusSeconds(3 * 3600);
    List<Long> expected =
        quotes.stream()
            .filter(q -> q.assetId() == eth && q.source().equals("csv"))
            .filter(q -> !q.lastUpdated().isBefore(from) && !q.lastUpdated().isAfter(to))
            .sorted(order("-last_updated"))
            .map(Quote::id)
            .toList();

    Api.Response response =
        api.get("/data?symbol=eth&source=csv&from=" + from + "&to=" + to + "&limit=1000");

    assertThat(ids(response)).containsExactlyElementsOf(expected).isNotEmpty();
    assertThat(response.body().get("pagination").get("total").asLong()).isEqualTo(expected.size());
  }

  @Test
  void aDateAloneMeansTheWholeDayAndATimeWithoutZoneIsUtc() {
    List<Long> wholeDay =
        quotes.stream()
            .filter(q -> q.lastUpdated().isBefore(T0.plusSeconds(86_400)))
            .sorted(order("-last_updated"))
            .map(Quote::id)
            .toList();
    List<Long> fromOneAm =
        quotes.stream()
            .filter(q -> !q.lastUpdated().isBefore(T0.plusSeconds(3600)))
            .sorted(order("-last_updated"))
            .map(Quote::id)
            .toList();

    assertThat(ids(api.get("/data?from=2026-11-20&to=2026-11-20&limit=1000")))
        .containsExactlyElementsOf(wholeDay)
        .hasSize(quotes.size());
    assertThat(ids(api.get("/data?from=2026-11-20T01:00:00&limit=1000")))
        .containsExactlyElementsOf(fromOneAm)
        .hasSizeLessThan(quotes.size());
  }

  @Test
  void offsetPagesCoverEveryRowExactlyOnce() {
    List<Long> seen = new ArrayList<>();
    for (int offset = 0; offset < quotes.size(); offset += 5) {
      Api.Response page = api.get("/data?limit=5&offset=" + offset);
      assertThat(page.body().get("pagination").get("offset").asInt()).isEqualTo(offset);
      seen.addAll(ids(page));
    }

    assertThat(seen)
        .containsExactlyElementsOf(
            quotes.stream().sorted(order("-last_updated")).map(Quote::id).toList());
  }

  @ParameterizedTest
  @CsvSource({"-last_updated", "last_updated", "price_usd", "-price_usd"})
  void cursorPagesCoverEveryRowExactlyOnceInEverySort(String sort) {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String path =
          "/data?limit=4&sort="
              + sort
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      Api.Response page = api.get(path);
      assertThat(page.status()).isEqualTo(200);
      seen.addAll(ids(page));
      JsonNode next = page.body().get("pagination").get("next_cursor");
      cursor = next.isNull() ? null : next.asString();
      pages++;
    } while (cursor != null && pages < 20);

    assertThat(seen)
        .containsExactlyElementsOf(quotes.stream().sorted(order(sort)).map(Quote::id).toList());
    assertThat(pages).isEqualTo((quotes.size() + 3) / 4);
  }

  @Test
  void anEditedOrMisusedCursorIsRejected() {
    String cursor = api.get("/data?limit=3").body().get("pagination").get("next_cursor").asString();
    char flipped = cursor.charAt(5) == 'A' ? 'B' : 'A';
    String edited = cursor.substring(0, 5) + flipped + cursor.substring(6);

    assertBadParameter(api.get("/data?cursor=" + edited), "cursor");
    assertBadParameter(api.get("/data?cursor=bm90LWEtY3Vyc29y"), "cursor");
    assertBadParameter(api.get("/data?offset=3&cursor=" + cursor), "offset");
    assertBadParameter(api.get("/data?sort=price_usd&cursor=" + cursor), "sort");
  }

  @Test
  void aSymbolSharedByTwoAssetsListsTheQuotesOfBothInOrder() {
    long run = fixtures.run("csv", "success", T0, T0.plusSeconds(5), 2, 2, 0, null);
    long bitcoinGold = fixtures.asset("BTC", "Bitcoin Gold");
    add(run, bitcoinGold, "csv", "20.5", T0.plusSeconds(90));
    add(run, bitcoinGold, "csv", "21.5", T0.plusSeconds(7200));
    List<Long> expected =
        quotes.stream()
            .filter(q -> q.assetId() == btc || q.assetId() == bitcoinGold)
            .sorted(order("-last_updated"))
            .map(Quote::id)
            .toList();

    Api.Response response = api.get("/data?symbol=BTC&limit=1000");

    assertThat(ids(response)).containsExactlyElementsOf(expected);
    assertThat(response.body().get("pagination").get("total").asLong()).isEqualTo(expected.size());
  }

  @Test
  void anUnknownSymbolGivesAnEmptyPageCountedExactly() {
    Api.Response response = api.get("/data?symbol=NOPE");

    assertThat(response.status()).isEqualTo(200);
    assertThat(ids(response)).isEmpty();
    assertThat(response.body().get("pagination").get("total").asLong()).isZero();
    assertThat(response.body().get("pagination").get("total_exact").asBoolean()).isTrue();
    assertThat(response.body().get("pagination").get("next_cursor").isNull()).isTrue();
  }

  @Test
  void theTotalIsExactUpToTenThousandAndALowerBoundBeyond() {
    long run = fixtures.run("csv", "success", T0, T0.plusSeconds(5), 1, 1, 0, null);
    long many = fixtures.asset("MANY", "Many Quotes");
    insertQuotes(run, many, 10_000);

    JsonNode exact = api.get("/data?asset_id=" + many + "&limit=1").body().get("pagination");
    insertQuotes(run, many, 1);
    JsonNode capped = api.get("/data?asset_id=" + many + "&limit=1").body().get("pagination");

    assertThat(exact.get("total").asLong()).isEqualTo(10_000);
    assertThat(exact.get("total_exact").asBoolean()).isTrue();
    assertThat(capped.get("total").asLong()).isEqualTo(10_000);
    assertThat(capped.get("total_exact").asBoolean()).isFalse();
  }

  /** {@code count} more quotes of an asset, each at its own time, with their bronze rows. */
  private void insertQuotes(long run, long asset, int count) {
    jdbc.update(
        """
        WITH raw AS (
          INSERT INTO raw_records (source, run_id, payload, payload_hash)
          SELECT 'csv', ?, '{}'::jsonb, sha256(convert_to(gen_random_uuid()::text, 'UTF8'))
            FROM generate_series(1, ?)
          RETURNING id)
        INSERT INTO market_quotes (asset_id, source, price_usd, last_updated, raw_id, run_id)
        SELECT ?, 'csv', 1, ?::timestamptz + make_interval(secs => id), id, ?
          FROM raw
        """,
        run,
        count,
        asset,
        T0.toString(),
        run);
  }

  @Test
  void theTotalCanBeSkipped() {
    Api.Response response = api.get("/data?include_total=false&limit=1");

    assertThat(response.body().get("pagination").get("total").isNull()).isTrue();
    assertThat(response.body().get("pagination").get("total_exact").isNull()).isTrue();
    assertThat(ids(response)).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "symbol=' OR 1=1 --|symbol",
        "symbol=BTC'; DROP TABLE market_quotes; --|symbol",
        "source=csv' OR '1'='1|source",
        "asset_id=1 OR 1=1|asset_id",
        "limit=-1|limit",
        "limit=0|limit",
        "limit=1000000000|limit",
        "limit=1e9|limit",
        "offset=-5|offset",
        "from=notadate|from",
        "to=2026-13-45|to",
        "from=2026-11-21&to=2026-11-20|from",
        "sort=price_usd; DROP TABLE assets|sort",
        "sort=name|sort",
        "include_total=yes|include_total",
      })
  void hostileInputsAreRejectedAndChangeNothing(String query, String parameter) {
    Map<String, Object> before = fixtures.rowCounts();

    Api.Response response = api.get("/data?" + encodeValues(query));

    assertBadParameter(response, parameter);
    assertThat(fixtures.rowCounts()).isEqualTo(before);
  }

  @Test
  void tenKilobyteParametersAreRejectedAndChangeNothing() {
    Map<String, Object> before = fixtures.rowCounts();
    String huge = "A".repeat(10 * 1024);

    assertBadParameter(api.get("/data?symbol=" + huge), "symbol");
    assertBadParameter(api.get("/data?cursor=" + huge), "cursor");
    assertBadParameter(api.get("/data?from=" + huge), "from");
    assertThat(fixtures.rowCounts()).isEqualTo(before);
  }

  @Test
  void anUnknownPathIsA404Problem() {
    Api.Response response = api.get("/no-such-thing", Map.of("X-Request-ID", "req-404"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("status").asInt()).isEqualTo(404);
    assertThat(response.body().get("title").asString()).isNotBlank();
    assertThat(response.body().get("request_id").asString()).isEqualTo("req-404");
  }

  private static Comparator<Quote> order(String sort) {
    Comparator<Quote> byKey =
        sort.endsWith("price_usd")
            ? Comparator.comparing(Quote::price)
            : Comparator.comparing(Quote::lastUpdated);
    Comparator<Quote> ascending = byKey.thenComparing(Quote::id);
    return sort.startsWith("-") ? ascending.reversed() : ascending;
  }

  private static List<Long> ids(Api.Response response) {
    List<Long> ids = new ArrayList<>();
    response.body().get("data").forEach(row -> ids.add(row.get("id").asLong()));
    return ids;
  }

  private static String encodeValues(String query) {
    StringBuilder encoded = new StringBuilder();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (!encoded.isEmpty()) {
        encoded.append('&');
      }
      encoded
          .append(pair, 0, eq + 1)
          .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return encoded.toString();
  }
}
