package io.deskbridge.core.store;

import java.util.List;

/** An append-only record of decisions. Thread-safe. */
public interface AuditLog {

  /** Adds a record; never throws for a valid record. */
  void append(AuditRecord record);

  /** All records kept, oldest first. */
  List<AuditRecord> all();
}
