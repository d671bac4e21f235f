package io.kasparro.identity;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One entry of the curated cross-provider list.
 *
 * @param slug the asset's stable key (its CoinGecko id)
 * @param symbol upper-case ticker
 * @param name display name
 * @param ids the asset's id at each listed source, by source name
 * @param otherNames other names it is known by ("USD Coin" for USDC)
 * @param origin where the entry came from
 */
record CuratedAsset(
    String slug,
    String symbol,
    String name,
    Map<String, String> ids,
    List<String> otherNames,
    String origin) {

  /** The display name first, then the other names. */
  List<String> names() {
    return Stream.concat(Stream.of(name), otherNames.stream()).toList();
  }

  /** The normalised display name first, then the normalised other names. */
  List<String> normalizedNames() {
    return names().stream().map(Names::normalize).distinct().toList();
  }
}
