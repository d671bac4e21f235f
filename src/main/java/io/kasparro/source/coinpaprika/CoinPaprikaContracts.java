package io.kasparro.source.coinpaprika;

import io.kasparro.source.ContractListing;
import io.kasparro.source.ContractProperties;
import io.kasparro.source.JsonArrayStream;
import io.kasparro.source.PayloadFields;
import io.kasparro.system.http.UpstreamClient;
import io.kasparro.system.http.UpstreamException;
import io.kasparro.system.http.UpstreamHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CoinPaprika's contracts: {@code GET /contracts} (the platforms it lists) and, for each requested
 * platform among them, {@code GET /contracts/{platform}} ({@code [{address, id, type, active}]}).
 * Inactive contracts are left out. A platform that fails is skipped; the others are still read.
 */
@Component
@ConditionalOnBooleanProperty(name = "kasparro.sources.coinpaprika.enabled", matchIfMissing = true)
public final class CoinPaprikaContracts implements ContractListing {

  private static final Logger log = LoggerFactory.getLogger(CoinPaprikaContracts.class);

  private final CoinPaprikaProperties properties;
  private final UpstreamClient client;
  private final JsonMapper json;

  public CoinPaprikaContracts(
      CoinPaprikaProperties properties,
      ContractProperties contracts,
      UpstreamHttp http,
      JsonMapper json) {
    this.properties = properties;
    this.client =
        http.client(
            CoinPaprikaSource.NAME + "-contracts",
            contracts.rateLimitPerMinute(),
            contracts.timeout(),
            properties.secrets());
    this.json = json;
  }

  @Override
  public String source() {
    return CoinPaprikaSource.NAME;
  }

  @Override
  public Map<String, List<Contract>> contracts(Set<String> platforms) {
    // A short array of platform ids (strings), read whole.
    Set<String> listed = new HashSet<>();
    client.get(
        uri("/contracts"),
        properties.headers("application/json"),
        (body, contentType) -> {
          for (JsonNode platform : json.readTree(body)) {
            if (platform.isString()) {
              listed.add(platform.asString().strip());
            }
          }
          return null;
        });
    Map<String, List<Contract>> byPlatform = new LinkedHashMap<>();
    for (String platform : new TreeSet<>(platforms)) {
      if (!listed.contains(platform)) {
        continue;
      }
      List<Contract> contracts = new ArrayList<>();
      int[] skipped = {0};
      try {
        read(
            uri("/contracts/" + platform),
            entry -> {
              String id = entry.isObject() ? PayloadFields.text(entry, "id") : null;
              String address = id == null ? null : PayloadFields.text(entry, "address");
              if (address == null) {
                skipped[0]++;
              } else if (!entry.path("active").isBoolean() || entry.path("active").asBoolean()) {
                contracts.add(new Contract(id, address));
              }
            });
      } catch (UpstreamException e) {
        log.warn("coinpaprika: contracts of {} not read this time: {}", platform, e.getMessage());
        continue;
      }
      if (skipped[0] > 0) {
        log.warn("coinpaprika: {} malformed contracts of {} skipped", skipped[0], platform);
      }
      byPlatform.put(platform, contracts);
    }
    return byPlatform;
  }

  private URI uri(String path) {
    return UriComponentsBuilder.fromUriString(properties.baseUrl()).path(path).build().toUri();
  }

  private void read(URI uri, Consumer<JsonNode> element) {
    client.get(
        uri,
        properties.headers("application/json"),
        (body, contentType) -> {
          JsonArrayStream.read(json, body, contentType, e -> element.accept(e.node()));
          return null;
        });
  }
}
