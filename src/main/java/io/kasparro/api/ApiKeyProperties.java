package io.kasparro.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access to the API's mutating endpoints.
 *
 * @param key the value clients send in {@code X-API-Key}; unset (the default) disables those
 *     endpoints. Set it through the environment ({@code KASPARRO_API_KEY}), never in a file under
 *     version control.
 */
@ConfigurationProperties("kasparro.api")
public record ApiKeyProperties(String key) {}
