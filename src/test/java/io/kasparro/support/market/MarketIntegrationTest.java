package io.kasparro.support.market;

import io.kasparro.support.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link IntegrationTest} with the fixture market sources registered and an admin API key set
 * ({@link #API_KEY}); test classes using it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(MarketFixtures.class)
@TestPropertySource(properties = "kasparro.api.key=" + MarketIntegrationTest.API_KEY)
public @interface MarketIntegrationTest {
  String API_KEY = "test-admin-key";
}
