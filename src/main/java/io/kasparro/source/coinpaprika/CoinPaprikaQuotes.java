package io.kasparro.source.coinpaprika;

import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadFields;
import io.kasparro.source.Values;
import java.math.BigDecimal;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reads a market quote from one ticker object of {@code /tickers?quotes=USD}. */
final class CoinPaprikaQuotes {

  private CoinPaprikaQuotes() {}

  static MarketQuote toQuote(JsonNode ticker) {
    String id = PayloadFields.required(ticker, "id");
    String symbol = PayloadFields.required(ticker, "symbol").toUpperCase(Locale.ROOT);
    String name = PayloadFields.text(ticker, "name");
    JsonNode usd = ticker.path("quotes").path("USD");
    BigDecimal price = Values.amount("quotes.USD.price", usd.get("price"));
    if (price == null) {
      throw new InvalidRecordException("missing_field", "no quotes.USD.price for " + id);
    }
    return new MarketQuote(
        id,
        symbol,
        name == null ? symbol : name,
        price,
        Values.amount("quotes.USD.market_cap", usd.get("market_cap")),
        Values.amount("quotes.USD.volume_24h", usd.get("volume_24h")),
        Values.instant("last_updated", PayloadFields.required(ticker, "last_updated")));
  }
}
