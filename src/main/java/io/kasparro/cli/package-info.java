/**
 * The command line: {@code run-once}, {@code replay} and {@code replay-failures}, with their exit
 * codes. {@code serve} is the default and needs nothing here.
 */
@ApplicationModule(displayName = "Command line")
package io.kasparro.cli;

import org.springframework.modulith.ApplicationModule;
