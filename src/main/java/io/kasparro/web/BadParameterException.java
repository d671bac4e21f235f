package io.kasparro.web;

/** A request parameter with a value the API cannot accept; answered with a 400 naming it. */
public class BadParameterException extends RuntimeException {

  private final String parameter;

  public BadParameterException(String parameter, String detail) {
    super(detail);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
