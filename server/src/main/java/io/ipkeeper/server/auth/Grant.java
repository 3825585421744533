package io.ipkeeper.server.auth;

/**
 * A scope an engineer or service principal may act in: a space, a range or an owner name. Carried by
 * {@link Principal} already so authenticators can fill it; enforced from the next increment (grants API).
 *
 * @param scope {@code space}, {@code range} or {@code owner}
 * @param value the space id, range id or owner name
 */
public record Grant(String scope, String value) {}
