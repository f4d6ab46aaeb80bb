package io.compliancestreams.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local-folder variant of the audit trail keeps the S3 key layout and lists like S3. */
class LocalFolderStoreTest {

  @TempDir Path root;

  @Test
  void shouldWriteObjectsUnderTheirKeysAndListThemByPrefix() throws Exception {
    LocalFolderStore store = new LocalFolderStore(root);
    String key = "audit/compliance.finding.delta.v1/dt=2026-06-01/hr=01/"
        + "compliance.finding.delta.v1+0+00000000000000000000.jsonl.gz";
    store.put(key, "first".getBytes(StandardCharsets.UTF_8));
    store.put(key, "again".getBytes(StandardCharsets.UTF_8));
    store.put("audit/other/x.jsonl.gz", new byte[] {1});

    assertThat(Files.readString(root.resolve(key))).isEqualTo("again");
    assertThat(store.list("audit/compliance.finding.delta.v1/dt=2026-06-01/")).containsExactly(key);
    assertThat(store.list("nothing/")).isEmpty();
    try (var files = Files.walk(root)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith(".partial-"))).isEmpty();
    }
  }
}
