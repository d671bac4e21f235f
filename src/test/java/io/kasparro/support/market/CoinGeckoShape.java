package io.kasparro.support.market;

import static io.kasparro.source.PayloadSchema.Type.NUMBER;
import static io.kasparro.source.PayloadSchema.Type.OBJECT;
import static io.kasparro.source.PayloadSchema.Type.STRING;

import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadSchema;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * CoinGecko {@code /coins/markets} records (samples/coingecko_coins_markets_page1.json):
 * sourceAssetId is the CoinGecko {@code id}, {@code symbol} is lower case.
 */
public final class CoinGeckoShape {

  public static final String NAME = "coingecko";

  static final PayloadSchema SCHEMA =
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
