package io.kasparro.pipeline;

import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.NewsItem;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns bronze rows into silver: transform, validate, then store each kind of silver record (market
 * quotes with their resolved asset, news items). A row that fails goes to transform_failures and
 * the others carry on. Runs inside the caller's transaction.
 */
@Component
class SilverLoader {

  private static final Logger log = LoggerFactory.getLogger(SilverLoader.class);

  private final ObjectReader payloads;
  private final AssetResolver assets;
  private final QuoteWriter quotes;
  private final NewsWriter news;
  private final FailureWriter failures;

  SilverLoader(
      JsonMapper json,
      AssetResolver assets,
      QuoteWriter quotes,
      NewsWriter news,
      FailureWriter failures) {
    // Decimals stay exact: a price like 0.000012345678901234567 must not pass through a double.
    this.payloads =
        json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    this.assets = assets;
    this.quotes = quotes;
    this.news = news;
    this.failures = failures;
  }

  /** Result of loading a set of rows. */
  record Loaded(int loaded, int failed) {}

  Loaded load(Source source, long runId, List<BronzeRow> rows) {
    List<FailureWriter.Failure> failed = new ArrayList<>();
    List<BronzeRow> quoteRows = new ArrayList<>();
    List<MarketQuote> quoteValues = new ArrayList<>();
    List<NewsWriter.Row> newsRows = new ArrayList<>();
    for (BronzeRow row : rows) {
      try {
        SilverRecord record = source.transform(payloads.readValue(row.payloadJson()));
        if (record instanceof MarketQuote quote) {
          quoteRows.add(row);
          quoteValues.add(quote);
        } else if (record instanceof NewsItem item) {
          newsRows.add(new NewsWriter.Row(row.rawId(), item));
        } else {
          throw new IllegalStateException(
              source.name() + " produced an unknown silver record: " + record);
        }
      } catch (InvalidRecordException e) {
        failed.add(new FailureWriter.Failure(row, e.errorType(), e.getMessage()));
      } catch (JacksonException | IllegalArgumentException e) {
        failed.add(new FailureWriter.Failure(row, "unreadable_payload", e.getMessage()));
      }
    }
    Map<String, Long> assetIds = assets.resolve(source.name(), quoteValues);
    List<QuoteWriter.Row> toWrite = new ArrayList<>(quoteValues.size());
    for (int i = 0; i < quoteValues.size(); i++) {
      MarketQuote quote = quoteValues.get(i);
      toWrite.add(
          new QuoteWriter.Row(
              assetIds.get(quote.sourceAssetId()), quoteRows.get(i).rawId(), quote));
    }
    int loaded =
        quotes.write(source.name(), runId, toWrite) + news.write(source.name(), runId, newsRows);
    failures.write(source.name(), runId, failed);
    if (!failed.isEmpty()) {
      log.warn(
          "{} record(s) failed validation, first: {} ({})",
          failed.size(),
          failed.get(0).message(),
          failed.get(0).row().sourceRecordId());
    }
    return new Loaded(loaded, failed.size());
  }
}
