package io.compliancestreams.app.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks a long-running command until Ctrl-C (or SIGTERM), then runs its clean-up once. */
final class UntilStopped {

  private UntilStopped() {}

  static void await(Runnable cleanUp) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cleanUp.run();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
  }
}
