/**
 * CSV files: headers matched by meaning, values in many spellings, files streamed and checkpointed
 * by offset and fingerprint.
 */
package io.kasparro.source.csv;
