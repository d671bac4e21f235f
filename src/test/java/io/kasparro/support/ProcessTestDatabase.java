package io.kasparro.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Direct access to a test database for tests that run the service as separate processes: the schema
 * is migrated up front and every table emptied.
 */
public final class ProcessTestDatabase {

  private final String jdbcUrl;
  private final JdbcTemplate jdbc;

  public ProcessTestDatabase(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl);
    this.jdbc = new JdbcTemplate(dataSource);
    migrateAndEmpty(dataSource);
  }

  private void migrateAndEmpty(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).load().migrate();
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

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  /** The datasource option for a service process. */
  public String datasourceArgument() {
    return "--spring.datasource.url=" + jdbcUrl;
  }

  public long count(String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }
}
