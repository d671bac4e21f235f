package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.SourceRunner;
import io.kasparro.support.market.FixtureSource;
import io.kasparro.support.market.MarketIntegrationTest;
import io.kasparro.support.market.MarketLoads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@MarketIntegrationTest
class NewsMentionsTest {

  @Autowired NewsMentions mentions;
  @Autowired SourceRunner runner;
  @Autowired FixtureSource coingeckoFixture;
  @Autowired JsonMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @TempDir Path dir;

  @Test
  void theSampleFeedsHeadlinesAreLinkedToTheAssetsTheyMentionAndRecordingAgainChangesNothing() {
    coingeckoFixture.serveResource("samples/coingecko_coins_markets_page1.json");
    new MarketLoads(runner, json, dir).run(coingeckoFixture);
    List<NewsMentions.Headline> feed =
        List.of(
            new NewsMentions.Headline(
                "news-20261120-0001",
                "Bitcoin holds above $91,000 as ETF inflows steady",
                "<p>BTC traded in a tight range on Friday &amp; volumes eased.</p>"),
            new NewsMentions.Headline(
                "news-20261120-0002",
                "Ethereum developers schedule next network upgrade",
                "Core developers agreed on a tentative date for the upgrade."),
            new NewsMentions.Headline(
                "news-20261120-0003",
                "Solana and Dogecoin lead altcoin gains",
                "SOL rose 2% while DOGE edged higher."));

    transactions.executeWithoutResult(status -> mentions.record("rss", feed));
    transactions.executeWithoutResult(status -> mentions.record("rss", feed));

    assertThat(
            jdbc.queryForList(
                "SELECT m.guid || ' ' || a.symbol || ' ' || m.matched_by FROM news_item_assets m"
                    + " JOIN assets a USING (asset_id) ORDER BY 1",
                String.class))
        .containsExactly(
            "news-20261120-0001 BTC name",
            "news-20261120-0002 ETH name",
            "news-20261120-0003 DOGE name",
            "news-20261120-0003 SOL name");
  }
}
