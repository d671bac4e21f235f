package io.kasparro.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * The kinds of query and path parameter the API takes, each typed once for the OpenAPI document: a
 * controller's interface names the kind and says what the parameter means. The values are bound as
 * text and checked by {@link Params}, so a bad one gets this API's 400 naming it.
 */
public final class ApiParameters {

  private ApiParameters() {}

  /** A source name, such as {@code csv}. */
  @Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(example = "csv", schema = @Schema(pattern = Params.SOURCE_PATTERN))
  public @interface Source {
    @AliasFor(annotation = Parameter.class, attribute = "description")
    String value();
  }

  /** A ticker, such as {@code BTC}, in any case. */
  @Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(example = "BTC", schema = @Schema(pattern = Params.SYMBOL_PATTERN))
  public @interface Symbol {
    @AliasFor(annotation = Parameter.class, attribute = "description")
    String value();
  }

  /** A database id: a whole number from 1 up. */
  @Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(example = "1", schema = @Schema(type = "integer", format = "int64", minimum = "1"))
  public @interface Id {
    @AliasFor(annotation = Parameter.class, attribute = "description")
    String value();
  }

  /** A time: ISO-8601 (UTC when it has no zone), or a date. */
  @Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(schema = @Schema(type = "string", format = "date-time"))
  public @interface Time {
    @AliasFor(annotation = Parameter.class, attribute = "description")
    String value();

    @AliasFor(annotation = Parameter.class, attribute = "example")
    String example();
  }
}
