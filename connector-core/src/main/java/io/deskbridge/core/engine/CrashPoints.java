package io.deskbridge.core.engine;

/**
 * Test seam: called at the points where a process may die during processing, so that tests can stop the engine
 * exactly there (by throwing an {@link Error}) and check that a new engine on the same store recovers without
 * losing or repeating anything, or run code there (an agent writing between the decision's commit and its write).
 * Production code passes {@link #NONE}. Called on a worker thread with a conversation's lease held (or, at
 * {@link Point#POLLED}, on a poller thread with its poll lease held); must not block for long.
 */
@FunctionalInterface
public interface CrashPoints {
  /** Does nothing: the engine outside tests. */
  CrashPoints NONE = point -> {};

  /** Where the engine is. */
  enum Point {
    /** A worker claimed a conversation with received events and is about to process them. */
    CLAIMED,
    /** A decision and its vendor writes are committed; nothing has been sent yet. */
    COMMITTED,
    /** The vendor accepted a write; the store does not know yet. */
    SENT,
    /**
     * A poll's events are in the inbox; its cursor is not saved yet. Called on the installation's poller thread
     * with its poll lease held; an {@link Error} thrown here stops that poller as if the process died.
     */
    POLLED
  }

  /** Called when the engine reaches {@code point}. */
  void reached(Point point);
}
