package io.compliancestreams.it.secured;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACL table of docs/deployment.md ("### ACLs"), read from the document itself so that the ACLs
 * the secured test grants are exactly the documented ones: one binding per operation of each row,
 * with {@code <topic.prefix>} and {@code <streams.application.id>} replaced by the test's values.
 */
record DocumentedAcls(List<AclBinding> bindings) {

  static final Path DOC = Path.of("..", "docs", "deployment.md");
  private static final String HEADING = "### ACLs";

  static DocumentedAcls read(Map<String, String> placeholders) throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int start = lines.indexOf(HEADING);
    if (start < 0) {
      throw new IllegalStateException(DOC + " has no '" + HEADING + "' heading");
    }
    List<AclBinding> bindings = new ArrayList<>();
    boolean inTable = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("| Principal |")) {
        inTable = true;
        continue;
      }
      if (!inTable || line.startsWith("|---")) {
        continue;
      }
      if (!line.startsWith("|")) {
        break;
      }
      bindings.addAll(row(line, placeholders));
    }
    if (bindings.isEmpty()) {
      throw new IllegalStateException("no ACL rows under '" + HEADING + "' in " + DOC);
    }
    return new DocumentedAcls(List.copyOf(bindings));
  }

  private static List<AclBinding> row(String line, Map<String, String> placeholders) {
    String[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
        .map(String::trim).toArray(String[]::new);
    if (cells.length != 5) {
      throw new IllegalStateException("an ACL row needs 5 cells: " + line);
    }
    String name = cells[2].replace("`", "");
    for (var p : placeholders.entrySet()) {
      name = name.replace(p.getKey(), p.getValue());
    }
    ResourcePattern resource = new ResourcePattern(ResourceType.valueOf(cells[1]), name,
        PatternType.valueOf(cells[3]));
    List<AclBinding> bindings = new ArrayList<>();
    for (String operation : cells[4].split(",")) {
      bindings.add(new AclBinding(resource, new AccessControlEntry(cells[0], "*",
          AclOperation.valueOf(operation.trim().toUpperCase(Locale.ROOT)), AclPermissionType.ALLOW)));
    }
    return bindings;
  }
}
