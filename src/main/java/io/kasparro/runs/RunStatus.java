package io.kasparro.runs;

import java.util.Locale;

/** Where a run stands: {@code running}, then one of the three end states. */
public enum RunStatus {
  RUNNING,
  /** Every record loaded. */
  SUCCESS,
  /** The run finished but some records failed validation and went to transform_failures. */
  PARTIAL,
  /** The run stopped on an error; what it committed before stays committed. */
  FAILED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
