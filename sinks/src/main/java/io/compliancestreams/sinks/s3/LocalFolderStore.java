package io.compliancestreams.sinks.s3;

import io.compliancestreams.sinks.runner.DeliveryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Audit objects as files under a folder, with the S3 key layout as the relative path. Written to a
 * temporary file and moved into place, so a reader never sees half an object.
 */
final class LocalFolderStore implements ObjectStore {

  private final Path root;

  LocalFolderStore(Path root) {
    this.root = root;
  }

  @Override
  public void put(String key, byte[] content) throws DeliveryException {
    Path target = root.resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
      Files.write(partial, content);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw DeliveryException.retryable("writing " + target + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) throws DeliveryException {
    Path file = root.resolve(key);
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      throw DeliveryException.retryable("reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> list(String prefix) throws DeliveryException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
          .filter(key -> key.startsWith(prefix) && !key.contains("/.partial-"))
          .sorted().toList();
    } catch (IOException e) {
      throw DeliveryException.retryable("listing " + root + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {}
}
