package io.kasparro.source.coingecko;

import io.kasparro.source.ContractListing;
import io.kasparro.source.ContractProperties;
import io.kasparro.source.JsonArrayStream;
import io.kasparro.source.PayloadFields;
import io.kasparro.system.http.UpstreamClient;
import io.kasparro.system.http.UpstreamHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CoinGecko's contracts: {@code GET /coins/list?include_platform=true}, every coin with its {@code
 * platforms} object (platform id → address), in one array read as a stream. One request.
 */
@Component
@ConditionalOnBooleanProperty(name = "kasparro.sources.coingecko.enabled", matchIfMissing = true)
public final class CoinGeckoContracts implements ContractListing {

  private static final Logger log = LoggerFactory.getLogger(CoinGeckoContracts.class);

  private final CoinGeckoProperties properties;
  private final UpstreamClient client;
  private final JsonMapper json;

  public CoinGeckoContracts(
      CoinGeckoProperties properties,
      ContractProperties contracts,
      UpstreamHttp http,
      JsonMapper json) {
    this.properties = properties;
    this.client =
        http.client(
            CoinGeckoSource.NAME + "-contracts",
            contracts.rateLimitPerMinute(),
            contracts.timeout(),
            properties.secrets());
    this.json = json;
  }

  @Override
  public String source() {
    return CoinGeckoSource.NAME;
  }

  @Override
  public Map<String, List<Contract>> contracts(Set<String> platforms) {
    URI uri =
        UriComponentsBuilder.fromUriString(properties.baseUrl())
            .path("/coins/list")
            .queryParam("include_platform", "true")
            .build()
            .toUri();
    Map<String, List<Contract>> byPlatform = new HashMap<>();
    platforms.forEach(platform -> byPlatform.put(platform, new ArrayList<>()));
    int[] skipped = {0};
    client.get(
        uri,
        properties.headers("application/json"),
        (body, contentType) -> {
          JsonArrayStream.read(
              json,
              body,
              contentType,
              coin -> {
                String id = coin.node().isObject() ? PayloadFields.text(coin.node(), "id") : null;
                JsonNode listed = id == null ? null : coin.node().get("platforms");
                if (listed == null || !(listed.isObject() || listed.isNull())) {
                  skipped[0]++;
                  return;
                }
                for (Map.Entry<String, JsonNode> platform : listed.properties()) {
                  List<Contract> contracts = byPlatform.get(platform.getKey());
                  String address =
                      platform.getValue().isString() ? platform.getValue().asString().strip() : "";
                  if (contracts != null && !address.isEmpty()) {
                    contracts.add(new Contract(id, address));
                  }
                }
              });
          return null;
        });
    if (skipped[0] > 0) {
      log.warn("coingecko: {} malformed entries of /coins/list skipped", skipped[0]);
    }
    return byPlatform;
  }
}
