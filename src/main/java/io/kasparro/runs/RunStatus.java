package io.kasparro.runs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
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

  /** The statuses a run can end in. */
  public static final List<RunStatus> ENDED = List.of(SUCCESS, PARTIAL, FAILED);

  /** How the database, the API and the metrics spell it: {@code success}. */
  @JsonValue
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a run that ended so counts as a success (every record loaded, or some failed). */
  public boolean succeeded() {
    return this == SUCCESS || this == PARTIAL;
  }

  /** Every status as it is spelled. */
  public static List<String> dbValues() {
    return Arrays.stream(values()).map(RunStatus::dbValue).toList();
  }

  /**
   * The status spelled {@code value}; null for null.
   *
   * @throws IllegalArgumentException for any other spelling
   */
  public static RunStatus of(String value) {
    if (value == null) {
      return null;
    }
    return Arrays.stream(values())
        .filter(status -> status.dbValue().equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a run status: " + value));
  }
}
