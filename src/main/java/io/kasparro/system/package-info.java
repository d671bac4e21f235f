/**
 * What every feature shares and none owns: the clock, start-up and its one-line failures, the
 * command on the command line, the embedded PostgreSQL, {@code DATABASE_URL}; with {@code
 * system.http} (the upstream HTTP client) and {@code system.jdbc} (JDBC and COPY helpers).
 */
@ApplicationModule(displayName = "System")
package io.kasparro.system;

import org.springframework.modulith.ApplicationModule;
