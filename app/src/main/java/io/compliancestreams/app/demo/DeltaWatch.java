package io.compliancestreams.app.demo;

import io.compliancestreams.app.http.DeltaFeed.FeedItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the delta feed has delivered so far, for the demo to pace itself: wait until the feed is
 * quiet, or until a delta the script expects has arrived.
 */
final class DeltaWatch {

  private final List<FeedItem> seen = new ArrayList<>();
  private long lastNanos = System.nanoTime();

  synchronized void accept(FeedItem item) {
    seen.add(item);
    lastNanos = System.nanoTime();
    notifyAll();
  }

  synchronized int count() {
    return seen.size();
  }

  synchronized List<FeedItem> seen() {
    return List.copyOf(seen);
  }

  /**
   * Waits until at least one delta came and none for {@code quiet}, or {@code cap} passed.
   *
   * @return whether the feed went quiet (false: the cap was reached)
   */
  synchronized boolean awaitQuiet(Duration quiet, Duration cap) throws InterruptedException {
    long deadline = System.nanoTime() + cap.toNanos();
    while (true) {
      long now = System.nanoTime();
      long quietUntil = lastNanos + quiet.toNanos();
      if (!seen.isEmpty() && now >= quietUntil) {
        return true;
      }
      if (now >= deadline) {
        return false;
      }
      long waitNanos = Math.min(deadline - now, seen.isEmpty() ? 100_000_000L : quietUntil - now);
      wait(Math.max(1, waitNanos / 1_000_000));
    }
  }

  /** The first delta after {@code after} (an index into what was seen) that matches. */
  synchronized Optional<FeedItem> awaitDelta(int after, Predicate<FeedItem> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = after;
    while (true) {
      for (; checked < seen.size(); checked++) {
        if (wanted.test(seen.get(checked))) {
          return Optional.of(seen.get(checked));
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
