package io.kasparro.candles;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The bucket widths {@code GET /assets/{asset_id}/candles} offers. */
enum Interval {
  M5("5m", Duration.ofMinutes(5)),
  M15("15m", Duration.ofMinutes(15)),
  H1("1h", Duration.ofHours(1)),
  H4("4h", Duration.ofHours(4)),
  D1("1d", Duration.ofDays(1));

  private final String label;
  private final Duration width;

  Interval(String label, Duration width) {
    this.label = label;
    this.width = width;
  }

  String label() {
    return label;
  }

  Duration width() {
    return width;
  }

  /** The width as a PostgreSQL interval literal, for {@code date_bin}. */
  String sqlInterval() {
    return width.toSeconds() + " seconds";
  }

  static Optional<Interval> of(String label) {
    return Arrays.stream(values()).filter(i -> i.label.equals(label)).findFirst();
  }

  static List<String> labels() {
    return Arrays.stream(values()).map(Interval::label).toList();
  }
}
