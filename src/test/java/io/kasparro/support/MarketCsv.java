package io.kasparro.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a large market CSV whose every row is distinct in bronze and in silver: {@code assets}
 * assets, each at one-minute steps, prices {@code (i % 9973) + 0.25}.
 */
public final class MarketCsv {

  private MarketCsv() {}

  /** Writes {@code rows} rows and returns the sum of their prices, for checking silver. */
  public static BigDecimal write(Path file, int rows, int assets) throws IOException {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    BigDecimal sum = BigDecimal.ZERO;
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("symbol,name,price_usd,market_cap_usd,volume_24h_usd,last_updated\n");
      for (int i = 0; i < rows; i++) {
        int asset = i % assets;
        BigDecimal price = BigDecimal.valueOf(i % 9973).add(new BigDecimal("0.25"));
        sum = sum.add(price);
        out.write("A" + asset + ",Asset " + asset + "," + price.toPlainString() + ",1000000,5000,");
        out.write(start.plusSeconds(60L * (i / assets)).toString());
        out.write('\n');
      }
    }
    return sum;
  }
}
