package io.ipkeeper.cli.client;

import static io.ipkeeper.cli.config.Settings.CLIENT_CA_FILE;
import static io.ipkeeper.cli.config.Settings.CLIENT_CREDENTIALS;
import static io.ipkeeper.cli.config.Settings.CLIENT_OUTPUT;
import static io.ipkeeper.cli.config.Settings.CLIENT_SERVER;
import static io.ipkeeper.cli.config.Settings.CLIENT_TOKEN;

import io.ipkeeper.agent.tls.ServerTrust;
import io.ipkeeper.agent.tls.ServerTrustException;
import io.ipkeeper.cli.ConfiguredCommand;
import io.ipkeeper.cli.config.Config;
import io.ipkeeper.cli.config.Setting;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A command that talks to the server. The server URL and token come from flag &gt; environment &gt; {@code --config}
 * file, and else from the credentials file that {@code ipkeeper login} wrote. Failures print one line on stderr and
 * return the documented {@link ExitCodes exit code}.
 */
public abstract class ClientCommand extends ConfiguredCommand {
    private Config config;
    private Output output;

    @Override
    protected List<Setting<?>> settings() {
        return List.of(CLIENT_SERVER, CLIENT_TOKEN, CLIENT_CREDENTIALS, CLIENT_CA_FILE, CLIENT_OUTPUT);
    }

    /** Runs the command with a resolved configuration; returns the exit code. */
    protected abstract int execute() throws Exception;

    @Override
    protected final int run(Config resolved) throws Exception {
        this.config = resolved;
        this.output = new Output(resolved.get(CLIENT_OUTPUT), spec.commandLine().getOut(), spec.commandLine().getErr());
        try {
            return execute();
        } catch (ClientException e) {
            spec.commandLine().getErr().println("ipkeeper " + commandName() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return e.exitCode();
        }
    }

    /** E.g. {@code ip allocate}, for messages. */
    protected final String commandName() {
        return spec.qualifiedName().replaceFirst("^ipkeeper ", "");
    }

    protected final Config config() {
        return config;
    }

    protected final Output output() {
        return output;
    }

    protected final Path credentialsFile() {
        return config.find(CLIENT_CREDENTIALS).orElseGet(() -> Credentials.defaultPath(environment()));
    }

    /** Trust for https: the {@code --ca-file} certificates, or null for the system trust store. */
    protected final SSLContext sslContext() {
        try {
            return config.find(CLIENT_CA_FILE).map(ServerTrust::fromCaFile).orElse(null);
        } catch (ServerTrustException e) {
            throw ClientException.invalid(e.getMessage() + " (--ca-file / IPKEEPER_CA_FILE)");
        }
    }

    /** A client for the configured server with the configured token. */
    protected final ApiClient api() {
        Optional<Credentials> stored = Credentials.read(credentialsFile());
        URI server = config.find(CLIENT_SERVER).or(() -> stored.map(Credentials::server)).orElseThrow(() ->
                ClientException.invalid("no server given; run 'ipkeeper login --server URL', or set --server or"
                        + " IPKEEPER_SERVER"));
        // A stored token is sent only to the server it was stored for, never to another one named by --server.
        String token = config.find(CLIENT_TOKEN)
                .or(() -> stored.filter(c -> server.equals(c.server())).map(Credentials::token))
                .orElseThrow(() -> new ClientException(ExitCodes.NOT_AUTHORIZED, "no API token for " + server
                        + "; run 'ipkeeper login --server " + server + "', or set --token or IPKEEPER_TOKEN"));
        return new ApiClient(server, token, sslContext());
    }
}
