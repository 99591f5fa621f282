/** The runnable command line: serve, demo and bench. */
package io.deskbridge.app;
