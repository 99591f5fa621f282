/** The engine: per-conversation ordered processing, ownership, decisions to actions, audit. */
package io.deskbridge.core.engine;
