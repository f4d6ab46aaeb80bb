package io.compliancestreams.streams.practices.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.ConfigurationItemJson;
import io.compliancestreams.streams.practices.ItemReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An IAM policy document, read as AWS Config and the IAM API give it: a URL-encoded JSON string
 * (RFC 3986), or already-decoded JSON text, or a parsed object. Only what the practices need is
 * kept: each statement's effect, actions and resources, literally (no wildcard expansion, no
 * condition or NotAction/NotResource analysis — AWS's IAM.1 matcher is literal too).
 */
record PolicyDocument(List<Statement> statements) {

  /** Actions that grant every action of every service. {@code *:*} is not documented by AWS but
   * IAM accepts it and it means the same (Steampipe flags it too). */
  private static final Set<String> ALL_ACTIONS = Set.of("*", "*:*");

  PolicyDocument {
    statements = List.copyOf(statements);
  }

  /** One statement; {@code index} is its position in the document (0 for a single object). */
  record Statement(
      int index, Optional<String> sid, String effect, List<String> actions, List<String> resources) {

    Statement {
      actions = List.copyOf(actions);
      resources = List.copyOf(resources);
    }

    /** Allow, every action, every resource: full administrator rights, whatever the conditions. */
    boolean grantsFullAdmin() {
      return "Allow".equals(effect)
          && actions.stream().anyMatch(ALL_ACTIONS::contains)
          && resources.contains("*");
    }

    /** E.g. {@code statement 0 (Sid 'Admin') allows Action '*' on Resource '*'}. */
    String describeAdminGrant() {
      String action = actions.stream().filter(ALL_ACTIONS::contains).findFirst().orElse("*");
      return "statement " + index + sid.map(s -> " (Sid '" + s + "')").orElse("")
          + " allows Action '" + action + "' on Resource '*'";
    }
  }

  /**
   * Reads a document field: an object, or the URL-encoded JSON string AWS Config records. Errors
   * name the field's path (e.g. {@code configuration.policyVersionList[2].document}).
   */
  static PolicyDocument read(ItemReader field) {
    ItemReader root = ItemReader.at(decode(field), field.path());
    if (!root.node().isObject()) {
      throw root.malformed("expected a policy document object");
    }
    ItemReader statement = root.field("Statement").required();
    List<Statement> statements = new ArrayList<>();
    if (statement.node().isObject()) {
      // IAM accepts a single statement object instead of a list.
      statements.add(statement(statement, 0));
    } else if (statement.node().isArray()) {
      List<ItemReader> list = statement.list();
      for (int i = 0; i < list.size(); i++) {
        statements.add(statement(list.get(i), i));
      }
    } else {
      throw statement.malformed("expected an object or an array");
    }
    return new PolicyDocument(statements);
  }

  /** The statements that grant full administrator rights, in document order. */
  List<Statement> fullAdminStatements() {
    return statements.stream().filter(Statement::grantsFullAdmin).toList();
  }

  private static JsonNode decode(ItemReader field) {
    JsonNode node = field.required().node();
    if (node.isObject()) {
      return node;
    }
    if (!node.isTextual()) {
      throw field.malformed("expected a URL-encoded JSON string");
    }
    String text = node.asText().trim();
    if (!text.startsWith("{")) {
      try {
        // AWS encodes per RFC 3986, so a literal '+' arrives as %2B and URLDecoder's '+'-to-space
        // rule cannot corrupt it.
        text = URLDecoder.decode(text, StandardCharsets.UTF_8).trim();
      } catch (IllegalArgumentException e) {
        throw field.malformed("is not URL-decodable (" + e.getMessage() + ")");
      }
    }
    return ConfigurationItemJson.parseJson(text, field.path());
  }

  private static Statement statement(ItemReader node, int index) {
    if (!node.node().isObject()) {
      throw node.malformed("expected a statement object");
    }
    return new Statement(
        index,
        node.field("Sid").text(),
        node.field("Effect").required().text().orElseThrow(),
        stringOrList(node.field("Action")),
        stringOrList(node.field("Resource")));
  }

  /** Action and Resource: a string or a list of strings; absent (NotAction/NotResource) is empty. */
  private static List<String> stringOrList(ItemReader field) {
    if (!field.isPresent()) {
      return List.of();
    }
    if (field.node().isTextual()) {
      return List.of(field.node().asText());
    }
    if (!field.node().isArray()) {
      throw field.malformed("expected a string or a list of strings");
    }
    return field.list().stream().map(e -> e.text().orElseThrow(() -> e.malformed("expected a string"))).toList();
  }
}
