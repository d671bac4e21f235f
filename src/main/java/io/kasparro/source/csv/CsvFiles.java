package io.kasparro.source.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves the configured path — one file or a glob — to the files to read, in name order. A glob
 * yields every entry it matches, including any that is not a regular file.
 */
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
      // Every match, not only regular files: a directory or a FIFO named like one is reported as
      // unreadable by the reader (and a FIFO never opened, which could block), not skipped.
      return walk.filter(file -> !file.equals(absoluteBase))
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

  /** Why {@link #resolve} found nothing for {@code pattern}, for the run's error. */
  static String whyNothing(String pattern) {
    int firstGlob = indexOfGlob(pattern);
    Path path =
        Path.of(
                firstGlob < 0
                    ? pattern
                    : pattern
                            .substring(0, Math.max(0, pattern.lastIndexOf('/', firstGlob) + 1))
                            .isEmpty()
                        ? "."
                        : pattern.substring(0, pattern.lastIndexOf('/', firstGlob) + 1))
            .toAbsolutePath()
            .normalize();
    try {
      path.toRealPath();
    } catch (java.nio.file.FileSystemLoopException e) {
      return path + " is a symbolic link loop";
    } catch (java.nio.file.NoSuchFileException e) {
      return path + " does not exist";
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("many levels of symbolic links")) {
        return path + " is a symbolic link loop";
      }
      return path + ": " + e.getClass().getSimpleName() + " " + e.getMessage();
    }
    if (firstGlob < 0) {
      return Files.isDirectory(path)
          ? path + " is a directory, not a file"
          : path + " is not a regular file";
    }
    return Files.isDirectory(path)
        ? "no regular file in "
            + path
            + " matches "
            + pattern.substring(pattern.lastIndexOf('/', firstGlob) + 1)
        : path + " is not a directory";
  }
}
