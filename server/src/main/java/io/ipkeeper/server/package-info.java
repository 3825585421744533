/**
 * The ipkeeper server: REST API, authentication, audit, webhooks, metrics, web UI assets and the conflict engine,
 * on Javalin over the ipam core; stateless apart from its database.
 */
package io.ipkeeper.server;
