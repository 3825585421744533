/**
 * The {@code ipkeeper} command line (picocli): every subcommand, the shared configuration (file, environment, flags)
 * and logging setup; this module builds the one runnable jar.
 */
package io.ipkeeper.cli;
