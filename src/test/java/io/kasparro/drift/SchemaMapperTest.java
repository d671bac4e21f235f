package io.kasparro.drift;

import static io.kasparro.source.PayloadSchema.Type.NUMBER;
import static io.kasparro.source.PayloadSchema.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.PayloadSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
            "{\"file\":\"a.csv\",\"row\":{\"Ticker\":\"BTC\",\"Price\":\"1\",\"Last Update\":\"2026-11-20\"}}");

    SchemaMapper.Inspection inspection = mapper(Map.of()).inspect("csv", csvLike, payload);

    assertThat(inspection.payload().at("/row/last_updated").asString()).isEqualTo("2026-11-20");
    assertThat(inspection.payload().at("/row/Last Update").isMissingNode()).isTrue();
    assertThat(payload.at("/row/Last Update").asString()).isEqualTo("2026-11-20");
    RecordDrift.Rename rename = inspection.drift().renamed().get(0);
    assertThat(rename.from()).isEqualTo("Last Update");
    assertThat(rename.to()).isEqualTo("last_updated");
    assertThat(rename.mapped()).isTrue();
    assertThat(inspection.drift().added()).isEmpty();
    assertThat(inspection.drift().missing()).isEmpty();
  }

  @Test
  void aRenameIsLookedForAmongSiblingsOfANestedField() {
    JsonNode payload =
        json.readTree("{\"id\":\"x\",\"quotes\":{\"USD\":{\"price_usd\":2.5}},\"price\":9}");

    SchemaMapper.Inspection inspection = mapper(Map.of()).inspect("p", nested, payload);

    assertThat(inspection.payload().at("/quotes/USD/price").asDouble()).isEqualTo(2.5);
    assertThat(inspection.drift().renamed())
        .extracting(RecordDrift.Rename::from)
        .containsExactly("quotes.USD.price_usd");
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

  private static SchemaMapper mapper(Map<String, Map<String, String>> confirmed) {
    return new SchemaMapper(new SchemaProperties(0.8, 0.6, confirmed));
  }
}
