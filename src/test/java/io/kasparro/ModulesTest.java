package io.kasparro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The package structure as Spring Modulith reads it: each direct sub-package of {@code io.kasparro}
 * is a module, the modules depend on each other without cycles and only through each other's public
 * types in the module's own package (or a declared named interface). The diagrams in {@code
 * docs/modules/} are drawn from the same model.
 */
class ModulesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(KasparroApplication.class);
  static final Path COMMITTED = Path.of("docs/modules");

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
    MODULES.verify();
  }

  @Test
  void theCommittedModuleDiagramsAreCurrent() {
    Path generated = Path.of("target/modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
    Map<String, String> expected = read(generated);
    Map<String, String> committed = read(COMMITTED);
    boolean current = normalised(committed).equals(normalised(expected));
    if (!current) {
      write(expected);
    }
    assertThat(current)
        .as("docs/modules is out of date with the packages; it has been regenerated: commit it")
        .isTrue();
  }

  /** The diagrams' lines in order: the same model may list its elements in another order. */
  private static Map<String, List<String>> normalised(Map<String, String> files) {
    Map<String, List<String>> lines = new TreeMap<>();
    files.forEach((name, text) -> lines.put(name, text.lines().sorted().toList()));
    return lines;
  }

  private static Map<String, String> read(Path folder) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.filter(p -> p.toString().endsWith(".puml")).toList()) {
        files.put(path.getFileName().toString(), Files.readString(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void write(Map<String, String> files) {
    try {
      Files.createDirectories(COMMITTED);
      try (Stream<Path> old = Files.list(COMMITTED)) {
        for (Path path : old.filter(p -> p.toString().endsWith(".puml")).toList()) {
          Files.delete(path);
        }
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
