/**
 * Bronze: every payload exactly as received, in {@code raw_records}. Appends with de- duplication
 * by payload hash (COPY for large batches), and the reads that replays page through.
 */
@ApplicationModule(displayName = "Bronze")
package io.kasparro.bronze;

import org.springframework.modulith.ApplicationModule;
