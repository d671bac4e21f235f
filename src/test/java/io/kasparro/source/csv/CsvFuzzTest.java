package io.kasparro.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kasparro.source.InvalidRecordException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CSV splitter and row mapper on arbitrary input. Corpus: {@code CsvFuzzTestInputs/} in the
 * test resources; {@code JAZZER_FUZZ=1} fuzzes (README).
 */
class CsvFuzzTest {

  static final int MAX = 64;
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final CsvRowMapper MAPPER = new CsvRowMapper();

  /**
   * Boundaries only ever move forward and stay inside the input, no record exceeds the limit, and
   * records of text without quotes, CR or NUL are exactly its non-blank lines.
   */
  @FuzzTest(maxDuration = "30s")
  void splitterKeepsItsOffsetsAndLimit(byte[] input) throws IOException {
    RecordSplitter splitter = new RecordSplitter(new ByteArrayInputStream(input), 0, MAX);
    List<String> records = new ArrayList<>();
    long lastEnd = 0;
    String record;
    while ((record = splitter.next()) != null) {
      assertThat(splitter.recordEnd()).isBetween(lastEnd, (long) input.length);
      assertThat(splitter.resumeOffset()).isBetween(lastEnd, splitter.recordEnd());
      if (splitter.oversizedLength() < 0) {
        assertThat(record.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MAX * 3);
        records.add(record);
      } else {
        assertThat(splitter.oversizedLength()).isGreaterThan(MAX);
      }
      lastEnd = splitter.recordEnd();
    }
    String text = new String(input, StandardCharsets.UTF_8);
    boolean plain =
        text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n')
            && text.indexOf('"') < 0
            && text.lines().allMatch(l -> l.length() <= MAX);
    if (plain) {
      assertThat(records).isEqualTo(text.lines().filter(l -> !l.isEmpty()).toList());
    }
  }

  /** A row either becomes a quote or fails as an invalid record, never otherwise. */
  @FuzzTest(maxDuration = "30s")
  void rowMapperFailsOnlyAsAnInvalidRecord(FuzzedDataProvider data) {
    ObjectNode row = JSON.createObjectNode();
    String[] columns = {"symbol", "name", "price", "market_cap", "volume_24h", "last_updated"};
    for (String column : columns) {
      if (data.consumeBoolean()) {
        row.put(data.consumeBoolean() ? column : data.consumeString(12), data.consumeString(40));
      }
    }
    try {
      assertThat(MAPPER.toQuote(row)).isNotNull();
    } catch (InvalidRecordException expected) {
      assertThat(expected.errorType()).isNotBlank();
    }
  }
}
