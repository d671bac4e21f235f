package io.kasparro;

import io.kasparro.cli.CommandRunner;
import io.kasparro.identity.CuratedListCheck;
import io.kasparro.system.Command;
import io.kasparro.system.OneLineFailureReporter;
import io.kasparro.system.StartupFailure;
import io.kasparro.system.Usage;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. The first argument picks the command: {@code serve} (default), {@code run-once},
 * {@code replay} or {@code replay-failures}; options such as {@code --source=csv} follow it. {@code
 * --help}, {@code --version} and {@code verify-curated} print and exit without starting anything.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KasparroApplication {

  /** What {@link #launch} returns when the service stays up (serve). */
  public static final int KEEPS_RUNNING = -1;

  public static void main(String[] args) {
    int exitCode = launch(args);
    if (exitCode != KEEPS_RUNNING) {
      System.exit(exitCode);
    }
  }

  /**
   * Runs the command line and returns the process's exit code, or {@link #KEEPS_RUNNING}. Every
   * failure to start is one line on standard error.
   */
  public static int launch(String[] args) {
    Command command;
    try {
      command = Command.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("kasparro: " + e.getMessage());
      return StartupFailure.EXIT_CODE;
    }
    if (command.printsOnly()) {
      System.out.println(Command.HELP.equals(command.name()) ? Usage.help() : Usage.version());
      return 0;
    }
    if (Command.VERIFY_CURATED.equals(command.name())) {
      return CuratedListCheck.run(command.springArgs(), System.out, System.err);
    }
    SpringApplication app = new SpringApplication(KasparroApplication.class);
    app.setDefaultProperties(command.defaultProperties());
    try {
      ConfigurableApplicationContext context = app.run(command.springArgs());
      if (command.keepsRunning()) {
        return KEEPS_RUNNING;
      }
      return SpringApplication.exit(
          context, () -> context.getBean(CommandRunner.class).run(command));
    } catch (RuntimeException e) {
      OneLineFailureReporter.reportUnanalysed(e);
      return StartupFailure.EXIT_CODE;
    }
  }
}
