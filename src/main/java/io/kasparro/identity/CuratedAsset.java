package io.kasparro.identity;

import java.util.List;
import java.util.Map;

/**
 * One entry of the curated cross-provider list.
 *
 * @param slug the asset's stable key (its CoinGecko id)
 * @param symbol upper-case ticker
 * @param name display name
 * @param ids the asset's id at each listed source, by source name
 * @param normalizedNames the normalised display name and any other names it is known by
 */
record CuratedAsset(
    String slug,
    String symbol,
    String name,
    Map<String, String> ids,
    List<String> normalizedNames) {}
