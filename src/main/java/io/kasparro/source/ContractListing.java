package io.kasparro.source;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A provider's reference list of token contracts: which of its coin ids is which contract on which
 * platform. Read occasionally (not on every run) as identity evidence: two providers' coins with
 * one contract are one coin, whatever their tickers.
 *
 * <p>Contract: returns, for each of the requested platforms it could read, every contract listed on
 * it; a platform missing from the answer was not read, so what was known of it before stands. An
 * entry without an id or an address is skipped.
 */
public interface ContractListing {

  /** The source whose coin ids the contracts are listed under ({@code coingecko}). */
  String source();

  /**
   * The contracts on these platforms (the provider's own platform ids), by platform.
   *
   * @throws io.kasparro.system.http.UpstreamException when nothing could be read
   */
  Map<String, List<Contract>> contracts(Set<String> platforms);

  /**
   * One coin's contract on one platform.
   *
   * @param sourceAssetId the provider's id of the coin
   * @param address the contract address as the provider gives it
   */
  record Contract(String sourceAssetId, String address) {}
}
