package io.kasparro.runs;

import java.util.Locale;

/** Who started a run. */
public enum TriggeredBy {
  SCHEDULE,
  MANUAL,
  CLI,
  STARTUP;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
