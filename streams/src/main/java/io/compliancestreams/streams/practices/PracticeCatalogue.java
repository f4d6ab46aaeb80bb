package io.compliancestreams.streams.practices;

import java.util.List;

/**
 * The explicit list of all practices, in the article's order. No classpath scanning: adding a
 * practice means adding it here, and the catalogue test checks the whole list.
 */
public final class PracticeCatalogue {

  private PracticeCatalogue() {}

  /** Every practice, ordered by number. */
  public static List<Practice> all() {
    return List.of(
        // CATALOGUE-ENTRIES (one line per practice, in number order)
        );
  }

  /** The practice with this number. */
  public static Practice byNumber(int number) {
    return all().stream()
        .filter(p -> p.number() == number)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no practice numbered " + number));
  }
}
