package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionMatcherTest {

  final MentionMatcher matcher =
      new MentionMatcher(
          List.of(
              new MentionMatcher.Entry(1, "BTC", List.of("Bitcoin")),
              new MentionMatcher.Entry(2, "ETH", List.of("Ethereum", "Ether")),
              new MentionMatcher.Entry(3, "SOL", List.of("Solana")),
              new MentionMatcher.Entry(4, "DOGE", List.of("Dogecoin")),
              new MentionMatcher.Entry(5, "BCH", List.of("Bitcoin Cash")),
              new MentionMatcher.Entry(6, "NEAR", List.of("NEAR Protocol", "Near")),
              new MentionMatcher.Entry(7, "HOT", List.of("Holo")),
              new MentionMatcher.Entry(8, "HOT", List.of("Hydro Protocol"))));

  @Test
  void theSampleHeadlinesMentionTheirCoinsByNameAndTicker() {
    assertThat(
            matcher.mentions(
                "Bitcoin holds above $91,000 as ETF inflows steady",
                "<p>BTC traded in a tight range on Friday &amp; volumes eased.</p>"))
        .containsExactly(new MentionMatcher.Mention(1, "name"));
    assertThat(
            matcher.mentions(
                "Solana and Dogecoin lead altcoin gains", "SOL rose 2% while DOGE edged higher."))
        .containsExactlyInAnyOrder(
            new MentionMatcher.Mention(3, "name"), new MentionMatcher.Mention(4, "name"));
  }

  @Test
  void aLongerNameIsNotAlsoTheShorterNameInsideIt() {
    assertThat(matcher.mentions("Bitcoin Cash miners rally", null))
        .containsExactly(new MentionMatcher.Mention(5, "name"));
  }

  @Test
  void tickersCountOnlyInCapitalsAndNeverWhenSharedOrCommon() {
    assertThat(matcher.mentions("Traders eye $ETH and the SEC", "hot takes on doge"))
        .containsExactly(new MentionMatcher.Mention(2, "symbol"));
    assertThat(matcher.mentions("HOT jumps 20%", null)).isEmpty();
  }

  @Test
  void everydayWordsAndPartsOfWordsAreNoMention() {
    assertThat(matcher.mentions("Prices near record as ethereal mood lifts", null)).isEmpty();
    assertThat(matcher.mentions("NEAR Protocol ships sharding", null))
        .containsExactly(new MentionMatcher.Mention(6, "name"));
  }
}
