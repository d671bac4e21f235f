package io.kasparro.identity;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The curated list of cross-provider ids shipped with the service ({@code
 * identity/curated-assets.csv}): for the largest assets, their CoinGecko and CoinPaprika ids,
 * ticker and names, and where each entry came from ({@code origin}). It is authoritative: a source
 * id it lists always resolves to its asset, and a source it lists ids for can reach a curated asset
 * by no other id.
 */
@Component
public class CuratedAssets {

  static final String RESOURCE = "identity/curated-assets.csv";

  /** The columns that describe an asset; each other column holds its id at the source so named. */
  private static final Set<String> DESCRIPTION =
      Set.of("slug", "symbol", "name", "other_names", "origin");

  private final List<CuratedAsset> entries;
  private final Set<String> idColumns;
  private final Map<String, CuratedAsset> bySourceId = new HashMap<>();
  private final Map<String, List<CuratedAsset>> bySymbol = new HashMap<>();
  private final Map<String, CuratedAsset> bySlug = new HashMap<>();

  CuratedAssets() {
    this(load());
  }

  private CuratedAssets(Listing listing) {
    this.entries = List.copyOf(listing.entries());
    this.idColumns = Set.copyOf(listing.idColumns());
    for (CuratedAsset entry : entries) {
      if (bySlug.put(entry.slug(), entry) != null) {
        throw new IllegalStateException("curated slug listed twice: " + entry.slug());
      }
      entry
          .ids()
          .forEach(
              (source, id) -> {
                if (bySourceId.put(key(source, id), entry) != null) {
                  throw new IllegalStateException("curated id listed twice: " + source + " " + id);
                }
              });
      bySymbol.computeIfAbsent(entry.symbol(), s -> new ArrayList<>()).add(entry);
    }
  }

  List<CuratedAsset> all() {
    return entries;
  }

  Optional<CuratedAsset> bySourceId(String source, String sourceAssetId) {
    return Optional.ofNullable(bySourceId.get(key(source, sourceAssetId)));
  }

  Optional<CuratedAsset> bySlug(String slug) {
    return Optional.ofNullable(bySlug.get(slug));
  }

  /** The entry with this ticker and one of its names, for sources the list has no ids for. */
  Optional<CuratedAsset> bySymbolAndName(String symbol, String normalizedName) {
    return bySymbol.getOrDefault(symbol, List.of()).stream()
        .filter(entry -> entry.normalizedNames().contains(normalizedName))
        .findFirst();
  }

  /** Whether the list gives ids for this source (then its other ids never reach curated assets). */
  boolean listsIdsFor(String source) {
    return idColumns.contains(source);
  }

  private static String key(String source, String sourceAssetId) {
    return source + '\u0000' + sourceAssetId;
  }

  /** The file's entries, and the sources it has an id column for (from its header). */
  private record Listing(List<CuratedAsset> entries, Set<String> idColumns) {}

  private static Listing load() {
    List<CuratedAsset> entries = new ArrayList<>();
    Set<String> idColumns = new LinkedHashSet<>();
    try (Reader reader =
            new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8);
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
      for (NamedCsvRecord row : csv) {
        if (idColumns.isEmpty()) {
          row.getHeader().stream().filter(c -> !DESCRIPTION.contains(c)).forEach(idColumns::add);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (String column : idColumns) {
          String id = row.getField(column).strip();
          if (!id.isEmpty()) {
            ids.put(column, id);
          }
        }
        List<String> otherNames =
            Arrays.stream(row.getField("other_names").split("\\|"))
                .map(String::strip)
                .filter(other -> !other.isEmpty())
                .toList();
        entries.add(
            new CuratedAsset(
                row.getField("slug").strip(),
                row.getField("symbol").strip().toUpperCase(Locale.ROOT),
                row.getField("name").strip(),
                ids,
                otherNames,
                row.getField("origin").strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new Listing(entries, idColumns);
  }
}
