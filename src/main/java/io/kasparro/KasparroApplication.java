package io.kasparro;

import io.kasparro.cli.CommandRunner;
import io.kasparro.system.Command;
import io.kasparro.system.StartupFailure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. The first argument picks the command: {@code serve} (default), {@code run-once},
 * {@code replay} or {@code replay-failures}; options such as {@code --source=csv} follow it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KasparroApplication {

  public static void main(String[] args) {
    Command command;
    try {
      command = Command.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("kasparro: " + e.getMessage());
      System.exit(StartupFailure.EXIT_CODE);
      return;
    }
    SpringApplication app = new SpringApplication(KasparroApplication.class);
    app.setDefaultProperties(command.defaultProperties());
    int exitCode;
    try {
      ConfigurableApplicationContext context = app.run(command.springArgs());
      if (command.keepsRunning()) {
        return;
      }
      exitCode =
          SpringApplication.exit(context, () -> context.getBean(CommandRunner.class).run(command));
    } catch (RuntimeException e) {
      exitCode = StartupFailure.EXIT_CODE;
    }
    System.exit(exitCode);
  }
}
