/**
 * The command line: {@code run-once}, {@code replay}, {@code replay-failures} and {@code
 * correct-identity}, with their exit codes. {@code serve} is the default and needs nothing here.
 */
@ApplicationModule(displayName = "Command line")
package io.kasparro.cli;

import org.springframework.modulith.ApplicationModule;
