/**
 * Assets and their identity across sources: resolution of each source's asset id to one canonical
 * asset (aliases, the curated list, names), the assets mentioned in news, {@code /assets} and the
 * consensus price.
 */
@ApplicationModule(displayName = "Assets")
package io.kasparro.identity;

import org.springframework.modulith.ApplicationModule;
