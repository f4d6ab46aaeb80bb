package io.compliancestreams.bench;

import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.MalformedItemException;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.topology.SnapshotRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The practices' recorded-shape fixtures (streams test-jar, {@code practices/NN/*.json}) as
 * snapshot templates, grouped by resource type: each type's variants are the distinct items that
 * the pass / fail / not-applicable fixtures hold (error fixtures are left out: they are malformed
 * on purpose).
 */
final class FixtureTemplates {

  /** One resource type's variants; {@code accountFact} when its id is the account id (one per account). */
  record TypeTemplates(String resourceType, boolean accountFact, List<ResourceSnapshot> variants) {}

  private FixtureTemplates() {}

  static List<String> fixturePaths() {
    try {
      Path source = Path.of(PracticeFixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> paths = new ArrayList<>();
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.walk(source.resolve("practices"))) {
          files.filter(p -> p.toString().endsWith(".json"))
              .forEach(p -> paths.add(source.relativize(p).toString().replace('\\', '/')));
        }
      } else {
        try (JarFile jar = new JarFile(source.toFile())) {
          jar.stream().map(e -> e.getName())
              .filter(n -> n.startsWith("practices/") && n.endsWith(".json"))
              .forEach(paths::add);
        }
      }
      paths.sort(String::compareTo);
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every usable fixture item, as configuration items. */
  static List<ConfigurationItem> items() {
    List<ConfigurationItem> items = new ArrayList<>();
    for (String path : fixturePaths()) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (!(name.startsWith("pass-") || name.startsWith("fail-") || name.startsWith("na-"))) {
        continue;
      }
      try {
        PracticeFixtures.loadPath(path).items().stream()
            .filter(i -> !i.status().isDeleted())
            .forEach(items::add);
      } catch (MalformedItemException e) {
        // A fixture of a decoding rule (malformed on purpose): not a realistic snapshot.
      }
    }
    return items;
  }

  /** The templates by resource type, in a stable order; one entry per distinct item. */
  static List<TypeTemplates> byType() {
    Map<String, Map<String, ResourceSnapshot>> variants = new LinkedHashMap<>();
    for (ConfigurationItem item : items()) {
      ResourceSnapshot s = SnapshotRecords.of(item);
      // Distinct content only: the same item appears in several practices' fixtures.
      String content = s.getConfiguration() + "|" + s.getSupplementaryConfiguration() + "|" + s.getTags();
      variants.computeIfAbsent(s.getResourceType(), t -> new LinkedHashMap<>()).putIfAbsent(content, s);
    }
    List<TypeTemplates> out = new ArrayList<>();
    variants.forEach((type, byContent) -> {
      List<ResourceSnapshot> list = List.copyOf(byContent.values());
      boolean fact = list.stream().anyMatch(s -> s.getResourceId().equals(s.getAccountId()));
      out.add(new TypeTemplates(type, fact, list));
    });
    return out;
  }
}
