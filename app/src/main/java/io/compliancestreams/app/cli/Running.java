package io.compliancestreams.app.cli;

import java.util.List;

/** What a long-running command started, closed in reverse order of start (the broker last). */
final class Running {

  private Running() {}

  static void closeAll(List<AutoCloseable> running) {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        System.err.println("warning: closing " + running.get(i).getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }
}
