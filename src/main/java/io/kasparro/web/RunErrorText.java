package io.kasparro.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a run's error only for callers who may read it: when the service has an API key, a run's
 * error (which can quote an upstream's answer or a path on the server) is shown to requests that
 * carry the key, and replaced by {@link #HIDDEN} for the others. Without a configured key every
 * caller sees it. Put it on a field with {@code @JsonSerialize(using = RunErrorText.class)}.
 */
public final class RunErrorText extends StdSerializer<String> {

  /** What a caller without the key reads instead of a run's error. */
  public static final String HIDDEN = "hidden: send the API key in X-API-Key to read run errors";

  static final String VISIBLE_ATTRIBUTE = RunErrorText.class.getName() + ".visible";

  public RunErrorText() {
    super(String.class);
  }

  @Override
  public void serialize(String value, JsonGenerator generator, SerializationContext context) {
    generator.writeString(visible() ? value : HIDDEN);
  }

  private static boolean visible() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request == null
        || !Boolean.FALSE.equals(
            request.getAttribute(VISIBLE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
  }
}
