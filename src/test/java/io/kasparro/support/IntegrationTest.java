package io.kasparro.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole service on a random port against the real test PostgreSQL, with the database
 * emptied before each test. Schedules and start-up runs are off: tests start runs themselves. The
 * network sources are off so no test reaches the internet (a test enables one against WireMock),
 * the rate limit is out of reach and metrics are read afresh at every scrape, unless a test says
 * otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "db-scheduler.enabled=false",
      "kasparro.scheduling.run-at-startup=false",
      "kasparro.sources.coingecko.enabled=false",
      "kasparro.sources.coinpaprika.enabled=false",
      "kasparro.sources.rss.enabled=false",
      "spring.datasource.hikari.maximum-pool-size=6",
      "kasparro.api.rate-limit.capacity=1000000",
      "kasparro.metrics.cache-ttl=0s"
    })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ExtendWith(CleanDatabaseExtension.class)
public @interface IntegrationTest {}
