package io.kasparro.identity;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code verify-curated --coingecko=FILE --coinpaprika=FILE}: checks that every id of the curated
 * list still exists in a provider's current listing, so an id the provider has retired (a renamed
 * coin, a migrated token) is found before it silently matches nothing. A listing is the JSON the
 * provider serves ({@code /coins/list}, {@code /coins}: an array of objects with an {@code id}) or
 * a CSV file with an {@code id} column. Needs no database and starts nothing.
 */
public final class CuratedListCheck {

  /** An id of the curated list that a listing does not have. */
  record Missing(String source, String id, CuratedAsset entry) {}

  private CuratedListCheck() {}

  /** Runs the command: exit code 0 when every id is listed, 1 when some are not, 2 for bad use. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CuratedAssets curated = new CuratedAssets();
    Map<String, Path> listings = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      String source = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
      if (source == null || !curated.listsIdsFor(source)) {
        err.println(
            "kasparro: verify-curated takes --SOURCE=LISTING_FILE for a source the curated list"
                + " has ids for (coingecko, coinpaprika), not '"
                + arg
                + "'");
        return 2;
      }
      listings.put(source, Path.of(arg.substring(equals + 1)));
    }
    if (listings.isEmpty()) {
      err.println(
          "kasparro: verify-curated needs at least one --coingecko= or --coinpaprika= file");
      return 2;
    }
    List<Missing> missing = new ArrayList<>();
    for (Map.Entry<String, Path> listing : listings.entrySet()) {
      Set<String> ids;
      try {
        ids = ids(listing.getValue());
      } catch (IOException | JacksonException | IllegalArgumentException e) {
        err.println("kasparro: cannot read " + listing.getValue() + ": " + e.getMessage());
        return 2;
      }
      List<Missing> gone = check(curated, listing.getKey(), ids);
      long checked =
          curated.all().stream().filter(e -> e.ids().containsKey(listing.getKey())).count();
      out.printf(
          "%s: %d curated id(s), %d not in %s%n",
          listing.getKey(), checked, gone.size(), listing.getValue());
      gone.forEach(
          m ->
              out.printf(
                  "  %s %s (%s %s, from %s) no longer exists%n",
                  m.source(), m.id(), m.entry().symbol(), m.entry().name(), m.entry().origin()));
      missing.addAll(gone);
    }
    return missing.isEmpty() ? 0 : 1;
  }

  /** The curated ids at this source that the listing does not have, in the list's order. */
  static List<Missing> check(CuratedAssets curated, String source, Set<String> listed) {
    return curated.all().stream()
        .filter(entry -> entry.ids().containsKey(source))
        .filter(entry -> !listed.contains(entry.ids().get(source)))
        .map(entry -> new Missing(source, entry.ids().get(source), entry))
        .toList();
  }

  /** The ids of a listing file: a JSON array of objects with an id, or a CSV with an id column. */
  static Set<String> ids(Path file) throws IOException {
    Set<String> ids = new HashSet<>();
    if (file.getFileName().toString().endsWith(".csv")) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
        for (NamedCsvRecord row : csv) {
          ids.add(row.getField("id"));
        }
      } catch (java.util.NoSuchElementException e) {
        throw new IllegalArgumentException("no id column", e);
      }
      return ids;
    }
    JsonNode listing = JsonMapper.builder().build().readTree(file.toFile());
    if (!listing.isArray()) {
      throw new IllegalArgumentException("not a JSON array of coins");
    }
    listing.forEach(coin -> ids.add(coin.path("id").asString("")));
    return ids;
  }
}
