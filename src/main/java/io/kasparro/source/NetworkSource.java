package io.kasparro.source;

import io.kasparro.system.http.UpstreamClient;
import io.kasparro.system.http.UpstreamHttp;
import io.kasparro.system.http.UpstreamSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every network source starts from: its name, its settings, and the HTTP client made from them
 * (with the source's rate limit, timeout, auth header and masked key).
 *
 * @param <P> the source's configuration
 * @param <C> the source's checkpoint
 */
public abstract class NetworkSource<P extends UpstreamSettings, C> implements Source<C> {

  private final String name;
  protected final P properties;
  protected final UpstreamClient client;
  protected final JsonMapper json;

  protected NetworkSource(String name, P properties, UpstreamHttp http, JsonMapper json) {
    this.name = name;
    this.properties = properties;
    this.client = http.client(name, properties);
    this.json = json;
  }

  @Override
  public final String name() {
    return name;
  }
}
