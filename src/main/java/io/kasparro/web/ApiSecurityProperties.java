package io.kasparro.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the API. Mutating requests (any method but GET, HEAD and OPTIONS) always need the
 * key; with no key configured they are refused.
 *
 * @param key the API key clients send in {@code X-API-Key}; set it through the environment ({@code
 *     KASPARRO_API_KEY}), never in a file in the repository; empty means none
 * @param requireKeyForReads whether GET requests need the key too (except the public paths)
 * @param publicPaths paths (Ant patterns) readable without a key even when reads need one: probes,
 *     documentation, and the console's static files (its API calls then send the key)
 */
@ConfigurationProperties("kasparro.api")
public record ApiSecurityProperties(
    String key,
    @DefaultValue("false") boolean requireKeyForReads,
    @DefaultValue({
          "/health",
          "/health/**",
          "/docs",
          "/docs/**",
          "/swagger-ui/**",
          "/openapi",
          "/openapi/**",
          "/openapi.yaml",
          "/",
          "/index.html",
          "/console/**",
          "/webjars/**"
        })
        List<String> publicPaths) {

  boolean keyConfigured() {
    return key != null && !key.isBlank();
  }
}
