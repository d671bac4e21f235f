package io.kasparro.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the problem+json bodies every endpoint answers errors with. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  /** The response is a 400 naming {@code parameter}, with the request id. */
  public static void assertBadParameter(Api.Response response, String parameter) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body().get("status").asInt()).isEqualTo(400);
    assertThat(response.body().get("title").asString()).isEqualTo("Invalid parameter");
    assertThat(response.body().get("parameter").asString()).isEqualTo(parameter);
    assertThat(response.body().get("detail").asString()).contains(parameter);
    assertThat(response.body().get("request_id").asString())
        .isEqualTo(response.header("X-Request-ID"));
  }
}
