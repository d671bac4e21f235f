package io.kasparro.source.rss;

import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.NewsItem;
import io.kasparro.source.PayloadFields;
import io.kasparro.source.Values;
import java.time.Instant;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;

/** Reads a news item from a feed item's bronze payload; the summary loses its HTML. */
final class RssNews {

  private RssNews() {}

  static NewsItem toNewsItem(JsonNode payload) {
    String guid = PayloadFields.text(payload, "guid");
    String link = PayloadFields.text(payload, "link");
    if (guid == null && link == null) {
      throw new InvalidRecordException("missing_field", "the item has neither a guid nor a link");
    }
    String title = PayloadFields.text(payload, "title");
    if (title == null) {
      throw new InvalidRecordException(
          "missing_field", "no title for " + (guid != null ? guid : link));
    }
    return new NewsItem(
        guid != null ? guid : link, plainText(title), link, published(payload), summary(payload));
  }

  private static Instant published(JsonNode payload) {
    String published = PayloadFields.text(payload, "published");
    String time = published != null ? published : PayloadFields.text(payload, "updated");
    return time == null ? null : Values.instant("published", time);
  }

  private static String summary(JsonNode payload) {
    String summary = PayloadFields.text(payload, "summary");
    if (summary == null) {
      return null;
    }
    String text = plainText(summary);
    return text.isEmpty() ? null : text;
  }

  /** The text a reader would see: tags dropped, entities decoded, whitespace collapsed. */
  private static String plainText(String html) {
    return Jsoup.parse(html).text();
  }
}
