package io.kasparro.identity;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The chains contracts are compared on ({@code identity/chains.csv}): each chain's platform id at
 * each provider (CoinGecko's {@code binance-smart-chain} is CoinPaprika's {@code bnb-binance-coin})
 * and how its addresses are written. EVM addresses are hexadecimal and compared in lower case;
 * others (Solana, Tron: base58) are case-sensitive and kept as given. A platform not listed is not
 * read, since no other provider's contract could be matched to it.
 */
@Component
class Chains {

  static final String RESOURCE = "identity/chains.csv";

  private static final Pattern EVM = Pattern.compile("0x[0-9a-f]{40}");

  /** Chain and address style by provider and platform id. */
  private final Map<String, Map<String, Chain>> byProvider = new HashMap<>();

  private record Chain(String name, boolean evm) {}

  Chains() {
    try (Reader reader =
            new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8);
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
      for (NamedCsvRecord row : csv) {
        Chain chain =
            new Chain(
                row.getField("chain").strip(), row.getField("addresses").strip().equals("evm"));
        for (String provider : List.of("coingecko", "coinpaprika")) {
          String platform = row.getField(provider).strip();
          if (!platform.isEmpty()) {
            byProvider.computeIfAbsent(provider, p -> new HashMap<>()).put(platform, chain);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The provider's platform ids of the listed chains. */
  Set<String> platformsOf(String provider) {
    return Set.copyOf(byProvider.getOrDefault(provider, Map.of()).keySet());
  }

  /**
   * The contract a provider lists on one of its platforms, normalised; empty when the platform is
   * not a listed chain or the address is not one (an EVM address that is not 0x and 40 hex digits).
   */
  Optional<ChainAddress> contract(String provider, String platform, String address) {
    Chain chain = byProvider.getOrDefault(provider, Map.of()).get(platform);
    if (chain == null || address == null || address.isBlank()) {
      return Optional.empty();
    }
    String normalised = chain.evm() ? address.strip().toLowerCase(Locale.ROOT) : address.strip();
    if (chain.evm() && !EVM.matcher(normalised).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ChainAddress(chain.name(), normalised));
  }
}
