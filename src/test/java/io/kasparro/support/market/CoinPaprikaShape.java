package io.kasparro.support.market;

import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.coinpaprika.CoinPaprikaQuotes;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * CoinPaprika {@code /tickers} records (samples/coinpaprika_tickers.json): sourceAssetId is the
 * paprika {@code id}, prices are under {@code quotes.USD}.
 */
public final class CoinPaprikaShape {

  public static final String NAME = "coinpaprika";

  static final PayloadSchema SCHEMA = CoinPaprikaQuotes.SCHEMA;

  private CoinPaprikaShape() {}

  public static FixtureSource source() {
    return new FixtureSource(NAME, CoinPaprikaShape::transform, SCHEMA);
  }

  static MarketQuote transform(JsonNode record) {
    String id = Fields.required(record, "id");
    String symbol = Fields.required(record, "symbol").toUpperCase(Locale.ROOT);
    String name = Fields.text(record.get("name"));
    JsonNode usd = record.path("quotes").path("USD");
    return new MarketQuote(
        id,
        symbol,
        name == null ? symbol : name,
        Fields.requiredAmount("price", usd.get("price")),
        Fields.amount("market_cap", usd.get("market_cap")),
        Fields.amount("volume_24h", usd.get("volume_24h")),
        Fields.instant(record, "last_updated"));
  }
}
