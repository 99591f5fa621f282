/** Configuration values: settings read from YAML, and secrets that never print. */
package io.deskbridge.core.config;
