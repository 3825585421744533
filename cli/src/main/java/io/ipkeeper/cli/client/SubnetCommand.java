package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;

/** {@code ipkeeper subnet …}. */
@Command(name = "subnet", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Subnets: list, create, show, update, delete. A subnet is named by its id or prefix (with --space when"
                + " the prefix exists in several spaces).",
        subcommands = {SubnetListCommand.class, SubnetCreateCommand.class, SubnetShowCommand.class,
                SubnetDeleteCommand.class, SubnetUpdateCommand.class})
public final class SubnetCommand extends GroupCommand {}
