package io.kasparro.system.http;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything an upstream call reports: user info and credential-like query
 * parameters are dropped from URLs, and the source's configured secrets are masked in any text.
 */
public final class Redaction {

  private static final String MASK = "***";

  /**
   * The user-info part of anything that looks like a URL ({@code scheme://user:pass@host}), also
   * when the URL is malformed (spaces, a bad port): everything between {@code ://} and an {@code @}
   * with no {@code /}, {@code ?} or {@code #} in between.
   */
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.\\-]*://)[^/?#@\\r\\n]*@");

  private static final Pattern SENSITIVE_PARAMETER =
      Pattern.compile("(?i)([?&][^=&]*(?:key|token|secret|password|signature|auth)[^=&]*=)[^&]*");

  private final List<String> secrets;

  /**
   * @param secrets values that must never be shown (blank ones are ignored)
   */
  Redaction(List<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
  }

  /** The URL without user info, with credential-like query values and secrets masked. */
  String url(URI uri) {
    StringBuilder url = new StringBuilder();
    url.append(uri.getScheme()).append("://").append(uri.getHost());
    if (uri.getPort() >= 0) {
      url.append(':').append(uri.getPort());
    }
    url.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      Matcher matcher = SENSITIVE_PARAMETER.matcher("?" + uri.getRawQuery());
      url.append(matcher.replaceAll("$1" + Matcher.quoteReplacement(MASK)));
    }
    return text(url.toString());
  }

  /**
   * The text with the credentials of every URL in it masked: for messages that may quote a URL (an
   * exception from parsing or connecting), before they reach a run's error, a log or a metric.
   */
  public static String withoutCredentials(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
  }

  /** The text with every configured secret and the credentials of any URL replaced by a mask. */
  String text(String text) {
    String masked = withoutCredentials(text);
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
