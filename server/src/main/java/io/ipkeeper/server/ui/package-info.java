/** The web UI: static HTML, CSS and ES modules from the jar, with strict security headers (docs/ui.md). */
package io.ipkeeper.server.ui;
