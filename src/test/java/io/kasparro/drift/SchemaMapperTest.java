package io.kasparro.drift;

import static io.kasparro.source.PayloadSchema.Type.NUMBER;
import static io.kasparro.source.PayloadSchema.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.PayloadSchema;
import io.kasparro.source.coingecko.CoinGeckoQuotes;
import io.kasparro.source.csv.CsvFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SchemaMapperTest {

  final JsonMapper json = JsonMapper.builder().build();

  final PayloadSchema csvLike =
      PayloadSchema.builder()
          .root("row")
          .lenientNames()
          .required("symbol", STRING, "ticker")
          .required("price_usd", STRING, "price")
          .required("last_updated", STRING, "timestamp")
          .build();

  final PayloadSchema nested =
      PayloadSchema.builder().required("id", STRING).required("quotes.USD.price", NUMBER).build();

  @Test
  void aLenientSchemaMapsARenamedHeaderAndLeavesTheOriginalPayloadAlone() {
    JsonNode payload =
        json.readTree(
            "{\"file\":\"a.csv\",\"row\":{\"Ticker\":\"BTC\",\"Price\":\"1\",\"LastUpdated\":\"2026-11-20\"}}");

    SchemaMapper.Inspection inspection = mapper(Map.of()).inspect("csv", csvLike, payload);

    assertThat(inspection.payload().at("/row/last_updated").asString()).isEqualTo("2026-11-20");
    assertThat(inspection.payload().at("/row/LastUpdated").isMissingNode()).isTrue();
    assertThat(payload.at("/row/LastUpdated").asString()).isEqualTo("2026-11-20");
    RecordDrift.Rename rename = inspection.drift().renamed().get(0);
    assertThat(rename.from()).isEqualTo("LastUpdated");
    assertThat(rename.to()).isEqualTo("last_updated");
    assertThat(rename.mapped()).isTrue();
    assertThat(inspection.drift().added()).isEmpty();
    assertThat(inspection.drift().missing()).isEmpty();
  }

  @Test
  void aRenameIsLookedForAmongSiblingsOfANestedField() {
    JsonNode payload =
        json.readTree("{\"id\":\"x\",\"quotes\":{\"USD\":{\"Price\":2.5}},\"price\":9}");

    SchemaMapper.Inspection inspection = mapper(Map.of()).inspect("p", nested, payload);

    assertThat(inspection.payload().at("/quotes/USD/price").asDouble()).isEqualTo(2.5);
    assertThat(inspection.drift().renamed())
        .extracting(RecordDrift.Rename::from)
        .containsExactly("quotes.USD.Price");
    assertThat(inspection.drift().added()).containsExactly("price");
  }

  @Test
  void aConfirmedMappingIsAppliedFirstAndIsNoLongerDrift() {
    JsonNode payload =
        json.readTree("{\"id\":\"x\",\"quotes\":{\"USD\":{\"price\":\"n/a\",\"px\":3}}}");

    SchemaMapper.Inspection inspection =
        mapper(Map.of("p", Map.of("quotes.USD.px", "quotes.USD.price")))
            .inspect("p", nested, payload);

    assertThat(inspection.payload().at("/quotes/USD/price").asInt()).isEqualTo(3);
    assertThat(inspection.drift().isEmpty()).isTrue();
  }

  @Test
  void aSourceWithoutASchemaPassesPayloadsThroughUntouched() {
    JsonNode payload = json.readTree("{\"anything\":1}");

    SchemaMapper.Inspection inspection = mapper(Map.of()).inspect("x", PayloadSchema.NONE, payload);

    assertThat(inspection.payload()).isSameAs(payload);
    assertThat(inspection.drift().isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{1} is not read as {2}")
  @CsvSource({
    "csv, market_cap_rank, market_cap_usd",
    "csv, volume_24h_eur, volume_24h_usd",
    "coingecko, current_price_eur, current_price",
    "coingecko, market_cap_eur, market_cap",
    "coingecko, total_volume_btc, total_volume"
  })
  void aSimilarNameWithAWordMoreIsReportedWithItsConfidenceButNotMapped(
      String source, String added, String expected) {
    Sample sample = sample(source);
    sample.fields().remove(expected);
    sample.fields().set(added, sample.value());

    SchemaMapper.Inspection inspection =
        mapper(Map.of()).inspect(source, sample.schema(), sample.payload());

    assertThat(inspection.drift().renamed()).hasSize(1);
    RecordDrift.Rename rename = inspection.drift().renamed().get(0);
    assertThat(rename.from()).isEqualTo(added);
    assertThat(rename.to()).isEqualTo(expected);
    assertThat(rename.confidence()).isGreaterThanOrEqualTo(new BigDecimal("0.8"));
    assertThat(rename.mapped()).isFalse();
    JsonNode fields = sample.fieldsOf(inspection.payload());
    assertThat(fields.has(expected)).isFalse();
    assertThat(fields.get(added)).isEqualTo(sample.value());
  }

  @ParameterizedTest(name = "{0} is read as current_price")
  @ValueSource(strings = {"price_current", "priceCurrent", "CurrentPrice", "PRICE-CURRENT"})
  void aMissingRequiredFieldUnderTheSameWordsInAnotherOrderOrSpellingIsMapped(String added) {
    Sample sample = sample("coingecko");
    JsonNode price = sample.fields().remove("current_price");
    sample.fields().set(added, price);

    SchemaMapper.Inspection inspection =
        mapper(Map.of()).inspect("coingecko", sample.schema(), sample.payload());

    RecordDrift.Rename rename = inspection.drift().renamed().get(0);
    assertThat(rename.from()).isEqualTo(added);
    assertThat(rename.to()).isEqualTo("current_price");
    assertThat(rename.mapped()).isTrue();
    assertThat(inspection.payload().get("current_price")).isEqualTo(price);
    assertThat(inspection.payload().has(added)).isFalse();
  }

  @Test
  void anAbsentOptionalFieldIsNotMappedEvenUnderTheSameWords() {
    Sample sample = sample("coingecko");
    JsonNode rank = sample.fields().remove("market_cap_rank");
    sample.fields().set("rank_market_cap", rank);

    SchemaMapper.Inspection inspection =
        mapper(Map.of()).inspect("coingecko", sample.schema(), sample.payload());

    RecordDrift.Rename rename = inspection.drift().renamed().get(0);
    assertThat(rename.from()).isEqualTo("rank_market_cap");
    assertThat(rename.to()).isEqualTo("market_cap_rank");
    assertThat(rename.mapped()).isFalse();
    assertThat(inspection.payload().has("market_cap_rank")).isFalse();
  }

  /**
   * A valid payload of a real source's schema: CoinGecko's first sample coin, or a CSV row with
   * only the required columns (plus name).
   *
   * @param value a value of the type the schema expects for amounts
   */
  private record Sample(PayloadSchema schema, ObjectNode payload, String root, JsonNode value) {

    ObjectNode fields() {
      return (ObjectNode) fieldsOf(payload);
    }

    JsonNode fieldsOf(JsonNode node) {
      return root.isEmpty() ? node : node.get(root);
    }
  }

  private Sample sample(String source) {
    if (source.equals("csv")) {
      ObjectNode payload =
          (ObjectNode)
              json.readTree(
                  "{\"file\":\"a.csv\",\"row\":{\"symbol\":\"BTC\",\"name\":\"Bitcoin\","
                      + "\"price_usd\":\"91000\",\"last_updated\":\"2026-11-20T12:00:00Z\"}}");
      PayloadSchema schema = CsvFixture.source(Path.of("."), json).expectedSchema();
      return new Sample(schema, payload, "row", json.getNodeFactory().stringNode("7"));
    }
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("samples/coingecko_coins_markets_page1.json")) {
      ObjectNode coin = (ObjectNode) json.readTree(in).get(0);
      return new Sample(CoinGeckoQuotes.SCHEMA, coin, "", json.getNodeFactory().numberNode(7));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SchemaMapper mapper(Map<String, Map<String, String>> confirmed) {
    return new SchemaMapper(new SchemaProperties(0.8, 0.6, confirmed));
  }
}
