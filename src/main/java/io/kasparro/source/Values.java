package io.kasparro.source;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Parses the numbers and times that real files and feeds contain: {@code "$87,000"}, {@code 1.7T},
 * {@code 4800 USD}, ISO-8601 with or without zone, epoch seconds or milliseconds, plain dates.
 * Every failure names the field and the value.
 *
 * <p>Values are bounded so that every accepted one can be stored and printed cheaply: a non-zero
 * amount is at least 10<sup>-30</sup> and below 10<sup>40</sup>, with at most 38 significant
 * digits, so its plain form has at most 40 integer digits and 67 decimals (a SHIB price of {@code
 * 0.00000871} and a market cap of 10<sup>15</sup> are far inside); a time lies in the years 1970 to
 * 9999. Anything outside fails the record as {@code out_of_range} rather than the whole batch in
 * the database.
 */
public final class Values {

  private static final Pattern AMOUNT =
      Pattern.compile("^([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([KMBT])?$");
  private static final Pattern CURRENCY_SUFFIX = Pattern.compile("(?i)\\s*(usd|us\\$)$");
  private static final Pattern EPOCH = Pattern.compile("^[0-9]{9,13}(\\.[0-9]+)?$");
  private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

  /** Longest number text parsed at all; longer ones cannot be in range but cost to parse. */
  private static final int MAX_NUMBER_LENGTH = 100;

  private static final int MAX_SIGNIFICANT_DIGITS = 38;

  /** Bounds of the power of ten of an amount's first significant digit. */
  private static final int MAX_LEADING_EXPONENT = 39;

  private static final int MIN_LEADING_EXPONENT = -30;

  private static final int MAX_DECIMALS = MAX_SIGNIFICANT_DIGITS - 1 - MIN_LEADING_EXPONENT;

  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");
  private static final String AMOUNT_RANGE =
      "0, or 1e-30 up to below 1e40 with at most 38 significant digits";

  /**
   * The last time text read and its instant. Files and pages give many consecutive records the same
   * timestamp, so this spares most parses. Entries are immutable: a thread that sees another's
   * entry still gets the right instant for that text.
   */
  private static volatile ParsedInstant lastInstant;

  private record ParsedInstant(String text, Instant instant) {}

  private Values() {}

  /**
   * A non-negative amount in US dollars, or null when blank.
   *
   * @throws InvalidRecordException if the text is not a number, is out of range or is negative
   */
  public static BigDecimal amount(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (isPlainDecimal(text)) {
      if (text.length() > MAX_NUMBER_LENGTH) {
        throw outOfRange(field, text);
      }
      return inRange(field, new BigDecimal(text), text);
    }
    String cleaned =
        CURRENCY_SUFFIX
            .matcher(text.strip().replace("$", "").replace(",", "").replace("_", ""))
            .replaceFirst("")
            .strip();
    Matcher matcher = AMOUNT.matcher(cleaned.toUpperCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new InvalidRecordException(
          "invalid_number", field + " is not a number: '" + abbreviate(text) + "'");
    }
    if (cleaned.length() > MAX_NUMBER_LENGTH) {
      throw outOfRange(field, text);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(matcher.group(1));
      if (matcher.group(2) != null) {
        value = value.scaleByPowerOfTen(magnitude(matcher.group(2).charAt(0)));
      }
    } catch (NumberFormatException | ArithmeticException exponentBeyondInt) {
      throw outOfRange(field, text);
    }
    return nonNegative(field, inRange(field, value, text), text);
  }

  /**
   * A non-negative amount from a JSON value: a number (read exactly as a decimal) or text as {@link
   * #amount(String, String)} understands it. Null when the value is missing or null.
   *
   * @throws InvalidRecordException if the value is not a number, is out of range or is negative
   */
  public static BigDecimal amount(String field, JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isContainer()) {
      throw new InvalidRecordException("invalid_number", field + " is not a number");
    }
    if (!value.isNumber()) {
      return amount(field, value.asString());
    }
    BigDecimal number = inRange(field, value.decimalValue(), null);
    return nonNegative(field, number, number.toPlainString());
  }

  /**
   * The amount when inside the bounds in the class description, as written unless it has more than
   * {@value #MAX_DECIMALS} decimals: then those are trailing zeros, and they are dropped (as is any
   * zero's notation: {@code 0E-20000} would print twenty thousand decimals).
   */
  private static BigDecimal inRange(String field, BigDecimal value, String text) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal significant = value.stripTrailingZeros();
    long leadingExponent = (long) significant.precision() - significant.scale() - 1;
    if (significant.precision() > MAX_SIGNIFICANT_DIGITS
        || leadingExponent > MAX_LEADING_EXPONENT
        || leadingExponent < MIN_LEADING_EXPONENT) {
      throw outOfRange(field, text != null ? text : value.toString());
    }
    return value.scale() > MAX_DECIMALS ? significant : value;
  }

  private static BigDecimal nonNegative(String field, BigDecimal value, String text) {
    if (value.signum() < 0) {
      throw new InvalidRecordException(
          "negative_value", field + " must not be negative: '" + abbreviate(text) + "'");
    }
    return value;
  }

  private static InvalidRecordException outOfRange(String field, String text) {
    return new InvalidRecordException(
        "out_of_range",
        field + " is out of range: '" + abbreviate(text) + "' (accepted: " + AMOUNT_RANGE + ")");
  }

  /**
   * A point in time from ISO-8601 (zone optional, UTC assumed), epoch seconds or milliseconds, or a
   * date (its start, UTC).
   *
   * @throws InvalidRecordException if the text is none of those, or is outside the years 1970 to
   *     9999
   */
  public static Instant instant(String field, String text) {
    ParsedInstant last = lastInstant;
    if (last != null && last.text().equals(text)) {
      return last.instant();
    }
    Instant instant = parseInstant(field, text);
    lastInstant = new ParsedInstant(text, instant);
    return instant;
  }

  private static Instant parseInstant(String field, String text) {
    String value = text.strip();
    try {
      if (EPOCH.matcher(value).matches()) {
        BigDecimal number = new BigDecimal(value);
        return inYearRange(
            field,
            number.compareTo(BigDecimal.valueOf(EPOCH_MILLIS_THRESHOLD)) >= 0
                ? Instant.ofEpochMilli(number.longValue())
                : Instant.ofEpochSecond(number.longValue()),
            text);
      }
      if (value.length() == 10) {
        return inYearRange(
            field, LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), text);
      }
      String iso = value.replace(' ', 'T');
      try {
        return inYearRange(field, OffsetDateTime.parse(iso).toInstant(), text);
      } catch (DateTimeParseException noZone) {
        return inYearRange(field, LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC), text);
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new InvalidRecordException(
          "invalid_timestamp", field + " is not a timestamp: '" + abbreviate(text) + "'");
    }
  }

  /**
   * A point in time from a date ({@code 2026-11-20}) and a time of day on it ({@code 13:00}, {@code
   * 13:00:00}, optionally with an offset such as {@code +02:00} or {@code Z}; UTC without one).
   *
   * @throws InvalidRecordException if either part is unreadable, or the time is outside the years
   *     1970 to 9999
   */
  public static Instant instant(String field, String date, String timeOfDay) {
    String clock = timeOfDay.strip();
    String text = date.strip() + " " + clock;
    if (clock.indexOf(':') == 1) {
      // Spreadsheets write 9:00 for 09:00.
      clock = "0" + clock;
    }
    try {
      LocalDate day = LocalDate.parse(date.strip());
      TemporalAccessor time =
          DateTimeFormatter.ISO_TIME.parseBest(clock, OffsetTime::from, LocalTime::from);
      Instant instant =
          time instanceof OffsetTime withOffset
              ? day.atTime(withOffset).toInstant()
              : day.atTime((LocalTime) time).toInstant(ZoneOffset.UTC);
      return inYearRange(field, instant, text);
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException(
          "invalid_timestamp",
          field + " is not a date and a time of day: '" + abbreviate(text) + "'");
    }
  }

  private static Instant inYearRange(String field, Instant instant, String text) {
    if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
      throw new InvalidRecordException(
          "out_of_range", field + " is outside the years 1970 to 9999: '" + abbreviate(text) + "'");
    }
    return instant;
  }

  /**
   * The later of {@code current} and the time in {@code text}; a missing or unreadable text leaves
   * {@code current} as it is (the record's transform reports it).
   */
  public static Instant latest(Instant current, String text) {
    if (text == null || text.isBlank()) {
      return current;
    }
    try {
      Instant candidate = instant("last_updated", text);
      return current == null || candidate.isAfter(current) ? candidate : current;
    } catch (InvalidRecordException unreadable) {
      return current;
    }
  }

  /**
   * Digits with at most one decimal point and a digit last ({@code 87000}, {@code 0.25}, {@code
   * .5}): the common case, which the general pattern also reads as exactly this number.
   */
  private static boolean isPlainDecimal(String text) {
    boolean point = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' && !point) {
        point = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    char last = text.charAt(text.length() - 1);
    return last >= '0' && last <= '9';
  }

  private static int magnitude(char suffix) {
    return switch (suffix) {
      case 'K' -> 3;
      case 'M' -> 6;
      case 'B' -> 9;
      case 'T' -> 12;
      default -> throw new IllegalArgumentException("unknown suffix " + suffix);
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
