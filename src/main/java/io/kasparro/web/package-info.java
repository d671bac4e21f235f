/**
 * The HTTP plumbing every controller shares: problem+json errors, parameter parsing, request ids
 * and latency, API key, rate limit, CORS and the OpenAPI document.
 */
@ApplicationModule(displayName = "Web")
package io.kasparro.web;

import org.springframework.modulith.ApplicationModule;
