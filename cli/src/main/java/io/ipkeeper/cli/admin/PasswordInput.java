package io.ipkeeper.cli.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A password from {@code --password-file} (its first line) or standard input (first line; {@code echo} or a pipe
 * from a secret store). Never from a flag: flags show in {@code ps} and shell history.
 */
final class PasswordInput {
    private PasswordInput() {}

    static String read(Path file) {
        String line;
        try {
            if (file != null) {
                line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                line = in.readLine();
            }
        } catch (IOException e) {
            throw new AdminInputException("cannot read the password" + (file == null ? " from standard input" : " from "
                    + file) + ": " + e.getMessage());
        }
        if (line == null || line.isEmpty()) {
            throw new AdminInputException("no password given: put it on the first line of --password-file or of"
                    + " standard input");
        }
        return line;
    }
}
