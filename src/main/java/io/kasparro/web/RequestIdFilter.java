package io.kasparro.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id — the client's {@code X-Request-ID} when it is sane, else a new UUID —
 * returned in the response header, put in the log context, and logged with the outcome.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Request-ID";
  static final String ID_ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
  static final String START_ATTRIBUTE = RequestIdFilter.class.getName() + ".start";
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Logger log = LoggerFactory.getLogger("io.kasparro.api.requests");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    String requestId = chooseId(request);
    request.setAttribute(ID_ATTRIBUTE, requestId);
    request.setAttribute(START_ATTRIBUTE, start);
    response.setHeader(HEADER, requestId);
    try (MDC.MDCCloseable ignored = MDC.putCloseable("request_id", requestId)) {
      try {
        chain.doFilter(request, response);
      } finally {
        long millis = (System.nanoTime() - start) / 1_000_000;
        // The key-value pairs become fields of structured (JSON) log lines.
        log.atInfo()
            .addKeyValue("method", request.getMethod())
            .addKeyValue("path", request.getRequestURI())
            .addKeyValue("status", response.getStatus())
            .addKeyValue("latency_ms", millis)
            .log(
                "{} {} -> {} in {} ms",
                request.getMethod(),
                request.getRequestURI(),
                response.getStatus(),
                millis);
      }
    }
  }

  /**
   * The request's id for a reply written where this filter did not run (the servlet container
   * refused the request before it): the client's when it is sane, else a new one, now also in the
   * response header.
   */
  static String ensureId(HttpServletRequest request, HttpServletResponse response) {
    Object id = request.getAttribute(ID_ATTRIBUTE);
    if (id != null) {
      return id.toString();
    }
    String requestId = chooseId(request);
    request.setAttribute(ID_ATTRIBUTE, requestId);
    response.setHeader(HEADER, requestId);
    return requestId;
  }

  private static String chooseId(HttpServletRequest request) {
    String given = request.getHeader(HEADER);
    return given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }

  static String requestId(HttpServletRequest request) {
    Object id = request.getAttribute(ID_ATTRIBUTE);
    return id == null ? "" : id.toString();
  }

  static long elapsedMillis(HttpServletRequest request) {
    Object start = request.getAttribute(START_ATTRIBUTE);
    return start == null ? 0 : (System.nanoTime() - (Long) start) / 1_000_000;
  }
}
