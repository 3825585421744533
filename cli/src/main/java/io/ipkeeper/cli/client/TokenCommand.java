package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;

/** {@code ipkeeper token …} (admin): API tokens for people and machines. */
@Command(name = "token", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "API tokens (admin): list, create, revoke.",
        subcommands = {TokenListCommand.class, TokenCreateCommand.class, TokenRevokeCommand.class})
public final class TokenCommand extends GroupCommand {}
