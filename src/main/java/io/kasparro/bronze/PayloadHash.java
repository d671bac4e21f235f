package io.kasparro.bronze;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a payload exactly as received: the identity of a bronze record within its source. */
public final class PayloadHash {

  private PayloadHash() {}

  public static String hex(String payloadJson) {
    return HexFormat.of()
        .formatHex(newDigest().digest(payloadJson.getBytes(StandardCharsets.UTF_8)));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
