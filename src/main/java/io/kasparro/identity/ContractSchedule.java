package io.kasparro.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kasparro.source.ContractProperties;
import io.kasparro.system.StartupFailure;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task {@code asset-contracts}: {@link ContractReference#refresh()} every {@code
 * kasparro.contracts.interval} (a day by default), on one node of the cluster at a time, first at
 * start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "kasparro.contracts.enabled", matchIfMissing = true)
class ContractSchedule {

  static final String TASK_NAME = "asset-contracts";

  @Bean
  RecurringTask<Void> assetContractsTask(
      ContractReference reference, ContractProperties properties) {
    if (properties.interval().isNegative() || properties.interval().isZero()) {
      throw new StartupFailure(
          "kasparro.contracts.interval '"
              + properties.interval()
              + "' must be a positive duration");
    }
    return Tasks.recurring(TASK_NAME, FixedDelay.of(properties.interval()))
        .execute((instance, context) -> reference.refresh());
  }
}
