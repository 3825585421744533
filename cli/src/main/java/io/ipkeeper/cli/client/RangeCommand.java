package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;

/** {@code ipkeeper range …}: blocks of a subnet, e.g. delegated to a BOSH director ({@code --owner}). */
@Command(name = "range", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Address ranges of a subnet: list, create, show, update, delete.",
        subcommands = {RangeListCommand.class, RangeCreateCommand.class, RangeShowCommand.class,
                RangeDeleteCommand.class, RangeUpdateCommand.class})
public final class RangeCommand extends GroupCommand {}
