package io.kasparro.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when no datasource is configured.
 *
 * @param dataDirectory where its data lives; it survives restarts
 * @param port TCP port on localhost; 0 picks a free one at each start
 * @param binariesDirectory where its binaries are unpacked and run from; kept writable by the
 *     service's user alone (mode 0700), and refused if another user owns it
 */
@ConfigurationProperties("kasparro.embedded-db")
public record EmbeddedDatabaseProperties(
    @DefaultValue("data/postgres") Path dataDirectory,
    @DefaultValue("0") int port,
    @DefaultValue("data/postgres-binaries") Path binariesDirectory) {}
