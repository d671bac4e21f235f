package io.kasparro.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS as a filter ahead of the rate limit and the API-key check, so that their refusals carry CORS
 * headers too and a browser script can read them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CorsFilterConfiguration {

  @Bean
  FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (!properties.allowedOrigins().isEmpty()) {
      org.springframework.web.cors.CorsConfiguration cors =
          new org.springframework.web.cors.CorsConfiguration();
      cors.setAllowedOriginPatterns(properties.allowedOrigins());
      cors.setAllowedMethods(properties.allowedMethods());
      cors.setAllowedHeaders(properties.allowedHeaders());
      cors.setExposedHeaders(properties.exposedHeaders());
      cors.setMaxAge(properties.maxAge());
      source.registerCorsConfiguration("/**", cors);
    }
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(new CorsFilter(source));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
