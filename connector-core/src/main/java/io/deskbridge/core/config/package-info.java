/**
 * Configuration values that any module may use: settings read from YAML ({@link io.deskbridge.core.config.Settings}),
 * secrets that never print, environment overrides, schema checks and "did you mean" hints. It imports nothing of
 * core but {@code error}; the loader that builds the runtime from them is {@code io.deskbridge.core.ConfigLoader}.
 */
package io.deskbridge.core.config;
