package io.kasparro.api;

/** The resource a request names does not exist; answered with a 404. */
class NotFoundException extends RuntimeException {

  NotFoundException(String detail) {
    super(detail);
  }
}
