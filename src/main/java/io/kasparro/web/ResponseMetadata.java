package io.kasparro.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code metadata} block of response bodies.
 *
 * @param requestId the request's id, as in the {@code X-Request-ID} header
 * @param apiLatencyMs time spent in the service up to the body's completion, in milliseconds; the
 *     {@code X-API-Latency-MS} header of the same response carries this same reading
 */
public record ResponseMetadata(String requestId, long apiLatencyMs) {

  /** Reads the request's id and its latency now, and keeps the reading for the header. */
  public static ResponseMetadata of(HttpServletRequest request) {
    long latency = RequestIdFilter.elapsedMillis(request);
    request.setAttribute(LatencyHeaderAdvice.READING_ATTRIBUTE, latency);
    return new ResponseMetadata(RequestIdFilter.requestId(request), latency);
  }
}
