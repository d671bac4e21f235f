package io.kasparro.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error page, as problem+json: what the server answers before a request reaches the
 * application (a malformed request line, URI or header, a request line or headers too long, an
 * unsupported HTTP version) reads like every other error of the API. Errors the application raises
 * never get here: they are rendered by {@link ApiExceptionHandler} or {@link
 * ProblemErrorController}.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    String requestId = RequestIdFilter.ensureId(request, response);
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String body =
        "{\"type\":\"about:blank\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail(status, title)
            + "\",\"request_id\":\""
            + requestId
            + "\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away or the response was already on its way: nothing left to tell it.
    }
  }

  private static String detail(int status, String title) {
    return switch (status) {
      case 400 ->
          "the request could not be read: its request line, URI or headers are malformed"
              + " (invalid percent-encoding or a character not allowed) or longer than the"
              + " server accepts";
      case 404 -> "no such resource";
      case 505 -> "only HTTP/1.0, HTTP/1.1 and HTTP/2 are supported";
      default -> title.toLowerCase(java.util.Locale.ROOT);
    };
  }
}
