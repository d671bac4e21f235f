package io.kasparro.support.market;

import static io.kasparro.source.PayloadSchema.Type.NUMBER;
import static io.kasparro.source.PayloadSchema.Type.STRING;

import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadSchema;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * CoinPaprika {@code /tickers} records (samples/coinpaprika_tickers.json): sourceAssetId is the
 * paprika {@code id}, prices are under {@code quotes.USD}.
 */
public final class CoinPaprikaShape {

  public static final String NAME = "coinpaprika";

  static final PayloadSchema SCHEMA =
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
