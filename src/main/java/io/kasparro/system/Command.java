package io.kasparro.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: a command word followed by Spring-style {@code --key=value} options.
 *
 * @param name {@code serve}, {@code run-once}, {@code replay}, {@code replay-failures}, {@code
 *     verify-curated} or {@code correct-identity}
 * @param source the {@code --source} option, if given
 * @param springArgs every argument except the command word, passed on to Spring
 */
public record Command(String name, Optional<String> source, String[] springArgs) {

  public static final String SERVE = "serve";
  public static final String RUN_ONCE = "run-once";

  /** Rebuilds silver from bronze alone. */
  public static final String REPLAY = "replay";

  /** Retries the records in transform_failures. */
  public static final String REPLAY_FAILURES = "replay-failures";

  /** Checks the curated identity list against provider listing files; starts nothing. */
  public static final String VERIFY_CURATED = "verify-curated";

  /**
   * Links ({@code --link=SOURCE:ID --to=SOURCE:ID}) or splits ({@code --split=SOURCE:ID}) an
   * identity alias, with {@code --by=WHO --reason=TEXT}.
   */
  public static final String CORRECT_IDENTITY = "correct-identity";

  /** Prints the commands and options ({@code --help}, {@code -h}, {@code help}); starts nothing. */
  public static final String HELP = "help";

  /** Prints the version ({@code --version}); starts nothing. */
  public static final String VERSION = "version";

  private static final List<String> NAMES =
      List.of(SERVE, RUN_ONCE, REPLAY, REPLAY_FAILURES, VERIFY_CURATED, CORRECT_IDENTITY);

  public static Command parse(String[] args) {
    String name = SERVE;
    Optional<String> source = Optional.empty();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h") || (i == 0 && arg.equals(HELP))) {
        return new Command(HELP, Optional.empty(), new String[0]);
      }
      if (arg.equals("--version")) {
        return new Command(VERSION, Optional.empty(), new String[0]);
      }
      if (i == 0 && !arg.startsWith("-")) {
        if (!NAMES.contains(arg)) {
          throw new IllegalArgumentException(
              "unknown command '" + arg + "'; expected one of " + String.join(", ", NAMES));
        }
        name = arg;
        continue;
      }
      if (arg.startsWith("--source=")) {
        source = Optional.of(arg.substring("--source=".length()));
        continue;
      }
      rest.add(arg);
    }
    return new Command(name, source, rest.toArray(String[]::new));
  }

  /** Whether the command only prints something, starting nothing. */
  public boolean printsOnly() {
    return HELP.equals(name) || VERSION.equals(name);
  }

  /** Whether the process stays up after start (serving the API and schedules). */
  public boolean keepsRunning() {
    return SERVE.equals(name);
  }

  /** One-shot commands run without the web server and without the scheduler. */
  public Map<String, Object> defaultProperties() {
    if (keepsRunning()) {
      return Map.of();
    }
    return Map.of(
        "spring.main.web-application-type", "none",
        "db-scheduler.enabled", "false",
        "spring.main.banner-mode", "off");
  }
}
