package io.kasparro.identity;

import io.kasparro.source.ContractListing;
import io.kasparro.system.http.UpstreamException;
import io.kasparro.system.jdbc.SqlArrays;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reference fetch of token contracts into {@code asset_contracts}: for each provider whose
 * source is enabled, the contracts it lists on the chains of {@link Chains}. Each platform read
 * replaces that provider's contracts on its chain in one transaction; a platform or provider that
 * could not be read (429, timeout, open circuit) keeps what it had, and the others go ahead. Then
 * the aliases decided before these contracts were known are re-decided ({@link ContractLinks}). It
 * runs apart from source runs, so a slow or refusing provider holds up no ingestion.
 */
@Service
public class ContractReference {

  private static final Logger log = LoggerFactory.getLogger(ContractReference.class);

  private static final String DELETE =
      "DELETE FROM asset_contracts WHERE provider = ? AND chain = ?";
  private static final String INSERT =
      """
      INSERT INTO asset_contracts (provider, provider_id, chain, address, fetched_at)
      SELECT ?, c.id, ?, c.address, ?::timestamptz
        FROM unnest(?::text[], ?::text[]) AS c (id, address)
      ON CONFLICT DO NOTHING
      """;

  private final List<ContractListing> listings;
  private final Chains chains;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ContractLinks links;

  ContractReference(
      List<ContractListing> listings,
      Chains chains,
      ContractLinks links,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      Clock clock) {
    this.listings = List.copyOf(listings);
    this.chains = chains;
    this.links = links;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * What one fetch did.
   *
   * @param stored contracts stored, by provider (a provider that could not be read is absent)
   * @param skipped entries left out because their address is not one, by provider
   * @param failed providers that could not be read, with why
   * @param relinked aliases decided earlier without evidence that the contracts moved ({@link
   *     ContractLinks})
   */
  public record Refresh(
      Map<String, Integer> stored,
      Map<String, Integer> skipped,
      Map<String, String> failed,
      int relinked) {}

  /** Fetches every enabled provider's contracts and stores them. */
  public Refresh refresh() {
    Map<String, Integer> stored = new LinkedHashMap<>();
    Map<String, Integer> skipped = new LinkedHashMap<>();
    Map<String, String> failed = new LinkedHashMap<>();
    for (ContractListing listing : listings) {
      String provider = listing.source();
      Map<String, List<ContractListing.Contract>> byPlatform;
      try {
        byPlatform = listing.contracts(chains.platformsOf(provider));
      } catch (UpstreamException e) {
        log.warn(
            "Contracts of {} not fetched; the stored ones stand: {}", provider, e.getMessage());
        failed.put(provider, e.getMessage());
        continue;
      }
      Instant fetchedAt = clock.instant();
      int[] counts = {0, 0};
      byPlatform.forEach(
          (platform, contracts) -> {
            int[] platformCounts = store(provider, platform, contracts, fetchedAt);
            counts[0] += platformCounts[0];
            counts[1] += platformCounts[1];
          });
      stored.put(provider, counts[0]);
      skipped.put(provider, counts[1]);
      log.info(
          "Contracts of {}: {} stored on {} platform(s), {} skipped as malformed",
          provider,
          counts[0],
          byPlatform.size(),
          counts[1]);
    }
    int relinked = stored.isEmpty() ? 0 : links.relink();
    return new Refresh(stored, skipped, failed, relinked);
  }

  /** Replaces the provider's contracts on the platform's chain; stored and skipped counts. */
  private int[] store(
      String provider,
      String platform,
      List<ContractListing.Contract> contracts,
      Instant fetchedAt) {
    String chain = null;
    Set<List<String>> rows = new LinkedHashSet<>();
    int skipped = 0;
    for (ContractListing.Contract contract : contracts) {
      Optional<ChainAddress> normalised = chains.contract(provider, platform, contract.address());
      if (normalised.isEmpty()) {
        skipped++;
        continue;
      }
      chain = normalised.get().chain();
      rows.add(List.of(contract.sourceAssetId(), normalised.get().address()));
    }
    if (chain == null) {
      // Nothing valid read: keep what was stored rather than empty the chain.
      return new int[] {0, skipped};
    }
    String chainName = chain;
    List<List<String>> list = new ArrayList<>(rows);
    transactions.executeWithoutResult(
        status -> {
          jdbc.update(DELETE, provider, chainName);
          SqlArrays.update(
              jdbc,
              INSERT,
              provider,
              chainName,
              fetchedAt.toString(),
              SqlArrays.column(list, row -> row.get(0)),
              SqlArrays.column(list, row -> row.get(1)));
        });
    return new int[] {list.size(), skipped};
  }
}
