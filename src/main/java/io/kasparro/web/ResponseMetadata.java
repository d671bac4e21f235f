package io.kasparro.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code metadata} block of list responses.
 *
 * @param requestId the request's id, as in the {@code X-Request-ID} header
 * @param apiLatencyMs time spent in the service so far, in milliseconds
 */
public record ResponseMetadata(String requestId, long apiLatencyMs) {

  public static ResponseMetadata of(HttpServletRequest request) {
    return new ResponseMetadata(
        RequestIdFilter.requestId(request), RequestIdFilter.elapsedMillis(request));
  }
}
