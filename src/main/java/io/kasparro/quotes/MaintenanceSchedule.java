package io.kasparro.quotes;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kasparro.system.StartupFailure;
import java.time.Period;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task {@code quote-partitions}: {@link PartitionMaintenance} every {@code
 * kasparro.retention.interval}, on one node at a time, first at start-up.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceSchedule {

  static final String TASK_NAME = "quote-partitions";

  @Bean
  RecurringTask<Void> partitionMaintenanceTask(
      PartitionMaintenance maintenance, RetentionProperties properties) {
    Period keep = properties.quotes();
    if (keep != null && (keep.isNegative() || keep.isZero())) {
      throw new StartupFailure(
          "kasparro.retention.quotes '" + keep + "' must be a positive period (90d, 3m, 1y)");
    }
    if (properties.interval().isNegative() || properties.interval().isZero()) {
      throw new StartupFailure(
          "kasparro.retention.interval '"
              + properties.interval()
              + "' must be a positive duration");
    }
    return Tasks.recurring(TASK_NAME, FixedDelay.of(properties.interval()))
        .execute((instance, context) -> maintenance.run());
  }
}
