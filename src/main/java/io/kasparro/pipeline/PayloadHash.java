package io.kasparro.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a payload exactly as received: the identity of a bronze record within its source. */
public final class PayloadHash {

  private PayloadHash() {}

  public static String hex(String payloadJson) {
    return HexFormat.of().formatHex(bytes(payloadJson));
  }

  public static byte[] bytes(String payloadJson) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(payloadJson.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
