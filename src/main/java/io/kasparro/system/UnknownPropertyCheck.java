package io.kasparro.system;

import java.util.Comparator;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Stops start-up on a {@code kasparro.*} property the service does not read (a misspelling would
 * otherwise be ignored in silence), naming it and the nearest valid name. It runs once the
 * configuration is assembled and logging set up, before any bean (the database included) is
 * created. {@code KASPARRO_TEST_*} variables belong to the test suite and are left alone.
 */
public class UnknownPropertyCheck implements ApplicationListener<ApplicationPreparedEvent> {

  private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("kasparro");

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    check(
        event.getApplicationContext().getEnvironment(),
        event.getSpringApplication().getClassLoader());
  }

  /**
   * @throws StartupFailure naming the first unknown {@code kasparro.*} property
   */
  static void check(ConfigurableEnvironment environment, ClassLoader classLoader) {
    KnownProperties known = null;
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (!(source instanceof IterableConfigurationPropertySource iterable)) {
        continue;
      }
      for (ConfigurationPropertyName name : (Iterable<ConfigurationPropertyName>) iterable) {
        if (!ROOT.isAncestorOf(name) || isTestSuiteVariable(name)) {
          continue;
        }
        if (known == null) {
          known = KnownProperties.scan(classLoader);
        }
        if (!known.contains(KnownProperties.uniform(name.toString()))) {
          throw new StartupFailure(
              "unknown property "
                  + name
                  + " (from "
                  + (source.getUnderlyingSource() instanceof PropertySource<?> underlying
                      ? underlying.getName()
                      : source.getUnderlyingSource())
                  + "); did you mean "
                  + nearest(known, name.toString())
                  + "?");
        }
      }
    }
  }

  private static boolean isTestSuiteVariable(ConfigurationPropertyName name) {
    return name.getNumberOfElements() > 1
        && "test".equals(name.getElement(1, ConfigurationPropertyName.Form.UNIFORM));
  }

  private static String nearest(KnownProperties known, String name) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    return known.all().stream()
        .min(Comparator.comparingInt(candidate -> distance.apply(candidate, name)))
        .orElse("kasparro.sources.csv.path");
  }
}
