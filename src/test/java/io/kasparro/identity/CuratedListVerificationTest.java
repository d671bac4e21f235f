package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.kasparro.system.Command;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CuratedListVerificationTest {

  static final Path REAL_WORLD = Path.of("src/test/resources/identity/real-world");

  final CuratedAssets curated = new CuratedAssets();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path dir;

  @Test
  void everyCuratedCoinGeckoIdIsInTheCommittedCoinGeckoListing() throws IOException {
    int exitCode = run("--coingecko=" + REAL_WORLD.resolve("coingecko-coins.csv"));

    assertThat(CuratedListCheck.check(curated, "coingecko", ids("coingecko-coins.csv"))).isEmpty();
    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("0 not in");
  }

  @Test
  void everyCuratedCoinPaprikaIdIsInACommittedCoinPaprikaSnapshot() throws IOException {
    Set<String> snapshots = new HashSet<>(ids("coinpaprika-ids.csv"));
    snapshots.addAll(ids("coinpaprika-listing.csv"));
    List<String> missing =
        CuratedListCheck.check(curated, "coinpaprika", snapshots).stream()
            .map(CuratedListCheck.Missing::id)
            .toList();

    assertThat(missing)
        .as("curated CoinPaprika ids in neither coinpaprika-ids.csv nor coinpaprika-listing.csv")
        .isEmpty();
  }

  @Test
  void noCuratedCoinPaprikaIdDisagreesWithThePublicMappingForTheSameCoinGeckoId()
      throws IOException {
    Map<String, String> paprikaByGecko = new HashMap<>();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder().ofNamedCsvRecord(REAL_WORLD.resolve("coinpaprika-ids.csv"))) {
      csv.forEach(row -> paprikaByGecko.put(row.getField("coingecko"), row.getField("id")));
    }

    Map<String, String> disagreeing =
        curated.all().stream()
            .filter(e -> paprikaByGecko.containsKey(e.ids().get("coingecko")))
            .filter(
                e ->
                    !paprikaByGecko
                        .get(e.ids().get("coingecko"))
                        .equals(e.ids().get("coinpaprika")))
            .collect(Collectors.toMap(CuratedAsset::slug, e -> e.ids().get("coinpaprika")));

    assertThat(disagreeing).isEmpty();
  }

  @Test
  void anIdMissingFromAProviderListingIsReportedWithWhereItsEntryCameFrom() throws IOException {
    List<String> listed =
        curated.all().stream()
            .map(e -> e.ids().get("coinpaprika"))
            .filter(id -> !id.equals("leo-leo-token"))
            .toList();
    Path listing = dir.resolve("coins.json");
    Files.writeString(
        listing,
        listed.stream()
            .map(id -> "{\"id\":\"" + id + "\",\"is_active\":true}")
            .collect(Collectors.joining(",", "[", "]")));

    int exitCode = run("--coinpaprika=" + listing);

    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString())
        .contains("coinpaprika leo-leo-token (LEO LEO Token, from KomodoPlatform/coins")
        .contains("no longer exists")
        .contains("1 not in");
  }

  @Test
  void aListingWithEveryIdPassesAndAnUnknownSourceOrUnreadableFileIsABadCommandLine()
      throws IOException {
    Path listing = dir.resolve("coins.csv");
    Files.writeString(
        listing,
        "id\n"
            + curated.all().stream()
                .map(e -> e.ids().get("coinpaprika"))
                .collect(Collectors.joining("\n")));

    assertThat(run("--coinpaprika=" + listing)).isZero();
    assertThat(run("--csv=" + listing)).isEqualTo(2);
    assertThat(run("--coinpaprika=" + dir.resolve("absent.json"))).isEqualTo(2);
    assertThat(err.toString()).contains("csv").contains("absent.json");
  }

  @Test
  void verifyCuratedIsACommandOfTheCommandLine() {
    Command command = Command.parse(new String[] {"verify-curated", "--coingecko=list.json"});

    assertThat(command.name()).isEqualTo(Command.VERIFY_CURATED);
    assertThat(command.springArgs()).containsExactly("--coingecko=list.json");
  }

  private int run(String... args) {
    return CuratedListCheck.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static java.util.Set<String> ids(String file) throws IOException {
    return CuratedListCheck.ids(REAL_WORLD.resolve(file));
  }
}
