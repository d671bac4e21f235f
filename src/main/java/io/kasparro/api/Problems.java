package io.kasparro.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problems raised outside controllers (filters), rendered by {@link ApiExceptionHandler}. */
final class Problems {

  private Problems() {}

  static ErrorResponseException of(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
