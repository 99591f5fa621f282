package io.deskbridge.core.engine;

/**
 * Test seam: called at the points where a process may die during processing, so that tests can stop the
 * engine exactly there (by throwing an {@link Error}) and check that a new engine on the same store
 * recovers without losing or repeating anything.
 */
@FunctionalInterface
interface CrashPoints {
  CrashPoints NONE = point -> {};

  /** Where the engine is. */
  enum Point {
    /** A worker claimed a conversation with received events and is about to process them. */
    CLAIMED,
    /** A decision and its vendor writes are committed; nothing has been sent yet. */
    COMMITTED,
    /** The vendor accepted a write; the store does not know yet. */
    SENT
  }

  void reached(Point point);
}
