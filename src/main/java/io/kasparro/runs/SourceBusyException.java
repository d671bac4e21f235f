package io.kasparro.runs;

/** Another run of the same source is in progress (on this node or another). */
public class SourceBusyException extends RuntimeException {

  private final String source;

  public SourceBusyException(String source) {
    super("source '" + source + "' is already running");
    this.source = source;
  }

  public String source() {
    return source;
  }
}
