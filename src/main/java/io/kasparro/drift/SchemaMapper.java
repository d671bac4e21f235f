package io.kasparro.drift;

import io.kasparro.source.PayloadSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares one payload with its source's expected schema and maps fields back to their expected
 * names: first the operator's confirmed mappings, then renames of missing required fields to names
 * with the same words (at or above the rename threshold). Other likely renames are only reported.
 * The result depends on the payload and configuration alone, so a replay from bronze maps exactly
 * as the original load did.
 */
@Component
public class SchemaMapper {

  private final SchemaProperties properties;

  SchemaMapper(SchemaProperties properties) {
    this.properties = properties;
  }

  /**
   * The payload to transform, and how the original differed from the schema.
   *
   * @param payload the payload with mapped fields under their expected names (the original object
   *     when nothing was mapped)
   * @param drift the differences found after the confirmed mappings
   */
  public record Inspection(JsonNode payload, RecordDrift drift) {}

  public Inspection inspect(String source, PayloadSchema schema, JsonNode payload) {
    if (!schema.isDeclared() || !payload.isObject()) {
      return new Inspection(payload, RecordDrift.NONE);
    }
    JsonNode working = payload;
    Map<String, String> confirmed = properties.mappingsFor(source);
    if (!confirmed.isEmpty() && root(payload, schema) instanceof ObjectNode) {
      ObjectNode copy = (ObjectNode) payload.deepCopy();
      confirmed.forEach((from, to) -> move((ObjectNode) root(copy, schema), from, to, schema));
      working = copy;
    }
    RecordDrift drift = compare(root(working, schema), schema);
    List<RecordDrift.Rename> mapped =
        drift.renamed().stream().filter(RecordDrift.Rename::mapped).toList();
    if (!mapped.isEmpty()) {
      ObjectNode copy = (ObjectNode) working.deepCopy();
      mapped.forEach(
          rename -> move((ObjectNode) root(copy, schema), rename.from(), rename.to(), schema));
      working = copy;
    }
    return new Inspection(working, drift);
  }

  private RecordDrift compare(JsonNode root, PayloadSchema schema) {
    if (!(root instanceof ObjectNode object)) {
      return RecordDrift.NONE;
    }
    FieldKeys names = FieldKeys.of(schema);
    Map<String, Observed> observed = new LinkedHashMap<>();
    flatten(object, "", names, observed);
    List<Observed> added =
        observed.entrySet().stream()
            .filter(entry -> !names.isKnown(entry.getKey()))
            .map(Map.Entry::getValue)
            .toList();
    List<PayloadSchema.Field> absent = new ArrayList<>();
    List<RecordDrift.TypeChange> typeChanged = new ArrayList<>();
    for (PayloadSchema.Field field : schema.fields()) {
      Observed seen = names.find(field, observed);
      if (seen == null) {
        absent.add(field);
      } else if (seen.type() != PayloadSchema.Type.NULL && seen.type() != field.type()) {
        typeChanged.add(
            new RecordDrift.TypeChange(
                field.path(), field.type().jsonName(), seen.type().jsonName()));
      }
    }
    List<RecordDrift.Rename> renamed = renames(absent, added, names);
    Set<String> renamedFrom = new HashSet<>();
    Set<String> renamedTo = new HashSet<>();
    renamed.forEach(
        rename -> {
          renamedFrom.add(rename.from());
          renamedTo.add(rename.to());
        });
    return new RecordDrift(
        added.stream().map(Observed::path).filter(path -> !renamedFrom.contains(path)).toList(),
        absent.stream()
            .filter(PayloadSchema.Field::required)
            .map(PayloadSchema.Field::path)
            .filter(path -> !renamedTo.contains(path))
            .toList(),
        typeChanged,
        renamed);
  }

  /**
   * Pairs absent fields with added siblings of a compatible type, most likely pairs first. Every
   * pair at or above the candidate threshold is reported; only a required field found under a name
   * with the same words is mapped, since an optional field is often simply not sent and a similar
   * name with a word more or less ({@code market_cap_rank}, {@code volume_24h_eur}) holds another
   * value. Mappable pairs are chosen before the others, so a likelier-looking report does not take
   * the added field a required field needs.
   */
  private List<RecordDrift.Rename> renames(
      List<PayloadSchema.Field> absent, List<Observed> added, FieldKeys names) {
    List<RecordDrift.Rename> candidates = new ArrayList<>();
    for (PayloadSchema.Field field : absent) {
      for (Observed candidate : added) {
        boolean sameParent =
            names
                .comparable(parent(candidate.path()))
                .equals(names.comparable(parent(field.path())));
        boolean compatible =
            candidate.type() == field.type() || candidate.type() == PayloadSchema.Type.NULL;
        if (!sameParent || !compatible) {
          continue;
        }
        String leaf = leaf(candidate.path());
        BigDecimal confidence = confidence(field, leaf);
        if (confidence.doubleValue() >= properties.renameCandidateThreshold()) {
          boolean mapped =
              field.required()
                  && sameWords(field, leaf)
                  && confidence.doubleValue() >= properties.renameThreshold();
          candidates.add(
              new RecordDrift.Rename(candidate.path(), field.path(), confidence, mapped));
        }
      }
    }
    candidates.sort(
        Comparator.comparing(RecordDrift.Rename::mapped)
            .thenComparing(RecordDrift.Rename::confidence)
            .reversed()
            .thenComparing(RecordDrift.Rename::to)
            .thenComparing(RecordDrift.Rename::from));
    List<RecordDrift.Rename> chosen = new ArrayList<>();
    Set<String> usedFrom = new HashSet<>();
    Set<String> usedTo = new HashSet<>();
    for (RecordDrift.Rename rename : candidates) {
      if (!usedFrom.contains(rename.from()) && !usedTo.contains(rename.to())) {
        chosen.add(rename);
        usedFrom.add(rename.from());
        usedTo.add(rename.to());
      }
    }
    return chosen;
  }

  private static BigDecimal confidence(PayloadSchema.Field field, String candidateLeaf) {
    BigDecimal best = FieldNames.renameConfidence(candidateLeaf, leaf(field.path()));
    for (String alternative : field.alternatives()) {
      BigDecimal score = FieldNames.renameConfidence(candidateLeaf, leaf(alternative));
      best = score.compareTo(best) > 0 ? score : best;
    }
    return best;
  }

  /** Whether the candidate has the same words as the field's name or one of its alternatives. */
  private static boolean sameWords(PayloadSchema.Field field, String candidateLeaf) {
    return FieldNames.sameWords(candidateLeaf, leaf(field.path()))
        || field.alternatives().stream()
            .anyMatch(alternative -> FieldNames.sameWords(candidateLeaf, leaf(alternative)));
  }

  private static void flatten(
      ObjectNode object, String prefix, FieldKeys names, Map<String, Observed> observed) {
    for (Map.Entry<String, JsonNode> property : object.properties()) {
      String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
      JsonNode value = property.getValue();
      observed.put(names.comparable(path), new Observed(path, PayloadSchema.Type.of(value)));
      if (value instanceof ObjectNode child && names.hasDeclaredChildren(path)) {
        flatten(child, path, names, observed);
      }
    }
  }

  /** Moves the value at {@code from} to {@code to}, both relative to the root; no-op if absent. */
  private static void move(ObjectNode root, String from, String to, PayloadSchema schema) {
    FieldKeys names = FieldKeys.of(schema);
    ObjectNode fromParent = navigate(root, parent(from), names);
    if (fromParent == null) {
      return;
    }
    String fromKey = names.keyIn(fromParent, leaf(from));
    if (fromKey == null) {
      return;
    }
    JsonNode value = fromParent.remove(fromKey);
    ObjectNode toParent = navigate(root, parent(to), names);
    if (toParent != null) {
      String existing = names.keyIn(toParent, leaf(to));
      toParent.set(existing != null ? existing : leaf(to), value);
    }
  }

  private static ObjectNode navigate(ObjectNode root, String path, FieldKeys names) {
    ObjectNode node = root;
    if (path.isEmpty()) {
      return node;
    }
    for (String segment : path.split("\\.")) {
      String key = names.keyIn(node, segment);
      if (key == null || !(node.get(key) instanceof ObjectNode child)) {
        return null;
      }
      node = child;
    }
    return node;
  }

  private static JsonNode root(JsonNode payload, PayloadSchema schema) {
    JsonNode node = payload;
    if (!schema.root().isEmpty()) {
      for (String segment : schema.root().split("\\.")) {
        node = node.path(segment);
      }
    }
    return node;
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** A field as found in a payload. */
  private record Observed(String path, PayloadSchema.Type type) {}
}
