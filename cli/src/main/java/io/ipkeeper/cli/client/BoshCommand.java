package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;

/** {@code ipkeeper bosh …}: what a BOSH operator runs for each director. */
@Command(name = "bosh", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "BOSH directors: render a director's cloud-config subnet entry, import what it already uses.",
        subcommands = {BoshCloudConfigCommand.class, BoshImportCommand.class})
public final class BoshCommand extends GroupCommand {}
