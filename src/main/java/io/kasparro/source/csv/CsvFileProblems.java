package io.kasparro.source.csv;

import java.util.List;

/**
 * Files of the configured path that yielded nothing they should have (no file matched, a file
 * unreadable, empty, without rows, or not UTF-8). Raised once every other file has been read and
 * committed, so one bad file never blocks the rest; it fails the run with every reason in it.
 */
class CsvFileProblems extends RuntimeException {

  CsvFileProblems(List<String> problems) {
    super(
        problems.size() == 1
            ? problems.get(0)
            : problems.size() + " CSV file problems: " + String.join("; ", problems));
  }
}
