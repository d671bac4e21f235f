package io.kasparro.source.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.kasparro.source.Batch;
import io.kasparro.source.BatchSink;
import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.RawRecord;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Market rows from CSV files. Files are streamed record by record; the checkpoint holds, per file,
 * the byte offset reached and a fingerprint of what was read, so an unchanged file is skipped, an
 * appended one is read from where it ended and a replaced one is read again. A last line without a
 * line break is loaded but stays after the offset, so it is read again, whole, on the next run.
 */
@Component
@ConditionalOnBooleanProperty(name = "kasparro.sources.csv.enabled", matchIfMissing = true)
public class CsvSource implements Source<CsvSource.Checkpoint> {

  /**
   * How far each file has been read.
   *
   * @param files by path
   */
  public record Checkpoint(Map<String, FileProgress> files) {
    public Checkpoint {
      files = Collections.unmodifiableMap(new TreeMap<>(files == null ? Map.of() : files));
    }
  }

  /**
   * One file's progress: the {@link FileFingerprint} of the bytes consumed, and the file's size
   * when last read (to tell, next time, whether it grew).
   *
   * @param offset bytes consumed
   * @param head fingerprint of the file's head
   * @param tail fingerprint of the bytes just before {@code offset}
   * @param size the file's size when read; null in checkpoints written before it was kept
   */
  public record FileProgress(long offset, String head, String tail, Long size) {

    FileFingerprint fingerprint() {
      return new FileFingerprint(offset, head, tail);
    }

    long sizeWhenRead() {
      return size == null ? offset : size;
    }
  }

  static final String NAME = "csv";
  private static final Logger log = LoggerFactory.getLogger(CsvSource.class);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private final CsvProperties properties;
  private final JsonMapper json;
  private final Clock clock;
  private final CsvReader.CsvReaderBuilder csv = CsvReader.builder().allowExtraFields(true);
  private final CsvRowMapper rowMapper = new CsvRowMapper();

  public CsvSource(CsvProperties properties, JsonMapper json, Clock clock) {
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Checkpoint firstCheckpoint() {
    return new Checkpoint(Map.of());
  }

  @Override
  public void extract(Checkpoint checkpoint, BatchSink<Checkpoint> sink) throws IOException {
    List<Path> files = CsvFiles.resolve(properties.path());
    if (files.isEmpty()) {
      throw new CsvFileProblems(
          List.of(
              "kasparro.sources.csv.path '"
                  + properties.path()
                  + "' matches no readable file ("
                  + CsvFiles.whyNothing(properties.path())
                  + ")"));
    }
    Map<String, FileProgress> progress = new TreeMap<>(checkpoint.files());
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      if (Files.isDirectory(file)) {
        problems.add(file.getFileName() + ": cannot be read: a directory, not a file");
        continue;
      }
      if (!Files.isRegularFile(file)) {
        problems.add(
            file.getFileName()
                + ": cannot be read: not a regular file (a FIFO, socket, device or broken link), not opened");
        continue;
      }
      try {
        readFile(file, progress, sink).ifPresent(problems::add);
      } catch (java.nio.file.AccessDeniedException e) {
        problems.add(file.getFileName() + ": cannot be read: permission denied");
      } catch (java.nio.file.NoSuchFileException e) {
        problems.add(file.getFileName() + ": disappeared before it could be read");
      } catch (IOException e) {
        problems.add(
            file.getFileName()
                + ": cannot be read: "
                + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new CsvFileProblems(problems);
    }
  }

  @Override
  public SilverRecord transform(JsonNode payload) {
    if (payload.has(TOO_LARGE)) {
      throw new InvalidRecordException(TOO_LARGE, payload.get(TOO_LARGE).asString());
    }
    return rowMapper.toQuote(payload.path("row"));
  }

  @Override
  public PayloadSchema expectedSchema() {
    return CsvRowMapper.SCHEMA;
  }

  /**
   * Reads one file from where its checkpoint left it.
   *
   * @return what was wrong with the file, if it yielded nothing it should have
   */
  private java.util.Optional<String> readFile(
      Path file, Map<String, FileProgress> progress, BatchSink<Checkpoint> sink)
      throws IOException {
    String key = file.toString();
    long size = Files.size(file);
    long start = resumeOffset(file, size, progress.get(key));
    if (start == size) {
      log.info("{} unchanged since the last run ({} bytes), skipping", file.getFileName(), size);
      return java.util.Optional.empty();
    }
    if (start > 0) {
      long previousSize = progress.get(key).sizeWhenRead();
      if (previousSize == size && !lineBreakAfter(file, start)) {
        log.info(
            "{} unchanged since the last run ({} bytes); reading its last line again, which has"
                + " no line break yet",
            file.getFileName(),
            size);
      } else if (previousSize == size) {
        log.info(
            "{}: resuming at byte {} of {} where the last run stopped",
            file.getFileName(),
            start,
            size);
      } else {
        log.info(
            "{} grew from {} to {} bytes; reading the new tail",
            file.getFileName(),
            previousSize,
            size);
      }
    }
    List<String> header = readHeader(file);
    if (header.isEmpty()) {
      log.warn("{} has no header line, skipping", file.getFileName());
      return java.util.Optional.of(file.getFileName() + ": empty, no header line");
    }
    if (header.stream().anyMatch(field -> field.indexOf('\0') >= 0)) {
      return java.util.Optional.of(
          file.getFileName()
              + ": NUL bytes in its header line; it looks UTF-16 (or binary): save it as UTF-8");
    }
    ProgressLog progressLog = new ProgressLog(file, size, start);
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(start);
      int maxRecordBytes =
          (int) Math.min(Integer.MAX_VALUE - 16, properties.maxRecordBytes().toBytes());
      long maxBatchBytes = 16L * maxRecordBytes;
      RecordSplitter splitter = new RecordSplitter(in, start, maxRecordBytes);
      if (start == 0) {
        splitter.next();
      }
      List<RawRecord> records = new ArrayList<>(Math.min(properties.batchSize(), 1024));
      long batchBytes = 0;
      long rows = 0;
      String line;
      while ((line = splitter.next()) != null) {
        RawRecord record =
            splitter.oversizedLength() >= 0
                ? oversized(file, splitter.recordEnd(), splitter.oversizedLength())
                : toRawRecord(file, header, line);
        records.add(record);
        batchBytes += record.payloadJson().length();
        rows++;
        if (records.size() == properties.batchSize() || batchBytes >= maxBatchBytes) {
          emit(sink, records, progress, file, splitter.resumeOffset(), size);
          records = new ArrayList<>(Math.min(properties.batchSize(), 1024));
          batchBytes = 0;
          progressLog.maybeLog(splitter.recordEnd(), rows);
        }
      }
      if (!records.isEmpty() || splitter.resumeOffset() > start) {
        emit(sink, records, progress, file, splitter.resumeOffset(), size);
      }
      progressLog.done(splitter.recordEnd(), rows);
      if (rows == 0 && start == 0) {
        return java.util.Optional.of(
            file.getFileName()
                + ": no rows after its header"
                + (crOnlyLineEnds(file)
                    ? " (its lines end in CR alone: save it with LF or CRLF line ends)"
                    : ""));
      }
      return java.util.Optional.empty();
    }
  }

  /** A record over the size limit, kept as a stub that fails its transform, saying why. */
  private RawRecord oversized(Path file, long endOffset, long length) {
    ObjectNode payload = json.createObjectNode();
    payload.put("file", file.getFileName().toString());
    payload.put("end_offset", endOffset);
    payload.put(
        TOO_LARGE,
        "a record of "
            + length
            + " bytes, over kasparro.sources.csv.max-record-bytes ("
            + properties.maxRecordBytes().toBytes()
            + ")");
    return new RawRecord(file.getFileName() + "@" + endOffset, json.writeValueAsString(payload));
  }

  static final String TOO_LARGE = "record_too_large";

  /**
   * Whether a line break follows {@code offset} (within a record's maximum length): if not, what is
   * left is the last line, still without one; if so, an earlier run stopped part way.
   */
  private boolean lineBreakAfter(Path file, long offset) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(offset);
      byte[] buffer = new byte[8192];
      long left = properties.maxRecordBytes().toBytes() + 1;
      int read;
      while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            return true;
          }
        }
        left -= read;
      }
      return false;
    }
  }

  /** Whether the start of the file has carriage returns but no line feed. */
  private static boolean crOnlyLineEnds(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] start = in.readNBytes(64 * 1024);
      boolean cr = false;
      for (byte b : start) {
        if (b == '\n') {
          return false;
        }
        cr |= b == '\r';
      }
      return cr;
    }
  }

  private long resumeOffset(Path file, long size, FileProgress saved) throws IOException {
    if (saved == null) {
      return 0;
    }
    FileFingerprint fingerprint = saved.fingerprint();
    if (fingerprint.matches(file, size)) {
      return fingerprint.offset();
    }
    log.info("{} was replaced since the last run; reading it again", file.getFileName());
    return 0;
  }

  private List<String> readHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        RecordSplitter splitter =
            new RecordSplitter(
                in,
                0,
                (int) Math.min(Integer.MAX_VALUE - 16, properties.maxRecordBytes().toBytes()))) {
      String line = splitter.next();
      if (line == null) {
        return List.of();
      }
      List<String> fields = new ArrayList<>(csv.ofSingleCsvRecord(line).getFields());
      fields.set(0, fields.get(0).replace("\uFEFF", ""));
      return fields;
    }
  }

  private RawRecord toRawRecord(Path file, List<String> header, String line) {
    CsvRecord record = csv.ofSingleCsvRecord(line);
    ObjectNode payload = json.createObjectNode();
    payload.put("file", file.getFileName().toString());
    ObjectNode row = payload.putObject("row");
    for (int i = 0; i < header.size(); i++) {
      row.put(header.get(i), i < record.getFieldCount() ? record.getField(i) : null);
    }
    return new RawRecord(CsvRowMapper.recordId(row), json.writeValueAsString(payload));
  }

  /**
   * Hands over a batch with the checkpoint that holds once it is committed: the file read up to
   * {@code offset}, and its {@code size} when read (to tell, next time, whether it grew).
   */
  private static void emit(
      BatchSink<Checkpoint> sink,
      List<RawRecord> records,
      Map<String, FileProgress> progress,
      Path file,
      long offset,
      long size)
      throws IOException {
    FileFingerprint fingerprint = FileFingerprint.of(file, offset);
    progress.put(
        file.toString(),
        new FileProgress(fingerprint.offset(), fingerprint.head(), fingerprint.tail(), size));
    sink.accept(new Batch<>(records, new Checkpoint(progress)));
  }

  /** Logs how far a long file has got, at most every few seconds. */
  private final class ProgressLog {
    private final Path file;
    private final long size;
    private final long startOffset;
    private final Instant startedAt;
    private Instant lastLogged;

    ProgressLog(Path file, long size, long startOffset) {
      this.file = file;
      this.size = size;
      this.startOffset = startOffset;
      this.startedAt = clock.instant();
      this.lastLogged = startedAt;
    }

    void maybeLog(long offset, long rows) {
      Instant now = clock.instant();
      if (Duration.between(lastLogged, now).compareTo(PROGRESS_EVERY) >= 0) {
        lastLogged = now;
        log.info(
            "{}: {}% read, {} rows committed ({} rows/s)",
            file.getFileName(), size == 0 ? 100 : offset * 100 / size, rows, perSecond(rows, now));
      }
    }

    void done(long offset, long rows) {
      Instant now = clock.instant();
      log.info(
          "{}: read {} rows ({} bytes) in {} ms ({} rows/s)",
          file.getFileName(),
          rows,
          offset - startOffset,
          Duration.between(startedAt, now).toMillis(),
          perSecond(rows, now));
    }

    private long perSecond(long rows, Instant now) {
      long millis = Math.max(1, Duration.between(startedAt, now).toMillis());
      return rows * 1000 / millis;
    }
  }
}
