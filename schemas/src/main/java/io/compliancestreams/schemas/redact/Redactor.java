package io.compliancestreams.schemas.redact;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The process-wide set of secrets, and the one place text is scrubbed of them. The application
 * registers every secret of its configuration once, when it loads it; error paths (sink and
 * registry exceptions, dead-letter headers, the CLI's error line) and the Logback layout of every
 * log line then call {@link #redact(String)}, so a remote server that echoes our request back
 * cannot make us print what we sent it.
 *
 * <p>Each secret is registered with the forms it travels in (see {@link SecretForms}): as is,
 * URL-encoded, Base64 (standard and URL-safe), and for a URL its path and last path segment.
 * Credentials sent as {@code user:secret} (HTTP Basic) are registered as that pair too, since the
 * Base64 of a pair does not contain the Base64 of its parts.
 *
 * <p>Values shorter than {@value #MIN_LENGTH} characters are not registered: no real token is that
 * short, and masking a two-letter password everywhere would garble every line (their Basic-auth
 * pair, which is longer, is still registered).
 *
 * <p>Static on purpose: Logback instantiates the layout that redacts log lines, so there is no
 * constructor to inject a set through. The set only grows; registering is idempotent.
 */
public final class Redactor {

  /** What a secret is replaced with. */
  public static final String MASK = "****";
  /** Shorter values are not registered. */
  public static final int MIN_LENGTH = 6;

  private static final Object LOCK = new Object();
  /** Every registered form, longest first, so a URL is masked whole before its path is. */
  private static volatile List<String> forms = List.of();

  private Redactor() {}

  /** Registers a secret and its derived forms; null, blank and short values are ignored. */
  public static void register(String secret) {
    if (secret == null || secret.strip().length() < MIN_LENGTH) {
      return;
    }
    add(SecretForms.of(secret.strip()));
  }

  /**
   * Registers HTTP Basic credentials: {@code user:secret} with its forms (its Base64 is what the
   * Authorization header carries), and the secret alone.
   */
  public static void registerCredentials(String user, String secret) {
    if (secret == null || secret.isEmpty()) {
      return;
    }
    register(secret);
    register((user == null ? "" : user) + ":" + secret);
  }

  /** The text with every registered form replaced by {@link #MASK}; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String form : forms) {
      if (out.contains(form)) {
        out = out.replace(form, MASK);
      }
    }
    return out;
  }

  private static void add(Set<String> more) {
    synchronized (LOCK) {
      Set<String> all = new LinkedHashSet<>(forms);
      if (!all.addAll(more)) {
        return;
      }
      forms = all.stream()
          .filter(f -> f.length() >= MIN_LENGTH)
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();
    }
  }
}
