package io.kasparro.system;

/**
 * A reason the service cannot start that the operator can fix (configuration, database). Its
 * message is the whole story: it is printed as one line, without a stack trace.
 */
public class StartupFailure extends RuntimeException {

  /** Exit code of the process when startup fails. */
  public static final int EXIT_CODE = 2;

  public StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public StartupFailure(String message) {
    super(message);
  }
}
