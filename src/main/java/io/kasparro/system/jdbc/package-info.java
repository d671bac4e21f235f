/** JDBC helpers: array parameters, binary COPY and staging tables, exact reads of jsonb columns. */
@NamedInterface("jdbc")
package io.kasparro.system.jdbc;

import org.springframework.modulith.NamedInterface;
