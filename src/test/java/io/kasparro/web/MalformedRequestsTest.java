package io.kasparro.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.IntegrationTest;
import io.kasparro.support.RawHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Requests no well-behaved client sends, written on a socket: every one gets a problem+json answer
 * with a 4xx status, whether Tomcat, a filter or a controller refuses it.
 */
@IntegrationTest
class MalformedRequestsTest {

  static final List<String> BAD_ENCODINGS = List.of("%FF%FE", "%", "%zz", "%C0%AF", "%e2%82");

  @LocalServerPort int port;

  @Test
  void aQueryValueThatIsNotPercentEncodedUtf8IsA400NamingItsParameter() {
    for (String bad : BAD_ENCODINGS) {
      assertBadParameter(RawHttp.get(port, "/data?symbol=" + bad), "symbol", bad);
      assertBadParameter(RawHttp.get(port, "/assets?name=" + bad), "name", bad);
      assertBadParameter(RawHttp.get(port, "/runs?limit=5&status=" + bad), "status", bad);
    }
  }

  @Test
  void aQueryParameterNameThatIsNotPercentEncodedUtf8IsA400() {
    for (String bad : BAD_ENCODINGS) {
      assertBadParameter(RawHttp.get(port, "/data?" + bad + "=1"), "query", bad);
    }
  }

  @Test
  void aPathThatIsNotPercentEncodedUtf8IsA400Problem() {
    for (String bad : BAD_ENCODINGS) {
      for (String target : List.of("/assets/" + bad, "/da" + bad + "ta", "/runs/" + bad)) {
        assertProblem(RawHttp.get(port, target), 400, target);
      }
    }
  }

  @Test
  void aNulInAnyTextParameterIsA400NamingIt() {
    for (String target :
        List.of(
            "/assets?name=bit%00coin",
            "/data?symbol=BTC%00",
            "/transform-failures?error_type=x%00",
            "/runs?status=%00",
            "/data?cursor=%00abc",
            "/data?sort=%00")) {
      String parameter = target.split("[?=]")[1];
      assertBadParameter(RawHttp.get(port, target), parameter, target);
    }
  }

  @Test
  void timesOutsideWhatTheDatabaseHoldsAreA400NamingTheParameter() {
    for (String target :
        List.of(
            "/data?from=%2B999999-01-01T00:00:00Z",
            "/data?to=%2B10000-01-01T00:00:00Z",
            "/data?from=-4714-01-01T00:00:00Z",
            "/data?to=-0001-12-31T00:00:00Z",
            "/data?from=0000-12-31T23:59:59Z")) {
      String parameter = target.split("[?=]")[1];
      assertBadParameter(RawHttp.get(port, target), parameter, target);
    }
  }

  @Test
  void aQueryStringOrHeaderLongerThanTheServerAcceptsIsA400Problem() {
    String long100k = "a".repeat(100_000);

    assertProblem(RawHttp.get(port, "/data?symbol=" + long100k), 400, "100 KB query");
    assertProblem(
        RawHttp.send(port, "GET /data HTTP/1.1", Map.of("Host", "localhost", "X-Filler", long100k)),
        400,
        "100 KB header");
  }

  @Test
  void aMalformedRequestLineIsAProblemNotAnHtmlPage() {
    for (String line :
        List.of("GET /data HTTP/1.1 junk", "G<T /data HTTP/1.1", "GET /da ta HTTP/1.1")) {
      assertProblem(RawHttp.send(port, line, Map.of("Host", "localhost")), 400, line);
    }
    assertProblem(
        RawHttp.send(port, "GET /data HTTP/9.9", Map.of("Host", "localhost")), 505, "HTTP/9.9");
  }

  @Test
  void traceIsRefusedWith405AndEchoesNothing() {
    RawHttp.Response response =
        RawHttp.send(
            port, "TRACE /data HTTP/1.1", Map.of("Host", "localhost", "X-Secret", "s3cr3t-value"));

    assertProblem(response, 405, "TRACE");
    assertThat(response.body()).doesNotContain("s3cr3t-value");
  }

  @Test
  void theErrorPathAskedForDirectlyIsANotFoundProblem() {
    RawHttp.Response response = RawHttp.get(port, "/error");

    assertProblem(response, 404, "/error");
    assertThat(response.body()).doesNotContain("999");
  }

  @Test
  void theOpenApiDocumentDoesNotReflectTheHostOrForwardedHeaders() {
    RawHttp.Response response =
        RawHttp.send(
            port,
            "GET /openapi HTTP/1.1",
            Map.of(
                "Host", "evil.example",
                "X-Forwarded-Host", "evil2.example",
                "X-Forwarded-Proto", "gopher",
                "X-Forwarded-Prefix", "/evil3"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("evil", "gopher");
    JsonNode servers = response.json().get("servers");
    assertThat(servers).hasSize(1);
    assertThat(servers.get(0).get("url").asString()).isEqualTo("/");
  }

  private static void assertBadParameter(RawHttp.Response response, String parameter, String what) {
    assertProblem(response, 400, what);
    JsonNode body = response.json();
    assertThat(body.get("title").asString()).as(what).isEqualTo("Invalid parameter");
    assertThat(body.get("parameter").asString()).as(what).isEqualTo(parameter);
    assertThat(body.get("detail").asString()).as(what).contains(parameter);
  }

  private static void assertProblem(RawHttp.Response response, int status, String what) {
    assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
    JsonNode body = response.json();
    assertThat(body.get("status").asInt()).as(what).isEqualTo(status);
    assertThat(body.get("title").asString()).as(what).isNotBlank();
    assertThat(body.get("detail").asString()).as(what).isNotBlank();
    assertThat(body.get("request_id").asString())
        .as(what)
        .isNotBlank()
        .isEqualTo(response.header("X-Request-ID"));
    assertThat(response.body()).as(what).doesNotContain("Exception", "<html", "at io.");
  }
}
