/**
 * Test support shared by every module: database fixtures (a fresh H2 and PostgreSQL database per test class)
 * and the one skip policy for prerequisites such as PostgreSQL, Go, Serf, Chromium and root for network namespaces.
 */
package io.ipkeeper.testkit;
