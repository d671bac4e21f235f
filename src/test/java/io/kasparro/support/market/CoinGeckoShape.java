package io.kasparro.support.market;

import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.coingecko.CoinGeckoQuotes;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * CoinGecko {@code /coins/markets} records (samples/coingecko_coins_markets_page1.json):
 * sourceAssetId is the CoinGecko {@code id}, {@code symbol} is lower case.
 */
public final class CoinGeckoShape {

  public static final String NAME = "coingecko";

  static final PayloadSchema SCHEMA = CoinGeckoQuotes.SCHEMA;

  private CoinGeckoShape() {}

  public static FixtureSource source() {
    return new FixtureSource(NAME, CoinGeckoShape::transform, SCHEMA);
  }

  static MarketQuote transform(JsonNode record) {
    String id = Fields.required(record, "id");
    String symbol = Fields.required(record, "symbol").toUpperCase(Locale.ROOT);
    String name = Fields.text(record.get("name"));
    return new MarketQuote(
        id,
        symbol,
        name == null ? symbol : name,
        Fields.requiredAmount("current_price", record.get("current_price")),
        Fields.amount("market_cap", record.get("market_cap")),
        Fields.amount("total_volume", record.get("total_volume")),
        Fields.instant(record, "last_updated"));
  }
}
