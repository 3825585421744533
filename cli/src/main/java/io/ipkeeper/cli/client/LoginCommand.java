package io.ipkeeper.cli.client;

import static io.ipkeeper.cli.config.Settings.CLIENT_SERVER;
import static io.ipkeeper.cli.config.Settings.CLIENT_TOKEN;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code ipkeeper login --server URL [--token T]}: checks the token against the server, then stores both in the
 * credentials file (mode 0600) for later commands. Without {@code --token} (or {@code IPKEEPER_TOKEN}) the token is
 * read from the terminal without echo, or from the first line of standard input, so it need not appear in {@code ps}.
 */
@Command(name = "login", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Check an API token against a server and store both for later commands.",
                "Without --token the token is read from the terminal (not echoed) or from standard input."})
public final class LoginCommand extends ClientCommand {

    @Override
    protected int execute() throws IOException {
        URI server = config().find(CLIENT_SERVER).orElseThrow(() ->
                ClientException.invalid("--server URL is required, e.g. --server http://127.0.0.1:8080"));
        String token = config().find(CLIENT_TOKEN).orElseGet(this::readToken);
        if (token.isBlank()) {
            throw ClientException.invalid("no token given; pass --token, set IPKEEPER_TOKEN or type it when asked");
        }
        // Any read route proves the token: it answers 401 for an unknown, revoked or expired token.
        new ApiClient(server, token, sslContext()).get("/api/v1/spaces?limit=1");
        Path file = credentialsFile();
        try {
            new Credentials(server, token).write(file);
        } catch (IOException e) {
            throw new ClientException(ExitCodes.UNEXPECTED, "cannot write credentials file " + file + ": " + e.getMessage());
        }
        output().message("Logged in to " + server + "; credentials stored in " + file + " (mode 0600)");
        return ExitCodes.OK;
    }

    private String readToken() {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] typed = console.readPassword("API token: ");
            return typed == null ? "" : new String(typed).strip();
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line.strip();
        } catch (IOException e) {
            throw ClientException.invalid("cannot read the token from standard input: " + e.getMessage());
        }
    }
}
