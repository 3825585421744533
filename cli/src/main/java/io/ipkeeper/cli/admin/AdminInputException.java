package io.ipkeeper.cli.admin;

/** Bad input to an admin command (exit 2), e.g. an unreadable password file. */
final class AdminInputException extends RuntimeException {
    AdminInputException(String message) {
        super(message);
    }
}
