package io.deskbridge.core.spi;

import java.util.Objects;

/**
 * One thing wrong with an installation's registration at its helpdesk, found by {@link Installer#check}.
 *
 * @param item    what it is about, e.g. {@code webhook 'Deskbridge acme'} or {@code test delivery}
 * @param problem one line: what is wrong and the fix, e.g. {@code points at https://old.example/webhooks/acme, not
 *                https://deskbridge.acme.com/webhooks/acme: run install --installation acme}; never a secret
 */
public record InstallProblem(String item, String problem) {
  public InstallProblem {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return item + ": " + problem;
  }
}
