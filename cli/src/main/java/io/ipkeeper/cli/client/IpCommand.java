package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;

/** {@code ipkeeper ip …}: what engineers and scripts use day to day. */
@Command(name = "ip", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "IP addresses: allocate, release, show, list, update. An allocation is named by its id or"
                + " address (with --space when the address is live in several spaces).",
        subcommands = {IpAllocateCommand.class, IpReleaseCommand.class, IpShowCommand.class, IpListCommand.class,
                IpUpdateCommand.class})
public final class IpCommand extends GroupCommand {}
