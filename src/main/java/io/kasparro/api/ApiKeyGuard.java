package io.kasparro.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Lets a request through to a mutating endpoint only with the configured {@code X-API-Key}. The
 * comparison takes the same time whatever the key sent (both sides are hashed, then compared with
 * {@link MessageDigest#isEqual}); neither key is ever logged or echoed. Without a configured key
 * the endpoints are refused outright (403), so an unconfigured deployment is never open.
 */
@Component
public class ApiKeyGuard {

  public static final String HEADER = "X-API-Key";

  private final byte[] expectedHash;

  ApiKeyGuard(ApiKeyProperties properties) {
    String key = properties.key();
    this.expectedHash = key == null || key.isBlank() ? null : sha256(key);
  }

  /**
   * @throws ErrorResponseException 403 when no key is configured, 401 when the request's key is
   *     missing or wrong
   */
  public void check(HttpServletRequest request) {
    if (expectedHash == null) {
      throw refusal(
          HttpStatus.FORBIDDEN,
          "Admin endpoints disabled",
          "this endpoint needs an API key, and none is configured: set kasparro.api.key"
              + " (environment variable KASPARRO_API_KEY) to enable it");
    }
    String given = request.getHeader(HEADER);
    if (given == null || !MessageDigest.isEqual(expectedHash, sha256(given))) {
      ErrorResponseException unauthorized =
          refusal(
              HttpStatus.UNAUTHORIZED,
              "API key required",
              given == null
                  ? "send the API key in the " + HEADER + " header"
                  : "the " + HEADER + " header does not hold a valid API key");
      unauthorized
          .getHeaders()
          .set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"");
      throw unauthorized;
    }
  }

  private static ErrorResponseException refusal(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    return new ErrorResponseException(status, problem, null);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
