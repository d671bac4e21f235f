package io.kasparro.source.coingecko;

import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadFields;
import io.kasparro.source.Values;
import java.math.BigDecimal;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reads a market quote from one coin object of {@code /coins/markets}. */
final class CoinGeckoQuotes {

  private CoinGeckoQuotes() {}

  static MarketQuote toQuote(JsonNode coin) {
    String id = PayloadFields.required(coin, "id");
    String symbol = PayloadFields.required(coin, "symbol").toUpperCase(Locale.ROOT);
    String name = PayloadFields.text(coin, "name");
    BigDecimal price = Values.amount("current_price", coin.get("current_price"));
    if (price == null) {
      throw new InvalidRecordException("missing_field", "no current_price for " + id);
    }
    return new MarketQuote(
        id,
        symbol,
        name == null ? symbol : name,
        price,
        Values.amount("market_cap", coin.get("market_cap")),
        Values.amount("total_volume", coin.get("total_volume")),
        Values.instant("last_updated", PayloadFields.required(coin, "last_updated")));
  }
}
