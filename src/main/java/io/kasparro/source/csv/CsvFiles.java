package io.kasparro.source.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Resolves the configured path — one file or a glob — to the files to read, in name order. */
final class CsvFiles {

  private CsvFiles() {}

  static List<Path> resolve(String pattern) {
    int firstGlob = indexOfGlob(pattern);
    if (firstGlob < 0) {
      Path file = Path.of(pattern).toAbsolutePath().normalize();
      return Files.isRegularFile(file) ? List.of(file) : List.of();
    }
    int lastSeparator = pattern.lastIndexOf('/', firstGlob);
    Path base = Path.of(lastSeparator < 0 ? "." : pattern.substring(0, lastSeparator + 1));
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    Path absoluteBase = base.toAbsolutePath().normalize();
    String relativeGlob = pattern.substring(lastSeparator + 1);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relativeGlob);
    try (Stream<Path> walk = Files.walk(absoluteBase)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> matcher.matches(absoluteBase.relativize(file)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + absoluteBase, e);
    }
  }

  private static int indexOfGlob(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
