/** Throw-away TLS material for tests: a private CA and server certificates made with the JDK's keytool. */
package io.ipkeeper.testkit.tls;
