package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;

/** {@code ipkeeper space …}: address spaces (VRFs); created by admins. */
@Command(name = "space", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Address spaces: list, create, show.",
        subcommands = {SpaceListCommand.class, SpaceCreateCommand.class, SpaceShowCommand.class})
public final class SpaceCommand extends GroupCommand {}
