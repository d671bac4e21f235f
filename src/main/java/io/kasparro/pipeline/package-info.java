/**
 * The silver load of one batch: map drifted fields, transform and validate, resolve assets, write
 * quotes, news and failures. Runs inside the caller's transaction; used by the run loop and by both
 * replays.
 */
@ApplicationModule(displayName = "Silver pipeline")
package io.kasparro.pipeline;

import org.springframework.modulith.ApplicationModule;
