package io.kasparro.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Empties every table the service writes, before each test. */
public class CleanDatabaseExtension implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    emptyAllTables(SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class));
  }

  /** Empties every table and restarts its ids, as before a test. */
  public static void emptyAllTables(JdbcTemplate jdbc) {
    jdbc.execute(
        """
        DO $$
        DECLARE tables text;
        BEGIN
          SELECT string_agg(format('%I', tablename), ', ') INTO tables
            FROM pg_tables
           WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history';
          EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
        END $$
        """);
  }
}
