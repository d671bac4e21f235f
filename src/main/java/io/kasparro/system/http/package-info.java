/**
 * The one HTTP client every network source fetches through: rate limit, retries with backoff,
 * circuit breaker, timeouts, a maximum body size, and the secrets kept out of logs.
 */
@NamedInterface("http")
package io.kasparro.system.http;

import org.springframework.modulith.NamedInterface;
