package io.kasparro.system.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Consumes a successful response body as a stream. It may hand records on while it reads (so a
 * large body is never held whole); whatever it throws that is not an {@link IOException} or a
 * {@link MalformedBodyException} is passed through unchanged.
 */
@FunctionalInterface
public interface BodyReader<T> {

  /**
   * @param body the body, limited to the configured maximum size
   * @param contentType the response's {@code Content-Type}, or null when absent
   */
  T read(InputStream body, String contentType) throws IOException;
}
