package io.kasparro.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandTest {

  @Test
  void noArgumentsMeansServe() {
    Command command = Command.parse(new String[] {});

    assertThat(command.name()).isEqualTo("serve");
    assertThat(command.keepsRunning()).isTrue();
    assertThat(command.defaultProperties()).isEmpty();
  }

  @Test
  void runOnceTakesASourceAndPassesOtherOptionsToSpring() {
    Command command =
        Command.parse(new String[] {"run-once", "--source=csv", "--kasparro.sources.csv.path=x"});

    assertThat(command.name()).isEqualTo("run-once");
    assertThat(command.source()).contains("csv");
    assertThat(command.springArgs()).containsExactly("--kasparro.sources.csv.path=x");
    assertThat(command.keepsRunning()).isFalse();
    assertThat(command.defaultProperties())
        .containsEntry("spring.main.web-application-type", "none")
        .containsEntry("db-scheduler.enabled", "false");
  }

  @Test
  void anUnknownCommandIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> Command.parse(new String[] {"serv"}))
        .hasMessageContaining("unknown command 'serv'")
        .hasMessageContaining("run-once");
  }
}
