package io.kasparro.source;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Parses the numbers and times that real files and feeds contain: {@code "$87,000"}, {@code 1.7T},
 * {@code 4800 USD}, ISO-8601 with or without zone, epoch seconds or milliseconds, plain dates.
 * Every failure names the field and the value.
 */
public final class Values {

  private static final Pattern AMOUNT =
      Pattern.compile("^([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([KMBT])?$");
  private static final Pattern CURRENCY_SUFFIX = Pattern.compile("(?i)\\s*(usd|us\\$)$");
  private static final Pattern EPOCH = Pattern.compile("^[0-9]{9,13}(\\.[0-9]+)?$");
  private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

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
   * @throws InvalidRecordException if the text is not a number or is negative
   */
  public static BigDecimal amount(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (isPlainDecimal(text)) {
      return new BigDecimal(text);
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
    BigDecimal value = new BigDecimal(matcher.group(1));
    if (matcher.group(2) != null) {
      value = value.scaleByPowerOfTen(magnitude(matcher.group(2).charAt(0)));
    }
    if (value.signum() < 0) {
      throw new InvalidRecordException(
          "negative_value", field + " must not be negative: '" + abbreviate(text) + "'");
    }
    return value;
  }

  /**
   * A non-negative amount from a JSON value: a number (read exactly as a decimal) or text as {@link
   * #amount(String, String)} understands it. Null when the value is missing or null.
   *
   * @throws InvalidRecordException if the value is not a number or is negative
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
    BigDecimal number = value.decimalValue();
    if (number.signum() < 0) {
      throw new InvalidRecordException(
          "negative_value", field + " must not be negative: '" + number.toPlainString() + "'");
    }
    return number;
  }

  /**
   * A point in time from ISO-8601 (zone optional, UTC assumed), epoch seconds or milliseconds, or a
   * date (its start, UTC).
   *
   * @throws InvalidRecordException if the text is none of those
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
        return number.compareTo(BigDecimal.valueOf(EPOCH_MILLIS_THRESHOLD)) >= 0
            ? Instant.ofEpochMilli(number.longValue())
            : Instant.ofEpochSecond(number.longValue());
      }
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      String iso = value.replace(' ', 'T');
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException noZone) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new InvalidRecordException(
          "invalid_timestamp", field + " is not a timestamp: '" + abbreviate(text) + "'");
    }
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
