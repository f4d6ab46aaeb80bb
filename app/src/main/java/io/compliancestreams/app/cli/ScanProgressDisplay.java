package io.compliancestreams.app.cli;

import io.compliancestreams.ingest.scan.Scope;
import io.compliancestreams.ingest.scan.ScanProgress;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows scan progress on stderr: a redrawn bar on a terminal, plain lines (every 10% and for each
 * failed scope) otherwise, so logs and CI output stay readable.
 */
final class ScanProgressDisplay implements ScanProgress {

  private final PrintStream err;
  private final boolean terminal;
  private final AtomicInteger planned = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile int lastDecile = -1;

  ScanProgressDisplay(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void scopesPlanned(int count) {
    planned.addAndGet(count);
  }

  @Override
  public synchronized void scopeFinished(Scope scope, Outcome outcome) {
    int finished = done.incrementAndGet();
    int total = Math.max(planned.get(), finished);
    if (outcome == Outcome.FAILED) {
      failed.incrementAndGet();
      if (!terminal) {
        err.println("scan: scope failed: " + scope);
      }
    }
    if (terminal) {
      int width = 30;
      int filled = width * finished / total;
      err.printf("\r[%s%s] %d/%d scopes%s", "#".repeat(filled), " ".repeat(width - filled), finished, total,
          failed.get() > 0 ? ", " + failed.get() + " failed" : "");
      if (finished == total) {
        err.println();
      }
    } else {
      int decile = 10 * finished / total;
      if (decile != lastDecile) {
        lastDecile = decile;
        err.printf("scan: %d/%d scopes%n", finished, total);
      }
    }
  }
}
