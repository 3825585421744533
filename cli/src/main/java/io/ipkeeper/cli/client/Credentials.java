package io.ipkeeper.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-user credentials file that {@code ipkeeper login} writes: TOML with the same top-level keys as the config
 * file ({@code server}, {@code token}). It holds a secret, so it is created with mode 0600 (owner read/write only) in a
 * directory with mode 0700, and replaced atomically so a reader never sees half a file.
 */
public record Credentials(URI server, String token) {
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    /** Where the file is when {@code --credentials} is unset: the XDG config directory, like most CLIs. */
    public static Path defaultPath(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return base.resolve("ipkeeper").resolve("credentials.toml");
    }

    /** The stored credentials, or empty when there is no file. */
    public static Optional<Credentials> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ClientException.invalid("cannot read credentials file " + file + ": " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw ClientException.invalid("credentials file " + file + " is not valid TOML (" + e.getOriginalMessage()
                    + "); run 'ipkeeper login' again");
        }
        String server = tree.path("server").asText("");
        String token = tree.path("token").asText("");
        try {
            return Optional.of(new Credentials(server.isEmpty() ? null : URI.create(server), token.isEmpty() ? null : token));
        } catch (IllegalArgumentException e) {
            throw ClientException.invalid("credentials file " + file + " has a bad server URL; run 'ipkeeper login' again");
        }
    }

    /** Writes the file with mode 0600, creating its directory (mode 0700) if needed. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            } else {
                Files.createDirectories(dir);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("server", server.toString());
        values.put("token", token);
        String text = "# written by 'ipkeeper login'; holds a secret, keep it mode 0600\n"
                + new TomlMapper().writeValueAsString(values);
        // The secret is never in a file others can read, not even briefly: the temp file is created with mode 0600.
        Path tmp = posix ? Files.createTempFile(dir, ".credentials", ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
                : Files.createTempFile(dir, ".credentials", ".tmp");
        try {
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "Credentials[server=" + server + ", token=" + (token == null ? "unset" : "set") + "]";
    }
}
