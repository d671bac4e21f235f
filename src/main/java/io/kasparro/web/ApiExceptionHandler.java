package io.kasparro.web;

import io.kasparro.source.UnknownSourceException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is {@code application/problem+json} (RFC 9457) with the request's id and, for a bad
 * parameter, the parameter's name. No stack trace ever reaches a client.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(BadParameterException.class)
  ResponseEntity<Object> badParameter(BadParameterException e, WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid parameter");
    problem.setProperty("parameter", e.parameter());
    return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(UnknownSourceException.class)
  ResponseEntity<Object> unknownSource(UnknownSourceException e, WebRequest request) {
    return badParameter(new BadParameterException("source", e.getMessage()), request);
  }

  /** The container could not read the query string or form (for instance, too many parameters). */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Object> unreadableParameters(InvalidParameterException e, WebRequest request) {
    return badParameter(
        new BadParameterException(
            "query", "the query string cannot be read: too many or malformed parameters"),
        request);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return createResponseEntity(problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
  }

  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<Object> databaseUnavailable(DataAccessException e, WebRequest request) {
    log.error("Database error: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "the database is unavailable; try again shortly");
    problem.setTitle("Database unavailable");
    return createResponseEntity(
        problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Unexpected error", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; see the service log");
    return createResponseEntity(
        problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        e instanceof MethodArgumentTypeMismatchException mismatch
            ? mismatch.getName()
            : e.getPropertyName();
    return badParameter(
        new BadParameterException(name, name + " has a value of the wrong type"), request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return badParameter(
        new BadParameterException(e.getParameterName(), e.getParameterName() + " is required"),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return badParameter(
        new BadParameterException("body", "the request body is missing or is not valid JSON"),
        request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && request instanceof NativeWebRequest nativeRequest
        && nativeRequest.getNativeRequest() instanceof HttpServletRequest http) {
      problem.setProperty("request_id", RequestIdFilter.requestId(http));
    }
    return super.createResponseEntity(body, headers, status, request);
  }
}
