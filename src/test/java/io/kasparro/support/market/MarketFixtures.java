package io.kasparro.support.market;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the CoinGecko- and CoinPaprika-shaped fixture sources as enabled sources. */
@TestConfiguration(proxyBeanMethods = false)
public class MarketFixtures {

  @Bean
  FixtureSource coingeckoFixture() {
    return CoinGeckoShape.source();
  }

  @Bean
  FixtureSource coinpaprikaFixture() {
    return CoinPaprikaShape.source();
  }
}
