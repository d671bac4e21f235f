package io.kasparro.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The drift of one batch: the union of its records' drift, each list sorted so that the same drift
 * always reads (and is stored) the same way.
 *
 * @param added fields present but not expected
 * @param missing required fields absent
 * @param typeChanged expected fields that arrived with another type
 * @param renamed likely renames, with the highest confidence seen for each pair
 * @param records how many records of the batch drifted
 */
record BatchDrift(
    List<String> added,
    List<String> missing,
    List<RecordDrift.TypeChange> typeChanged,
    List<RecordDrift.Rename> renamed,
    int records) {

  static BatchDrift of(List<RecordDrift> drifts) {
    TreeSet<String> added = new TreeSet<>();
    TreeSet<String> missing = new TreeSet<>();
    TreeSet<RecordDrift.TypeChange> typeChanged =
        new TreeSet<>(
            Comparator.comparing(RecordDrift.TypeChange::field)
                .thenComparing(RecordDrift.TypeChange::actual));
    Map<String, RecordDrift.Rename> renamed = new LinkedHashMap<>();
    int records = 0;
    for (RecordDrift drift : drifts) {
      if (drift.isEmpty()) {
        continue;
      }
      records++;
      added.addAll(drift.added());
      missing.addAll(drift.missing());
      typeChanged.addAll(drift.typeChanged());
      for (RecordDrift.Rename rename : drift.renamed()) {
        renamed.merge(
            rename.from() + " -> " + rename.to(),
            rename,
            (a, b) -> a.confidence().compareTo(b.confidence()) >= 0 ? a : b);
      }
    }
    List<RecordDrift.Rename> renames = new ArrayList<>(renamed.values());
    renames.sort(
        Comparator.comparing(RecordDrift.Rename::to).thenComparing(RecordDrift.Rename::from));
    return new BatchDrift(
        List.copyOf(added), List.copyOf(missing), List.copyOf(typeChanged), renames, records);
  }

  boolean isEmpty() {
    return records == 0;
  }
}
