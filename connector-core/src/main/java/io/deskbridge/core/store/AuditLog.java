package io.deskbridge.core.store;

import java.util.List;

/** An append-only record of decisions. Thread-safe. */
public interface AuditLog {

  void append(AuditRecord record);

  /** All records, oldest first. */
  List<AuditRecord> all();
}
