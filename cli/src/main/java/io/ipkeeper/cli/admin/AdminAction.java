package io.ipkeeper.cli.admin;

import static io.ipkeeper.cli.config.Settings.DATABASE_PASSWORD;
import static io.ipkeeper.cli.config.Settings.DATABASE_URL;
import static io.ipkeeper.cli.config.Settings.DATABASE_USER;
import static io.ipkeeper.cli.config.Settings.SERVER_DATA_DIR;

import io.ipkeeper.cli.ConfiguredCommand;
import io.ipkeeper.cli.client.ExitCodes;
import io.ipkeeper.cli.config.Config;
import io.ipkeeper.cli.config.Setting;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.db.DatabaseException;
import io.ipkeeper.ipam.error.IpamException;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.server.auth.GrantStore;
import io.ipkeeper.server.auth.TokenStore;
import io.ipkeeper.server.auth.UserStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * One {@code ipkeeper admin …} action: opens the database the server uses (same settings: {@code --database-url}
 * or the H2 file in {@code --data-dir}), runs, closes. Works with the server stopped or running (PostgreSQL; an H2
 * file is locked by a running server).
 */
abstract class AdminAction extends ConfiguredCommand {

    @Override
    protected List<Setting<?>> settings() {
        return List.of(SERVER_DATA_DIR, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD);
    }

    /** Runs against the stores; returns the exit code. Messages go to {@code out}. */
    protected abstract int execute(AdminStores stores, PrintWriter out) throws Exception;

    @Override
    protected final int run(Config config) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String url;
        if (config.find(DATABASE_URL).isPresent()) {
            url = config.get(DATABASE_URL);
        } else {
            Path dataDir = config.get(SERVER_DATA_DIR).toAbsolutePath().normalize();
            if (!Files.isDirectory(dataDir)) {
                err.println(prefix() + "no data directory " + dataDir + "; give the server's --data-dir or"
                        + " --database-url");
                return ExitCodes.INVALID;
            }
            url = Database.h2FileUrl(dataDir);
        }
        Database db;
        try {
            db = Database.open(url, config.get(DATABASE_USER), config.get(DATABASE_PASSWORD), 2);
        } catch (DatabaseException e) {
            err.println(prefix() + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        try {
            Clock clock = Clock.systemUTC();
            AdminStores stores = new AdminStores(new UserStore(db.jdbi(), clock), new TokenStore(db.jdbi(), clock),
                    new GrantStore(db.jdbi(), clock), "cli:" + System.getProperty("user.name", "admin"));
            int code = execute(stores, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return code;
        } catch (NotFound e) {
            err.println(prefix() + e.getMessage());
            return ExitCodes.NOT_FOUND;
        } catch (IpamException | AdminInputException e) {
            err.println(prefix() + e.getMessage());
            return ExitCodes.INVALID;
        } finally {
            db.close();
        }
    }

    private String prefix() {
        return "ipkeeper admin " + spec.parent().name() + " " + spec.name() + ": ";
    }
}
