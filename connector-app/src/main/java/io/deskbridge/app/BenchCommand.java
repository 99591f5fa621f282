package io.deskbridge.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "bench", description = "Benchmark webhook-to-reply latency against the Zendesk fake.")
final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 2;
  }
}
