package io.kasparro.source.coingecko;

import static io.kasparro.source.PayloadSchema.Type.NUMBER;
import static io.kasparro.source.PayloadSchema.Type.OBJECT;
import static io.kasparro.source.PayloadSchema.Type.STRING;

import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadFields;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.Values;
import java.math.BigDecimal;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reads a market quote from one coin object of {@code /coins/markets}. */
public final class CoinGeckoQuotes {

  /** The fields and types the upstream sends for one coin; drift is measured against it. */
  public static final PayloadSchema SCHEMA =
      PayloadSchema.builder()
          .required("id", STRING)
          .required("symbol", STRING)
          .required("name", STRING)
          .optional("image", STRING)
          .required("current_price", NUMBER)
          .required("market_cap", NUMBER)
          .optional("market_cap_rank", NUMBER)
          .optional("fully_diluted_valuation", NUMBER)
          .required("total_volume", NUMBER)
          .optional("high_24h", NUMBER)
          .optional("low_24h", NUMBER)
          .optional("price_change_24h", NUMBER)
          .optional("price_change_percentage_24h", NUMBER)
          .optional("market_cap_change_24h", NUMBER)
          .optional("market_cap_change_percentage_24h", NUMBER)
          .optional("circulating_supply", NUMBER)
          .optional("total_supply", NUMBER)
          .optional("max_supply", NUMBER)
          .optional("ath", NUMBER)
          .optional("ath_change_percentage", NUMBER)
          .optional("ath_date", STRING)
          .optional("atl", NUMBER)
          .optional("atl_change_percentage", NUMBER)
          .optional("atl_date", STRING)
          .optional("roi", OBJECT)
          .required("last_updated", STRING)
          .build();

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
