package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.practices.Practice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;

/**
 * The fingerprint of a practice catalogue: each practice's number, metadata and class, and the
 * bytecode of that class, so a deployment that adds, removes, re-parameterises or rewrites a
 * practice changes it. (A change confined to a helper class a practice calls does not; such a
 * change re-evaluates a resource at its next changed snapshot or recheck.)
 */
final class CatalogueHash {

  private CatalogueHash() {}

  static long of(List<Practice> practices) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    for (Practice p : practices.stream().sorted(Comparator.comparingInt(Practice::number)).toList()) {
      String name = p.getClass().isHidden() ? "lambda" : p.getClass().getName();
      digest.update((p.number() + "|" + name + "|" + p.metadata() + "\n")
          .getBytes(StandardCharsets.UTF_8));
      digest.update(bytecode(p.getClass()));
    }
    long hash = ByteBuffer.wrap(digest.digest()).getLong();
    return hash == 0 ? 1 : hash;
  }

  private static byte[] bytecode(Class<?> type) {
    if (type.isHidden()) {
      return new byte[0]; // a lambda: no class file, and a name that changes from run to run
    }
    String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class of practice " + type.getName(), e);
    }
  }
}
