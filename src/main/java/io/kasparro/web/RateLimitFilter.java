package io.kasparro.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Limits each client to {@link RateLimitProperties#capacity()} requests per window with a Bucket4j
 * token bucket per client, timed by the service clock. Runs before the API-key check, so guessing
 * keys is limited too.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {

  static final String REMAINING_HEADER = "X-RateLimit-Remaining";

  private final RateLimitProperties properties;
  private final HandlerExceptionResolver errors;
  private final TimeMeter time;
  private final AntPathMatcher paths = new AntPathMatcher();
  private final Map<String, Bucket> buckets;

  RateLimitFilter(
      RateLimitProperties properties,
      Clock clock,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
    this.properties = properties;
    this.errors = errors;
    this.time = new ClockTimeMeter(clock);
    this.buckets =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > properties.maxClients();
          }
        };
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !properties.enabled()
        || properties.exemptPaths().stream().anyMatch(pattern -> paths.match(pattern, path));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ConsumptionProbe probe = bucketOf(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      response.setHeader(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
      chain.doFilter(request, response);
      return;
    }
    long waitSeconds =
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
    ErrorResponseException problem =
        Problems.of(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests",
            "this client made more than "
                + properties.capacity()
                + " requests in "
                + properties.window().toSeconds()
                + " s; retry after "
                + waitSeconds
                + " s");
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
    response.setHeader(REMAINING_HEADER, "0");
    errors.resolveException(request, response, null, problem);
  }

  private Bucket bucketOf(String client) {
    synchronized (buckets) {
      return buckets.computeIfAbsent(client, ignored -> newBucket());
    }
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(properties.capacity())
                .refillGreedy(properties.capacity(), properties.window())
                .build())
        .withCustomTimePrecision(time)
        .build();
  }

  /** Bucket4j's time from the service clock, so tests can step it instead of sleeping. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
