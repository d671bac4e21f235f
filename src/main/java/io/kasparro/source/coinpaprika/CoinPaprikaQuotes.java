package io.kasparro.source.coinpaprika;

import static io.kasparro.source.PayloadSchema.Type.NUMBER;
import static io.kasparro.source.PayloadSchema.Type.STRING;

import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadFields;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.Values;
import java.math.BigDecimal;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reads a market quote from one ticker object of {@code /tickers?quotes=USD}. */
public final class CoinPaprikaQuotes {

  /** The fields and types the upstream sends for one coin; drift is measured against it. */
  public static final PayloadSchema SCHEMA =
      PayloadSchema.builder()
          .required("id", STRING)
          .required("name", STRING)
          .required("symbol", STRING)
          .optional("rank", NUMBER)
          .optional("total_supply", NUMBER)
          .optional("max_supply", NUMBER)
          .optional("beta_value", NUMBER)
          .optional("first_data_at", STRING)
          .required("last_updated", STRING)
          .required("quotes.USD.price", NUMBER)
          .required("quotes.USD.volume_24h", NUMBER)
          .optional("quotes.USD.volume_24h_change_24h", NUMBER)
          .required("quotes.USD.market_cap", NUMBER)
          .optional("quotes.USD.market_cap_change_24h", NUMBER)
          .optional("quotes.USD.percent_change_15m", NUMBER)
          .optional("quotes.USD.percent_change_30m", NUMBER)
          .optional("quotes.USD.percent_change_1h", NUMBER)
          .optional("quotes.USD.percent_change_6h", NUMBER)
          .optional("quotes.USD.percent_change_12h", NUMBER)
          .optional("quotes.USD.percent_change_24h", NUMBER)
          .optional("quotes.USD.percent_change_7d", NUMBER)
          .optional("quotes.USD.percent_change_30d", NUMBER)
          .optional("quotes.USD.percent_change_1y", NUMBER)
          .optional("quotes.USD.ath_price", NUMBER)
          .optional("quotes.USD.ath_date", STRING)
          .optional("quotes.USD.percent_from_price_ath", NUMBER)
          .build();

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
