package io.kasparro.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kasparro.source.JsonArrayStream;
import io.kasparro.system.http.MalformedBodyException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The streamed JSON array reader. Corpus: {@code JsonArrayStreamFuzzTestInputs/}. */
class JsonArrayStreamFuzzTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Fails only as a malformed body or a JSON error; each element's recorded text parses back to the
   * element it came with (the bronze hash covers that text).
   */
  @FuzzTest(maxDuration = "30s")
  void elementsRoundTripOrTheBodyFailsCleanly(byte[] body) {
    List<JsonArrayStream.Element> elements = new ArrayList<>();
    try {
      JsonArrayStream.read(JSON, new ByteArrayInputStream(body), "application/json", elements::add);
    } catch (MalformedBodyException | JacksonException expected) {
      return;
    }
    for (JsonArrayStream.Element element : elements) {
      JsonNode reparsed = JSON.readTree(element.json());
      assertThat(reparsed).isEqualTo(element.node());
    }
  }
}
