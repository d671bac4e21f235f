package io.kasparro.source.csv;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The CSV market-data source.
 *
 * @param enabled whether the source runs at all
 * @param path a file, or a glob such as {@code /data/in/*.csv}, relative to the working directory
 * @param batchSize rows committed per transaction, together with the checkpoint; 20,000 measured
 *     fastest for large files (BENCHMARKS.md), and a batch of that size takes a few MB of heap
 * @param maxRecordBytes a record (line) longer than this fails as {@code record_too_large} without
 *     being held in memory; a batch is also cut once it holds 16 times this many bytes
 */
@Validated
@ConfigurationProperties("kasparro.sources.csv")
public record CsvProperties(
    @DefaultValue("true") boolean enabled,
    @NotBlank @DefaultValue("sample-data/*.csv") String path,
    @Min(1) @Max(100_000) @DefaultValue("20000") int batchSize,
    @DefaultValue("1MB") DataSize maxRecordBytes) {

  @ConstructorBinding
  public CsvProperties {}

  public CsvProperties(boolean enabled, String path, int batchSize) {
    this(enabled, path, batchSize, DataSize.ofMegabytes(1));
  }
}
