/**
 * Transform failures: records that reached bronze but failed validation, listed at {@code
 * /transform-failures}, and their replay ({@code replay-failures}, {@code POST /transform-
 * failures/replay}). They are written by the silver load in {@code pipeline}.
 */
@ApplicationModule(displayName = "Transform failures")
package io.kasparro.failures;

import org.springframework.modulith.ApplicationModule;
