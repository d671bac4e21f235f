package io.kasparro.source.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.kasparro.system.http.MalformedBodyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import tools.jackson.databind.json.JsonMapper;

/** Feed parsing (Rome) and item extraction. Corpus: {@code FeedFuzzTestInputs/}. */
class FeedFuzzTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A body is a feed or fails as a malformed body (or an I/O error of its reader); every item of a
   * feed becomes a payload that is valid JSON.
   */
  @FuzzTest(maxDuration = "30s")
  void aBodyIsAFeedOrMalformed(byte[] body) {
    SyndFeed feed;
    try {
      feed = FeedItems.parse(new ByteArrayInputStream(body), "application/rss+xml");
    } catch (MalformedBodyException | IOException expected) {
      return;
    }
    for (SyndEntry entry : feed.getEntries()) {
      FeedItems.Item item = FeedItems.toItem("https://feed.example/rss", entry, JSON);
      assertThat(JSON.readTree(item.record().payloadJson()).isObject()).isTrue();
    }
  }
}
