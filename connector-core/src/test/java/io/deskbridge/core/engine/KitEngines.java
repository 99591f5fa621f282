package io.deskbridge.core.engine;

import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.ProcessingStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lets the contract kit (another package) start an engine that calls back at its crash points, which are
 * package-private. The callback gets the point's name ({@code CLAIMED}, {@code COMMITTED}, {@code SENT}) on
 * the worker thread; throwing an {@link Error} there stops the engine as if the process died.
 */
public final class KitEngines {
  private KitEngines() {}

  /** {@link Engine#start} with {@code atPoint} called at every crash point. */
  public static Engine start(List<Installation> installations, Decider bot, ProcessingStore store, AuditLog audit,
      Clock clock, EngineSettings settings, Consumer<String> atPoint) {
    return Engine.start(installations, bot, store, audit, clock, settings, point -> atPoint.accept(point.name()));
  }
}
