/**
 * Schema drift: each batch compared with the fields and types its source expects; renames mapped
 * back when confident; {@code schema_drift} written and served at {@code /schema-drift}.
 */
@ApplicationModule(displayName = "Schema drift")
package io.kasparro.drift;

import org.springframework.modulith.ApplicationModule;
