package io.kasparro.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/** Parsing and bounds of query parameters; every failure names the parameter. */
public final class Params {

  /** What a ticker looks like, for the OpenAPI document too. */
  public static final String SYMBOL_PATTERN = "^[A-Za-z0-9.\\-_$]{1,32}$";

  private static final Pattern SYMBOL = Pattern.compile(SYMBOL_PATTERN);

  /** What a source name (and an error type) looks like, for the OpenAPI document too. */
  public static final String SOURCE_PATTERN = "^[a-z0-9_-]{1,32}$";

  private static final Pattern SOURCE = Pattern.compile(SOURCE_PATTERN);

  /** The times a parameter may name: PostgreSQL holds more, but nothing here is outside these. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Params() {}

  public static int intInRange(String name, String value, int defaultValue, int min, int max) {
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadParameterException(
        name, name + " must be a whole number from " + min + " to " + max);
  }

  /** A database id: a whole number from 1 up. */
  public static long id(String name, String value) {
    if (value != null && value.length() <= 19 && value.chars().allMatch(Character::isDigit)) {
      try {
        long parsed = Long.parseLong(value);
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new BadParameterException(name, name + " must be a positive whole number");
  }

  /** {@code true} or {@code false}. */
  public static boolean bool(String name, String value, boolean defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadParameterException(name, name + " must be true or false");
    };
  }

  /** One of a fixed list of values, or null when absent. */
  public static String oneOf(String name, String value, List<String> allowed) {
    if (value == null || allowed.contains(value)) {
      return value;
    }
    throw new BadParameterException(name, name + " must be one of " + String.join(", ", allowed));
  }

  /**
   * An ISO-8601 time ({@code 2026-11-20T12:00:00Z}; UTC when it has no zone) or a date ({@code
   * 2026-11-20}: its start, UTC).
   */
  public static Instant instant(String name, String value) {
    return instant(name, value, false);
  }

  /**
   * An upper bound: as {@link #instant}, but a date alone means the end of that day (its last
   * microsecond, PostgreSQL's resolution), so {@code to=2026-11-20} includes the whole day.
   */
  public static Instant endInstant(String name, String value) {
    return instant(name, value, true);
  }

  private static Instant instant(String name, String value, boolean dateMeansEndOfDay) {
    if (value == null) {
      return null;
    }
    Instant parsed = parseInstant(name, value.strip(), dateMeansEndOfDay);
    if (!inRange(parsed)) {
      throw new BadParameterException(
          name, name + " must lie between 0001-01-01 and 9999-12-31 (UTC)");
    }
    return parsed;
  }

  /** Whether a time lies in the range a time parameter may name (years 1 to 9999). */
  public static boolean inRange(Instant time) {
    return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
  }

  private static Instant parseInstant(String name, String text, boolean dateMeansEndOfDay) {
    try {
      if (text.length() == 10) {
        LocalDate date = LocalDate.parse(text);
        return dateMeansEndOfDay
            ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS)
            : date.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException noZone) {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw new BadParameterException(
          name,
          name
              + " must be an ISO-8601 time such as 2026-11-20T12:00:00Z (UTC when no zone is"
              + " given), or a date");
    }
  }

  /** Free text of at most {@code maxLength} characters, or null when absent. */
  public static String text(String name, String value, int maxLength) {
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > maxLength) {
      throw new BadParameterException(
          name, name + " must be between 1 and " + maxLength + " characters");
    }
    return value.strip();
  }

  public static String symbol(String name, String value) {
    return matching(name, value, SYMBOL, "a ticker of up to 32 letters, digits or . - _ $");
  }

  public static String source(String name, String value) {
    return matching(name, value, SOURCE, "a source name such as csv or coingecko");
  }

  public static String errorType(String name, String value) {
    return matching(name, value, SOURCE, "an error type such as invalid_number or missing_field");
  }

  private static String matching(String name, String value, Pattern pattern, String expected) {
    if (value == null) {
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      throw new BadParameterException(name, name + " must be " + expected);
    }
    return value;
  }
}
