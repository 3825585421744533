package io.ipkeeper.cli.admin;

import io.ipkeeper.server.auth.GrantStore;
import io.ipkeeper.server.auth.TokenStore;
import io.ipkeeper.server.auth.UserStore;

/**
 * The server's own stores, opened directly on the database, so offline changes validate and audit exactly like the
 * API's. {@code actor} is what the audit log records, e.g. {@code cli:root}.
 */
record AdminStores(UserStore users, TokenStore tokens, GrantStore grants, String actor) {}
