package io.kasparro.candles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The validated request of a candle series: the interval and a half-open range {@code [from, to)}
 * widened to whole buckets. Buckets are aligned to the Unix epoch in UTC, so 1h buckets start on
 * the hour and 1d buckets at midnight UTC.
 *
 * @param interval the bucket width
 * @param from the start of the first bucket (inclusive)
 * @param to the end of the last bucket (exclusive)
 * @param source only this source's quotes, or null for all
 */
record CandleRange(Interval interval, Instant from, Instant to, String source) {

  /** The most buckets one request may span. */
  static final int MAX_BUCKETS = 1000;

  /** Buckets spanned when {@code from} is not given. */
  static final int DEFAULT_BUCKETS = 100;

  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9_\\-]{1,32}");

  /** Parses and checks the query parameters; every refusal names its parameter. */
  static CandleRange parse(
      String intervalText, String fromText, String toText, String source, Instant now) {
    Interval interval =
        intervalText == null
            ? Interval.H1
            : Interval.of(intervalText.strip())
                .orElseThrow(
                    () ->
                        CandleProblems.badParameter(
                            "interval",
                            "interval must be one of " + String.join(", ", Interval.labels())));
    if (source != null && !SOURCE.matcher(source).matches()) {
      throw CandleProblems.badParameter(
          "source", "source must be a source name such as csv or coingecko");
    }
    Instant to = toText == null ? now : instant("to", toText, true);
    Instant from =
        fromText == null
            ? to.minus(interval.width().multipliedBy(DEFAULT_BUCKETS))
            : instant("from", fromText, false);
    if (!from.isBefore(to)) {
      throw CandleProblems.badParameter(
          "from", "from (" + from + ") must be before to (" + to + ")");
    }
    Instant first = floor(from, interval);
    Instant end = ceil(to, interval);
    long buckets = Duration.between(first, end).dividedBy(interval.width());
    if (buckets > MAX_BUCKETS) {
      throw CandleProblems.badParameter("interval", tooMany(first, end, interval, buckets));
    }
    return new CandleRange(interval, first, end, source);
  }

  private static String tooMany(Instant from, Instant to, Interval interval, long buckets) {
    StringBuilder detail =
        new StringBuilder()
            .append("from ")
            .append(from)
            .append(" to ")
            .append(to)
            .append(" is ")
            .append(buckets)
            .append(" buckets of ")
            .append(interval.label())
            .append(", more than the limit of ")
            .append(MAX_BUCKETS)
            .append("; ");
    for (Interval wider : Interval.values()) {
      long count = Duration.between(floor(from, wider), ceil(to, wider)).dividedBy(wider.width());
      if (count <= MAX_BUCKETS) {
        detail
            .append("use interval=")
            .append(wider.label())
            .append(" (")
            .append(count)
            .append(" buckets) or ");
        break;
      }
    }
    Duration longest = interval.width().multipliedBy(MAX_BUCKETS);
    return detail
        .append("narrow from/to to at most ")
        .append(readable(longest))
        .append(" at ")
        .append(interval.label())
        .toString();
  }

  private static String readable(Duration duration) {
    long days = duration.toDays();
    long hours = duration.toHoursPart();
    long minutes = duration.toMinutesPart();
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append("d");
    }
    if (hours > 0) {
      text.append(text.isEmpty() ? "" : " ").append(hours).append("h");
    }
    if (minutes > 0) {
      text.append(text.isEmpty() ? "" : " ").append(minutes).append("m");
    }
    return text.toString();
  }

  static Instant floor(Instant time, Interval interval) {
    long width = interval.width().toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), width) * width);
  }

  static Instant ceil(Instant time, Interval interval) {
    Instant floor = floor(time, interval);
    return floor.equals(time) ? floor : floor.plus(interval.width());
  }

  /**
   * An ISO-8601 time (UTC when it has no zone) or a date: its start, or as an end ({@code to}) the
   * end of that day, so {@code to=2026-11-20} includes the whole day.
   */
  private static Instant instant(String name, String value, boolean dateMeansEndOfDay) {
    String text = value.strip();
    Instant parsed;
    try {
      if (text.length() == 10) {
        LocalDate date = LocalDate.parse(text);
        parsed =
            (dateMeansEndOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        try {
          parsed = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException noZone) {
          parsed = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
      }
    } catch (DateTimeParseException e) {
      throw CandleProblems.badParameter(
          name,
          name
              + " must be an ISO-8601 time such as 2026-11-20T12:00:00Z (UTC when no zone is"
              + " given), or a date");
    }
    if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
      throw CandleProblems.badParameter(name, name + " must lie in the years 1970 to 9999");
    }
    return parsed;
  }
}
