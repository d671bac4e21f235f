package io.kasparro.pipeline;

import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns bronze rows into silver: transform, validate, resolve the asset, upsert. A row that fails
 * goes to transform_failures and the others carry on. Runs inside the caller's transaction.
 */
@Component
class SilverLoader {

  private static final Logger log = LoggerFactory.getLogger(SilverLoader.class);

  private final JsonMapper json;
  private final AssetResolver assets;
  private final QuoteWriter quotes;
  private final FailureWriter failures;

  SilverLoader(JsonMapper json, AssetResolver assets, QuoteWriter quotes, FailureWriter failures) {
    this.json = json;
    this.assets = assets;
    this.quotes = quotes;
    this.failures = failures;
  }

  /** Result of loading a set of rows. */
  record Loaded(int loaded, int failed) {}

  Loaded load(Source source, long runId, List<BronzeRow> rows) {
    List<FailureWriter.Failure> failed = new ArrayList<>();
    List<BronzeRow> quoteRows = new ArrayList<>();
    List<MarketQuote> quoteValues = new ArrayList<>();
    for (BronzeRow row : rows) {
      try {
        SilverRecord record = source.transform(json.readTree(row.payloadJson()));
        if (record instanceof MarketQuote quote) {
          quoteRows.add(row);
          quoteValues.add(quote);
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
    int loaded = quotes.write(source.name(), runId, toWrite);
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
