package io.compliancestreams.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops a long-running command on Ctrl-C or SIGTERM: runs its clean-up once, then ends the JVM with
 * 0 (3 when the clean-up failed). Without the explicit halt the JVM would exit with 128 + the
 * signal (143 for SIGTERM, 130 for Ctrl-C) whatever the command returns, and an orchestrator would
 * record a clean stop as a failure. Halting skips nothing of ours: the clean-up has run.
 */
final class UntilStopped {

  private final AtomicBoolean requested = new AtomicBoolean();
  private Thread hook;

  private UntilStopped() {}

  /** Blocks until Ctrl-C (or SIGTERM); the JVM ends from the shutdown hook after {@code cleanUp}. */
  static void await(Runnable cleanUp) throws InterruptedException {
    onStop(cleanUp);
    new CountDownLatch(1).await(); // released by the JVM's end
  }

  /** Registers {@code cleanUp} for Ctrl-C or SIGTERM without blocking. */
  static UntilStopped onStop(Runnable cleanUp) {
    UntilStopped stop = new UntilStopped();
    stop.hook = new Thread(() -> {
      stop.requested.set(true);
      int code = ExitCodes.OK;
      try {
        cleanUp.run();
      } catch (RuntimeException e) {
        System.err.println("error: stopping: " + e.getMessage());
        code = ExitCodes.RUNTIME_ERROR;
      }
      System.err.println("stopped");
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(code);
    }, "shutdown");
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /**
   * For a command that ends by itself with an error after {@link #onStop}: without the hook, the
   * JVM ends with the command's exit code instead of the hook's 0. Does nothing once stopping.
   */
  void cancel() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException stopping) {
      // Ctrl-C or SIGTERM came first: the hook is running and decides the exit code.
    }
  }

  /** True once Ctrl-C or SIGTERM asked the command to stop. */
  boolean requested() {
    return requested.get();
  }
}
