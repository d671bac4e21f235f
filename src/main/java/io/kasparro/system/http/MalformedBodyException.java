package io.kasparro.system.http;

/**
 * Thrown by a {@link BodyReader} when a body is not what the source expects (not JSON, not a feed,
 * not an array). The call fails at once, without retry.
 */
public class MalformedBodyException extends RuntimeException {

  public MalformedBodyException(String message) {
    super(message);
  }

  public MalformedBodyException(String message, Throwable cause) {
    super(message, cause);
  }
}
