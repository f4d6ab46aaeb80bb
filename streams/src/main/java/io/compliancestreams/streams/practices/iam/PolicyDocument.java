package io.compliancestreams.streams.practices.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.ConfigurationItemJson;
import io.compliancestreams.streams.practices.MalformedItemException;
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
   * Reads a document field. {@code path} names it in errors (e.g. {@code
   * configuration.policyVersionList[2].document}).
   */
  static PolicyDocument read(JsonNode field, String path) {
    JsonNode root = decode(field, path);
    if (!root.isObject()) {
      throw new MalformedItemException(path, "expected a policy document object");
    }
    JsonNode statementNode = root.get("Statement");
    if (IamJson.absent(statementNode)) {
      throw new MalformedItemException(path + ".Statement", "is missing");
    }
    List<Statement> statements = new ArrayList<>();
    if (statementNode.isObject()) {
      // IAM accepts a single statement object instead of a list.
      statements.add(statement(statementNode, 0, path + ".Statement"));
    } else if (statementNode.isArray()) {
      for (int i = 0; i < statementNode.size(); i++) {
        statements.add(statement(statementNode.get(i), i, path + ".Statement[" + i + "]"));
      }
    } else {
      throw new MalformedItemException(path + ".Statement", "expected an object or an array");
    }
    return new PolicyDocument(statements);
  }

  /** The statements that grant full administrator rights, in document order. */
  List<Statement> fullAdminStatements() {
    return statements.stream().filter(Statement::grantsFullAdmin).toList();
  }

  private static JsonNode decode(JsonNode field, String path) {
    if (IamJson.absent(field)) {
      throw new MalformedItemException(path, "is missing");
    }
    if (field.isObject()) {
      return field;
    }
    if (!field.isTextual()) {
      throw new MalformedItemException(path, "expected a URL-encoded JSON string");
    }
    String text = field.asText().trim();
    if (!text.startsWith("{")) {
      try {
        // AWS encodes per RFC 3986, so a literal '+' arrives as %2B and URLDecoder's '+'-to-space
        // rule cannot corrupt it.
        text = URLDecoder.decode(text, StandardCharsets.UTF_8).trim();
      } catch (IllegalArgumentException e) {
        throw new MalformedItemException(path, "is not URL-decodable (" + e.getMessage() + ")");
      }
    }
    return ConfigurationItemJson.parseJson(text, path);
  }

  private static Statement statement(JsonNode node, int index, String path) {
    if (!node.isObject()) {
      throw new MalformedItemException(path, "expected a statement object");
    }
    return new Statement(
        index,
        IamJson.optionalText(node, "Sid", path + ".Sid"),
        IamJson.text(node, "Effect", path + ".Effect"),
        stringOrList(node.get("Action"), path + ".Action"),
        stringOrList(node.get("Resource"), path + ".Resource"));
  }

  /** Action and Resource: a string or a list of strings; absent (NotAction/NotResource) is empty. */
  private static List<String> stringOrList(JsonNode node, String path) {
    if (IamJson.absent(node)) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      throw new MalformedItemException(path, "expected a string or a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      if (!element.isTextual()) {
        throw new MalformedItemException(path + "[" + i + "]", "expected a string");
      }
      out.add(element.asText());
    }
    return out;
  }
}
