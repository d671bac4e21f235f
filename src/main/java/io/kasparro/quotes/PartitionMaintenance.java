package io.kasparro.quotes;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What keeps {@code market_quotes} partitioned ahead of its data and within its retention: creates
 * the partitions of this month and the next two (moving any of their rows out of the default
 * partition), then applies {@code kasparro.retention.quotes} if it is set. Run every {@code
 * kasparro.retention.interval} by the scheduler ({@link MaintenanceSchedule}) and after each {@code
 * run-once}.
 */
@Component
public class PartitionMaintenance {

  static final int MONTHS_AHEAD = 2;

  private final QuotePartitions partitions;
  private final QuoteRetention retention;
  private final RetentionProperties properties;
  private final Clock clock;

  PartitionMaintenance(
      QuotePartitions partitions,
      QuoteRetention retention,
      RetentionProperties properties,
      Clock clock) {
    this.partitions = partitions;
    this.retention = retention;
    this.properties = properties;
    this.clock = clock;
  }

  /** Creates the partitions ahead and applies retention; returns what retention removed. */
  public List<RetentionDrop> run() {
    Instant now = clock.instant();
    YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
      partitions.create(month.plusMonths(ahead));
    }
    if (properties.quotes() == null) {
      return List.of();
    }
    Instant cutoff =
        ZonedDateTime.ofInstant(now, ZoneOffset.UTC).minus(properties.quotes()).toInstant();
    return retention.apply(cutoff, now);
  }
}
