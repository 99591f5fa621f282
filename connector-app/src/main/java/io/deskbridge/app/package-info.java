/** The runnable command line: serve, demo, bench, dead-letters, eval and datasets. */
package io.deskbridge.app;
