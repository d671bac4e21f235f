package io.kasparro.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}), as problem+json: errors the container raises
 * itself inside the application (a refused TRACE, an error from a filter) read like every other.
 * Asked for directly, {@code /error} is a resource that does not exist.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
    RequestIdFilter.ensureId(request, response);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.NOT_FOUND;
    if (code == null) {
      return Problems.reply(status, "Not found", "no such resource", request);
    }
    String detail =
        switch (status) {
          case METHOD_NOT_ALLOWED ->
              "the method " + request.getMethod() + " is not supported for this resource";
          case NOT_FOUND -> "no such resource";
          case INTERNAL_SERVER_ERROR -> "an unexpected error occurred; see the service log";
          default -> status.getReasonPhrase().toLowerCase(Locale.ROOT);
        };
    return Problems.reply(status, status.getReasonPhrase(), detail, request);
  }
}
