package io.kasparro.candles;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems of the candles endpoint, in the API's problem+json shape: title, detail and, for a
 * bad value, the offending parameter (the API's error handler adds the request id).
 */
final class CandleProblems {

  private CandleProblems() {}

  static ErrorResponseException badParameter(String parameter, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid parameter");
    problem.setProperty("parameter", parameter);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  static ErrorResponseException notFound(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setTitle("Not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
