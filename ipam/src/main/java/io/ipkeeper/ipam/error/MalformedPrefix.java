package io.ipkeeper.ipam.error;

import java.util.Optional;

/**
 * A CIDR prefix that cannot be parsed or is not canonical. When the only problem is host bits set, {@link #suggestion()}
 * holds the canonical prefix the caller probably meant.
 */
public final class MalformedPrefix extends IpamException {
    private final String suggestion;

    public MalformedPrefix(String message) {
        this(message, null);
    }

    public MalformedPrefix(String message, String suggestion) {
        super(message);
        this.suggestion = suggestion;
    }

    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }

    @Override
    public String code() {
        return "malformed_prefix";
    }
}
