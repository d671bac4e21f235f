package io.kasparro.web;

/** The resource a request names does not exist; answered with a 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String detail) {
    super(detail);
  }
}
