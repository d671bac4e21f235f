package io.kasparro.system.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.kasparro.system.http.UpstreamMetrics.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;

/**
 * GETs from one upstream source under its policies: client-side rate limit, circuit breaker and
 * retries of transient failures (connection errors, timeouts, 429, 5xx), each attempt with connect
 * and read timeouts and a maximum body size. A 4xx other than 429 or a malformed body fails at
 * once. Built by {@link UpstreamHttp}; one per source.
 */
public final class UpstreamClient {

  private static final int ERROR_SNIPPET_BYTES = 300;
  private static final String USER_AGENT = "kasparro (market-data ETL)";

  private final String source;
  private final DeadlineRequestFactory requests;
  private final Redaction redaction;
  private final long maxBodyBytes;
  private final Clock clock;
  private final UpstreamMetrics metrics;
  private final Retry retry;
  private final Duration maxWait;
  private final CircuitBreaker breaker;
  private final RateLimiter rateLimiter;

  UpstreamClient(
      String source,
      DeadlineRequestFactory requests,
      Redaction redaction,
      long maxBodyBytes,
      Clock clock,
      UpstreamMetrics metrics,
      Retry retry,
      Duration maxWait,
      CircuitBreaker breaker,
      RateLimiter rateLimiter) {
    this.source = source;
    this.requests = requests;
    this.redaction = redaction;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
    this.metrics = metrics;
    this.retry = retry;
    this.maxWait = maxWait;
    this.breaker = breaker;
    this.rateLimiter = rateLimiter;
  }

  /**
   * GETs {@code uri} and hands the successful body to {@code reader}.
   *
   * @param headers request headers, credentials included; they are never logged or reported
   * @throws UpstreamException when no attempt produced a readable body
   */
  public <T> T get(URI uri, Map<String, String> headers, BodyReader<T> reader) {
    String url = redaction.url(uri);
    int[] attempts = {0};
    Supplier<T> attempt =
        () -> {
          attempts[0]++;
          return attempt(uri, url, headers, reader);
        };
    Supplier<T> call =
        Retry.decorateSupplier(
            retry,
            CircuitBreaker.decorateSupplier(
                breaker, RateLimiter.decorateSupplier(rateLimiter, attempt)));
    try {
      return call.get();
    } catch (CallNotPermittedException open) {
      metrics.request(Outcome.CIRCUIT_OPEN);
      throw UpstreamException.permanent(
          source
              + ": circuit breaker is open after repeated failures; GET "
              + url
              + " not attempted");
    } catch (RequestNotPermitted throttled) {
      metrics.request(Outcome.THROTTLED);
      throw UpstreamException.permanent(
          source
              + ": no permit from the client-side rate limit in time; GET "
              + url
              + " not attempted");
    } catch (UpstreamException e) {
      if (e.isTransient() && attempts[0] > 1) {
        throw new UpstreamException(
            e.getMessage() + " (gave up after " + attempts[0] + " attempts)", true, null);
      }
      throw e;
    }
  }

  /** The URL as this client reports it: no user info, credentials masked. */
  public String safeUrl(URI uri) {
    return redaction.url(uri);
  }

  private <T> T attempt(URI uri, String url, Map<String, String> headers, BodyReader<T> reader) {
    DeadlineRequestFactory.Watch watch = requests.watch();
    try (watch) {
      return watched(uri, url, headers, reader);
    } catch (UpstreamException e) {
      if (watch.expired() && e.isTransient()) {
        throw deadlineExceeded(url);
      }
      throw e;
    } catch (RuntimeException e) {
      if (watch.expired()) {
        throw deadlineExceeded(url);
      }
      throw e;
    }
  }

  private UpstreamException deadlineExceeded(String url) {
    metrics.request(Outcome.TIMEOUT);
    return UpstreamException.transientFailure(
        redaction.text(
            source
                + ": GET "
                + url
                + " did not complete within its deadline of "
                + requests.deadline().toSeconds()
                + " s (kasparro.http.request-deadline)"),
        null);
  }

  /**
   * A wait the upstream asked for that is longer than the policy allows, or than the run has left,
   * fails the call now instead of holding the run.
   */
  private UpstreamException waitOrFail(String answered, Duration requested) {
    if (requested != null) {
      Duration remaining = RunBudget.remaining(clock.instant());
      if (requested.compareTo(maxWait) > 0) {
        return UpstreamException.permanent(
            answered
                + "; it asks to wait "
                + requested.toSeconds()
                + " s, more than kasparro.http.retry.max-wait ("
                + maxWait.toSeconds()
                + " s): not retried");
      }
      if (remaining != null && requested.compareTo(remaining) > 0) {
        return UpstreamException.permanent(
            answered
                + "; it asks to wait "
                + requested.toSeconds()
                + " s, more than the run has left ("
                + Math.max(0, remaining.toSeconds())
                + " s of kasparro.runs.max-duration): not retried");
      }
    }
    return UpstreamException.transientFailure(answered, requested);
  }

  private <T> T watched(URI uri, String url, Map<String, String> headers, BodyReader<T> reader) {
    try {
      ClientHttpRequest request = requests.createRequest(uri, HttpMethod.GET);
      request.getHeaders().set(HttpHeaders.USER_AGENT, USER_AGENT);
      headers.forEach(request.getHeaders()::set);
      try (ClientHttpResponse response = request.execute()) {
        int status = response.getStatusCode().value();
        if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
          metrics.rateLimited();
          metrics.request(Outcome.RATE_LIMITED);
          throw waitOrFail(
              answered(url, status, response), RetryDelay.requested(response.getHeaders(), clock));
        }
        if (status >= 500) {
          metrics.request(Outcome.SERVER_ERROR);
          throw waitOrFail(
              answered(url, status, response), RetryDelay.requested(response.getHeaders(), clock));
        }
        if (status < 200 || status >= 300) {
          metrics.request(Outcome.CLIENT_ERROR);
          throw UpstreamException.permanent(answered(url, status, response));
        }
        return readBody(url, status, response, reader);
      }
    } catch (IOException e) {
      throw ioFailure(url, e);
    }
  }

  private <T> T readBody(String url, int status, ClientHttpResponse response, BodyReader<T> reader)
      throws IOException {
    String contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
    try (InputStream body = new LimitedInputStream(response.getBody(), maxBodyBytes)) {
      T value = reader.read(body, contentType);
      metrics.request(Outcome.SUCCESS);
      return value;
    } catch (LimitedInputStream.TooLargeException e) {
      throw malformed(url, status, contentType, e.getMessage());
    } catch (MalformedBodyException e) {
      throw malformed(url, status, contentType, e.getMessage());
    } catch (JacksonIOException e) {
      if (e.getCause() instanceof LimitedInputStream.TooLargeException tooLarge) {
        throw malformed(url, status, contentType, tooLarge.getMessage());
      }
      throw ioFailure(url, (IOException) e.getCause());
    } catch (JacksonException e) {
      throw malformed(url, status, contentType, e.getOriginalMessage());
    } catch (UpstreamException | IOException e) {
      throw e;
    } catch (RuntimeException e) {
      metrics.request(Outcome.ABORTED);
      throw e;
    }
  }

  private UpstreamException malformed(String url, int status, String contentType, String why) {
    metrics.request(Outcome.MALFORMED);
    return UpstreamException.permanent(
        redaction.text(
            source
                + ": GET "
                + url
                + " answered HTTP "
                + status
                + " ("
                + (contentType == null ? "no content type" : contentType)
                + ") with a malformed body: "
                + why));
  }

  private UpstreamException ioFailure(String url, IOException e) {
    boolean timeout = e instanceof SocketTimeoutException;
    metrics.request(timeout ? Outcome.TIMEOUT : Outcome.CONNECTION_ERROR);
    String what = timeout ? "timed out" : "failed: " + e.getClass().getSimpleName();
    String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    return UpstreamException.transientFailure(
        redaction.text(source + ": GET " + url + " " + what + detail), null);
  }

  private String answered(String url, int status, ClientHttpResponse response) {
    HttpStatus known = HttpStatus.resolve(status);
    StringBuilder message = new StringBuilder();
    message.append(source).append(": GET ").append(url).append(" answered HTTP ").append(status);
    if (known != null) {
      message.append(' ').append(known.getReasonPhrase());
    }
    String snippet = errorSnippet(response);
    if (!snippet.isEmpty()) {
      message.append(": ").append(snippet);
    }
    return redaction.text(message.toString());
  }

  /** The start of a short textual error body (JSON or plain text), on one line; else empty. */
  private static String errorSnippet(ClientHttpResponse response) {
    String contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
    if (contentType == null
        || !(contentType.contains("json") || contentType.contains("text/plain"))) {
      return "";
    }
    try (InputStream body = response.getBody()) {
      byte[] start = body.readNBytes(ERROR_SNIPPET_BYTES);
      return new String(start, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    } catch (IOException unreadable) {
      return "";
    }
  }
}
