package io.kasparro.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/** Requests beyond plain GETs, sent through {@link Api}. */
public final class Http {

  private Http() {}

  public static Api.Response send(
      Api api,
      String method,
      String path,
      String contentType,
      String body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.url(path)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return api.send(request.build());
  }

  public static Api.Response postJson(
      Api api, String path, String body, Map<String, String> headers) {
    return send(api, "POST", path, "application/json", body, headers);
  }
}
