package io.kasparro.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Accepts a libpq-style {@code DATABASE_URL} ({@code postgresql://user:pass@host:5432/db}) as an
 * alternative to {@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD}. The Spring
 * properties win when both are set.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

  static final String DATABASE_URL = "DATABASE_URL";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String databaseUrl = environment.getProperty(DATABASE_URL);
    if (databaseUrl == null
        || databaseUrl.isBlank()
        || environment.containsProperty("spring.datasource.url")) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("kasparro-database-url", toSpringProperties(databaseUrl)));
  }

  static Map<String, Object> toSpringProperties(String databaseUrl) {
    URI uri;
    try {
      uri = URI.create(databaseUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new StartupFailure(
          "DATABASE_URL is not a URL; expected postgresql://user:password@host:5432/database");
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme) || uri.getHost() == null) {
      throw new StartupFailure(
          "DATABASE_URL must look like postgresql://user:password@host:5432/database");
    }
    Map<String, Object> properties = new HashMap<>();
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    properties.put(
        "spring.datasource.url",
        "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      properties.put("spring.datasource.username", decode(user));
      if (colon >= 0) {
        properties.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
      }
    }
    return properties;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
