package io.kasparro.source;

import java.util.List;

/** A source was asked for by name that does not exist or is not enabled. */
public class UnknownSourceException extends IllegalArgumentException {

  public UnknownSourceException(String name, List<String> enabled) {
    super("unknown or disabled source '" + name + "'; enabled: " + String.join(", ", enabled));
  }
}
