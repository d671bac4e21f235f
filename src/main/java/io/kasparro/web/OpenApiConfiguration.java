package io.kasparro.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;

/**
 * The OpenAPI document ({@code /openapi}, shown at {@code /docs}): service description, the API-key
 * scheme, and the problem responses every operation can give, with examples. The controllers'
 * interfaces ({@code RunsApi}, {@code DataApi}, …) describe their own operations and name their
 * specific errors in one line each; the problem body of every error response is added here.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String API_KEY = "apiKey";
  private static final String PROBLEM = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final String NULLABLE = "x-kasparro-nullable";
  private static final String TYPES = "x-kasparro-types";

  @Bean
  OpenAPI kasparroOpenApi() {
    // A relative server: the document is right wherever it is served from, and neither Host nor
    // X-Forwarded-* (which a client chooses) is written into it.
    return new OpenAPI()
        .servers(List.of(new Server().url("/").description("this service")))
        .info(
            new Info()
                .title("Kasparro market-data API")
                .summary("Crypto market quotes across sources, with run history and health")
                .version("1")
                .description(
                    "Crypto market quotes from several upstreams, with a canonical identity per"
                        + " asset, run history, statistics, anomaly detection and health. Every"
                        + " response carries X-Request-ID (the client's, if it sent a sane one)"
                        + " and X-API-Latency-MS. Errors are application/problem+json (RFC 9457)"
                        + " with status, title, detail, request_id and, for a bad parameter, its"
                        + " name in parameter. Requests are rate-limited per client (429 with"
                        + " Retry-After)."))
        // Relative: the document is served by the service it describes, behind whatever host
        // and scheme the client reached it by.
        .servers(List.of(new Server().url("/").description("this service")))
        // Reads need no key unless kasparro.api.require-key-for-reads is set; mutating
        // operations replace this with the key alone.
        .security(List.of(new SecurityRequirement(), new SecurityRequirement().addList(API_KEY)))
        .components(
            new Components()
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(ApiKeyFilter.HEADER)
                        .description(
                            "Needed by every mutating request, and by reads when the service is"
                                + " configured so")));
  }

  /**
   * Swagger reads models with its own Jackson 2 mapper, which does not see the service's snake_case
   * naming; without this the documented field names would differ from the real ones.
   */
  @Bean
  ModelResolver snakeCaseModelResolver() {
    return new ModelResolver(
        Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }

  /**
   * Adds the problem responses each operation can give, so no error goes undocumented, and gives an
   * error response that an operation names without a body (such as its {@code 409}) the problem
   * body.
   */
  @Bean
  OpenApiCustomizer problemResponses(
      RateLimitProperties rateLimit, ApiSecurityProperties security) {
    AntPathMatcher matcher = new AntPathMatcher();
    return openApi -> {
      openApi.getComponents().addSchemas("Problem", problemSchema());
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                boolean limited =
                    rateLimit.enabled()
                        && rateLimit.exemptPaths().stream()
                            .noneMatch(pattern -> matcher.match(pattern, path));
                boolean keyedRead =
                    security.publicPaths().stream()
                        .noneMatch(pattern -> matcher.match(pattern, path));
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            addProblems(path, method, operation, limited, keyedRead));
              });
    };
  }

  private static void addProblems(
      String path,
      PathItem.HttpMethod method,
      Operation operation,
      boolean limited,
      boolean keyedRead) {
    ApiResponses responses = operation.getResponses();
    responses.forEach(
        (status, response) -> {
          boolean bodyless =
              response.getContent() == null || response.getContent().containsKey("*/*");
          if (status.matches("[45]\\d\\d") && bodyless) {
            int code = Integer.parseInt(status);
            String reason = HttpStatus.valueOf(code).getReasonPhrase();
            String title = reason.charAt(0) + reason.substring(1).toLowerCase(Locale.ROOT);
            problemBody(response, code, title, response.getDescription(), null);
          }
          if (response.getContent() != null && response.getContent().get(PROBLEM) != null) {
            MediaType media = response.getContent().get(PROBLEM);
            if (media.getSchema() == null) {
              media.schema(new Schema<>().$ref(PROBLEM_REF));
            }
          }
        });
    boolean hasParameters =
        operation.getParameters() != null && !operation.getParameters().isEmpty();
    if (hasParameters || operation.getRequestBody() != null) {
      responses.putIfAbsent(
          "400",
          problem(
              "A parameter has a value the API cannot accept",
              400,
              "Invalid parameter",
              "limit must be a whole number from 1 to 1000",
              "limit"));
    }
    if (path.contains("{")) {
      responses.putIfAbsent(
          "404", problem("No such resource", 404, "Not found", "run 42 does not exist", null));
    }
    if (method == PathItem.HttpMethod.GET && keyedRead) {
      responses.putIfAbsent(
          "401",
          problem(
              "Only when kasparro.api.require-key-for-reads is set: the X-API-Key header is"
                  + " missing or wrong",
              401,
              "API key required",
              "send the API key in the X-API-Key header",
              null));
    }
    if (method != PathItem.HttpMethod.GET) {
      operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY)));
      responses.putIfAbsent(
          "401",
          problem(
              "The X-API-Key header is missing or wrong",
              401,
              "API key required",
              "send the API key in the X-API-Key header",
              null));
      responses.putIfAbsent(
          "403",
          problem(
              "The service has no API key configured, so mutating endpoints are off",
              403,
              "API key not configured",
              "this endpoint needs an API key, and the service has none configured; set"
                  + " KASPARRO_API_KEY (property kasparro.api.key) to enable it",
              null));
      responses.putIfAbsent(
          "415",
          problem(
              "The body is not JSON",
              415,
              "Unsupported Media Type",
              "Content-Type 'text/plain' is not supported.",
              null));
    }
    if (limited) {
      responses.putIfAbsent(
          "429",
          problem(
                  "Too many requests from this client; retry after Retry-After seconds",
                  429,
                  "Too many requests",
                  "this client made more than 300 requests in 60 s; retry after 12 s",
                  null)
              .addHeaderObject(
                  "Retry-After",
                  new io.swagger.v3.oas.models.headers.Header()
                      .description("seconds to wait")
                      .schema(new IntegerSchema())));
    }
    responses.putIfAbsent(
        "503",
        problem(
            "The database is unreachable",
            503,
            "Database unavailable",
            "the database is unavailable; try again shortly",
            null));
  }

  private static ApiResponse problem(
      String description, int status, String title, String detail, String parameter) {
    return problemBody(
        new ApiResponse().description(description), status, title, detail, parameter);
  }

  private static ApiResponse problemBody(
      ApiResponse response, int status, String title, String detail, String parameter) {
    Map<String, Object> example =
        parameter == null
            ? Map.of(
                "type", "about:blank",
                "title", title,
                "status", status,
                "detail", detail,
                "request_id", "3f1c2a9e-5b7d-4c1e-9a0b-2d6f8e4c7a11")
            : Map.of(
                "type", "about:blank",
                "title", title,
                "status", status,
                "detail", detail,
                "parameter", parameter,
                "request_id", "3f1c2a9e-5b7d-4c1e-9a0b-2d6f8e4c7a11");
    return response.content(
        new Content()
            .addMediaType(
                PROBLEM,
                new MediaType()
                    .schema(new Schema<>().$ref(PROBLEM_REF))
                    .addExamples("problem", new Example().value(example))));
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    return new ObjectSchema()
        .description("An error, as RFC 9457 problem details")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().description("short summary of the kind of error"))
        .addProperty("status", new IntegerSchema().description("the HTTP status"))
        .addProperty("detail", new StringSchema().description("what went wrong, for a person"))
        .addProperty("instance", new StringSchema().description("the request path"))
        .addProperty(
            "parameter", new StringSchema().description("the offending parameter, if one is"))
        .addProperty(
            "request_id",
            new StringSchema().description("the request's id, as in the X-Request-ID header"))
        .required(List.of("title", "status", "detail", "request_id"));
  }

  /**
   * Carries a record component's {@code @Schema(nullable = true)} and {@code @Schema(types = …)}
   * into the OpenAPI 3.1 document, which swagger-core does not do for every kind of property: a
   * nullable reference becomes {@code anyOf} it or null here; the others are marked, and {@link
   * #nullableAndTypedProperties} writes them out once the document is complete.
   */
  @Bean
  PropertyCustomizer markNullableAndTypedProperties() {
    return (property, type) -> {
      io.swagger.v3.oas.annotations.media.Schema declared = declaredSchema(type);
      if (property != null && declared != null) {
        if (declared.nullable() && property.get$ref() != null) {
          return nullOr(property.get$ref());
        }
        if (declared.nullable()) {
          property.addExtension(NULLABLE, true);
        }
        if (declared.types().length > 0) {
          property.addExtension(TYPES, List.of(declared.types()));
        }
      }
      return property;
    };
  }

  /**
   * OpenAPI 3.1 says "may be null" with the type {@code "null"}: a marked property gets it, a
   * reference as {@code anyOf} the referenced schema or null; and a property marked with types gets
   * those.
   */
  @Bean
  OpenApiCustomizer nullableAndTypedProperties() {
    return openApi ->
        openApi
            .getComponents()
            .getSchemas()
            .values()
            .forEach(
                schema -> {
                  if (schema.getProperties() != null) {
                    schema.getProperties().replaceAll((name, p) -> written((Schema<?>) p));
                  }
                });
  }

  @SuppressWarnings("unchecked")
  private static Schema<?> written(Schema<?> property) {
    Map<String, Object> marks = property.getExtensions();
    if (marks == null) {
      return property;
    }
    Object types = marks.remove(TYPES);
    boolean nullable = marks.remove(NULLABLE) != null;
    if (marks.isEmpty()) {
      property.setExtensions(null);
    }
    Set<String> written = new LinkedHashSet<>();
    if (types != null) {
      written.addAll((List<String>) types);
    } else if (property.getTypes() != null) {
      written.addAll(property.getTypes());
    } else if (property.getType() != null) {
      written.add(property.getType());
    }
    if (nullable && property.getAnyOf() != null) {
      property.getAnyOf().add(new JsonSchema().types(new LinkedHashSet<>(List.of("null"))));
      return property;
    }
    if (nullable) {
      written.add("null");
    }
    if (types != null || nullable) {
      property.setNullable(null);
      property.setType(null);
      property.setTypes(written);
    }
    return property;
  }

  /** The reference or null: {@link #written} adds the null once the document is complete. */
  private static Schema<?> nullOr(String reference) {
    Schema<?> schema =
        new JsonSchema().anyOf(new ArrayList<>(List.of(new JsonSchema().$ref(reference))));
    schema.addExtension(NULLABLE, true);
    return schema;
  }

  private static io.swagger.v3.oas.annotations.media.Schema declaredSchema(AnnotatedType type) {
    if (type.getCtxAnnotations() == null) {
      return null;
    }
    return Arrays.stream(type.getCtxAnnotations())
        .filter(io.swagger.v3.oas.annotations.media.Schema.class::isInstance)
        .map(io.swagger.v3.oas.annotations.media.Schema.class::cast)
        .findFirst()
        .orElse(null);
  }
}
