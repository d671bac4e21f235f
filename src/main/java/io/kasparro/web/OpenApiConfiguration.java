package io.kasparro.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
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
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * The OpenAPI document ({@code /openapi}, shown at {@code /docs}): service description, the API-key
 * scheme, and the problem responses every operation can give, with examples.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String API_KEY = "apiKey";
  private static final String PROBLEM = "application/problem+json";

  @Bean
  OpenAPI kasparroOpenApi() {
    // A relative server: the document is right wherever it is served from, and neither Host nor
    // X-Forwarded-* (which a client chooses) is written into it.
    return new OpenAPI()
        .servers(List.of(new Server().url("/").description("this service")))
        .info(
            new Info()
                .title("Kasparro market-data API")
                .version("1")
                .description(
                    "Crypto market quotes from several upstreams, with a canonical identity per"
                        + " asset, run history, statistics, anomaly detection and health. Every"
                        + " response carries X-Request-ID (the client's, if it sent a sane one)"
                        + " and X-API-Latency-MS. Errors are application/problem+json (RFC 9457)"
                        + " with status, title, detail, request_id and, for a bad parameter, its"
                        + " name in parameter. Requests are rate-limited per client (429 with"
                        + " Retry-After)."))
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

  /** Adds the problem responses each operation can give, so no error goes undocumented. */
  @Bean
  OpenApiCustomizer problemResponses(RateLimitProperties rateLimit) {
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
                item.readOperationsMap()
                    .forEach((method, operation) -> addProblems(path, method, operation, limited));
              });
    };
  }

  private static void addProblems(
      String path, PathItem.HttpMethod method, Operation operation, boolean limited) {
    ApiResponses responses = operation.getResponses();
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
    if (method != PathItem.HttpMethod.GET) {
      operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
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
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    PROBLEM,
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
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
}
