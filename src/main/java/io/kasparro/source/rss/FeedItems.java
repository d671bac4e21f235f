package io.kasparro.source.rss;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.kasparro.source.RawRecord;
import io.kasparro.system.http.MalformedBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses RSS 2.0 / Atom with Rome and turns each item into the JSON document bronze stores: its
 * fields as the feed gave them (summary HTML included), in a fixed order so an unchanged item
 * always hashes the same.
 */
final class FeedItems {

  private FeedItems() {}

  /** One feed item read for bronze, with its key and time for skipping what is already held. */
  record Item(String key, Instant published, RawRecord record) {}

  static SyndFeed parse(InputStream body, String contentType) throws IOException {
    try {
      // DOCTYPEs stay refused (Rome's default), which keeps external entities out.
      return new SyndFeedInput().build(new XmlReader(body, contentType, true));
    } catch (FeedException | IllegalArgumentException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new MalformedBodyException("not a readable RSS or Atom feed: " + e.getMessage(), e);
    }
  }

  static Item toItem(String feed, SyndEntry entry, JsonMapper json) {
    ObjectNode payload = json.createObjectNode();
    payload.put("feed", feed);
    // Rome reports an RSS item's guid, or an Atom entry's id, as the entry's URI.
    putText(payload, "guid", entry.getUri());
    putText(payload, "link", entry.getLink());
    putText(payload, "title", entry.getTitle());
    putTime(payload, "published", entry.getPublishedDate());
    putTime(payload, "updated", entry.getUpdatedDate());
    putText(payload, "author", entry.getAuthor());
    ArrayNode categories = payload.putArray("categories");
    for (SyndCategory category : entry.getCategories()) {
      categories.add(category.getName());
    }
    SyndContent summary = summary(entry);
    if (summary != null) {
      putText(payload, "summary", summary.getValue());
      putText(payload, "summary_type", summary.getType());
    }
    String guid = text(entry.getUri());
    String key = guid != null ? guid : text(entry.getLink());
    Date published =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return new Item(
        key,
        published == null ? null : published.toInstant(),
        new RawRecord(key, json.writeValueAsString(payload)));
  }

  /** The item's description (RSS) or summary (Atom), else its first content block. */
  private static SyndContent summary(SyndEntry entry) {
    if (entry.getDescription() != null) {
      return entry.getDescription();
    }
    return entry.getContents().isEmpty() ? null : entry.getContents().get(0);
  }

  private static void putText(ObjectNode payload, String field, String value) {
    String text = text(value);
    if (text != null) {
      payload.put(field, text);
    }
  }

  private static void putTime(ObjectNode payload, String field, Date value) {
    if (value != null) {
      payload.put(field, value.toInstant().toString());
    }
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
