package io.kasparro.pipeline;

import io.kasparro.identity.AssetResolver;
import io.kasparro.identity.RunAliases;
import io.kasparro.quotes.QuoteWriter;
import io.kasparro.source.MarketQuote;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Market quotes: each resolved to its canonical asset, then written to market_quotes. */
@Component
@Order(1)
class QuoteSilverWriter implements SilverWriter<MarketQuote> {

  private final AssetResolver assets;
  private final QuoteWriter quotes;

  QuoteSilverWriter(AssetResolver assets, QuoteWriter quotes) {
    this.assets = assets;
    this.quotes = quotes;
  }

  @Override
  public Class<MarketQuote> type() {
    return MarketQuote.class;
  }

  @Override
  public int write(String source, List<Row<MarketQuote>> rows, RunAliases aliases) {
    // Before identity resolution reads the quotes (the market evidence), or the batch's own read
    // would hold off the partition it needs.
    quotes.preparePartitions(rows.stream().map(row -> row.record().lastUpdated()).toList());
    Map<String, Long> assetIds =
        assets.resolve(
            source,
            rows.stream()
                .map(row -> new AssetResolver.Sighting(row.record(), row.bronze().ingestedAt()))
                .toList(),
            aliases);
    return quotes.write(
        source,
        rows.stream()
            .map(
                row ->
                    new QuoteWriter.Row(
                        assetIds.get(row.record().sourceAssetId()), row.bronze(), row.record()))
            .toList());
  }
}
