package io.kasparro.runs;

import io.kasparro.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that would start or replay a source while it runs ({@code POST /runs}, {@code POST
 * /transform-failures/replay}) is answered {@code 409}. Ordered before the catch-all handler in
 * {@code web}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SourceBusyHandler {

  @ExceptionHandler(SourceBusyException.class)
  ResponseEntity<ProblemDetail> busy(SourceBusyException e, HttpServletRequest request) {
    return Problems.reply(HttpStatus.CONFLICT, "Source already running", e.getMessage(), request);
  }
}
