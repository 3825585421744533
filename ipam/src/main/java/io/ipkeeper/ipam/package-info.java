/**
 * IP address management core: address math, the domain model, storage and migrations (H2 and PostgreSQL),
 * and the race-free, idempotent allocation engine.
 */
package io.ipkeeper.ipam;
