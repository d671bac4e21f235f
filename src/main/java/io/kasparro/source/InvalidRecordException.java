package io.kasparro.source;

/**
 * A record that cannot become a valid silver record. It goes to {@code transform_failures}; the
 * rest of the batch continues.
 */
public class InvalidRecordException extends RuntimeException {

  private final String errorType;

  /**
   * @param errorType short machine-readable kind, e.g. {@code invalid_price}, {@code missing_field}
   * @param message what is wrong, for people
   */
  public InvalidRecordException(String errorType, String message) {
    super(message);
    this.errorType = errorType;
  }

  public String errorType() {
    return errorType;
  }
}
