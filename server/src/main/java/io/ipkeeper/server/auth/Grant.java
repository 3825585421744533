package io.ipkeeper.server.auth;

/**
 * A scope an engineer or service principal may act in: a space, a range or an owner name (see {@link GrantStore}).
 *
 * @param scope {@link #SPACE}, {@link #RANGE} or {@link #OWNER}
 * @param value the space id, range id or owner name
 */
public record Grant(String scope, String value) {
    public static final String SPACE = "space";
    public static final String RANGE = "range";
    public static final String OWNER = "owner";
}
