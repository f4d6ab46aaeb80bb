package io.compliancestreams.streams.practices.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.MalformedItemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides from a trail's GetEventSelectors response whether it records every read and write
 * management event. Basic selectors: one selector with IncludeManagementEvents true,
 * ReadWriteType All and no ExcludeManagementEventSources. Advanced selectors: one selector with
 * {@code eventCategory = Management}, no {@code readOnly} field restricting it to reads or to
 * writes, and no {@code eventSource} field narrowing it (excluding KMS or RDS Data API events is a
 * gap, as in Security Hub).
 */
final class ManagementEventCoverage {

  /** The outcome: {@code complete}, or the gap, or {@code unknown} when no selectors were read. */
  record Result(boolean complete, boolean unknown, String detail) {
    static final Result COMPLETE = new Result(true, false, "records all read and write management events");

    static Result gap(String detail) {
      return new Result(false, false, detail);
    }
  }

  private ManagementEventCoverage() {}

  static Result of(JsonNode trail, String where) {
    JsonNode advanced = trail.path("AdvancedEventSelectors");
    JsonNode basic = trail.path("EventSelectors");
    if (isArray(advanced, where + ".AdvancedEventSelectors") && !advanced.isEmpty()) {
      return advanced(advanced, where + ".AdvancedEventSelectors");
    }
    if (isArray(basic, where + ".EventSelectors")) {
      return basic(basic, where + ".EventSelectors");
    }
    if (advanced.isArray()) {
      return Result.gap("has no event selectors");
    }
    return new Result(false, true, "has no GetEventSelectors result");
  }

  private static Result basic(JsonNode selectors, String where) {
    List<String> gaps = new ArrayList<>();
    for (int i = 0; i < selectors.size(); i++) {
      JsonNode s = selectors.get(i);
      // API defaults when a member is omitted: IncludeManagementEvents true, ReadWriteType All.
      boolean management = JsonFields.bool(s.path("IncludeManagementEvents"), true, where + "[" + i + "].IncludeManagementEvents");
      if (!management) {
        continue;
      }
      String readWrite = JsonFields.text(s.path("ReadWriteType"), "All", where + "[" + i + "].ReadWriteType");
      List<String> excluded = texts(s.path("ExcludeManagementEventSources"), where + "[" + i + "].ExcludeManagementEventSources");
      if (!readWrite.equals("All")) {
        gaps.add("event selector " + i + " records only " + readWrite + " management events");
      } else if (!excluded.isEmpty()) {
        gaps.add("event selector " + i + " excludes management events from " + String.join(", ", excluded));
      } else {
        return Result.COMPLETE;
      }
    }
    return Result.gap(gaps.isEmpty() ? "records no management events" : String.join("; ", gaps));
  }

  private static Result advanced(JsonNode selectors, String where) {
    List<String> gaps = new ArrayList<>();
    for (int i = 0; i < selectors.size(); i++) {
      JsonNode s = selectors.get(i);
      String at = where + "[" + i + "].FieldSelectors";
      JsonNode fields = s.path("FieldSelectors");
      if (!fields.isArray()) {
        throw new MalformedItemException(at, "expected an array, got " + fields.getNodeType());
      }
      String label = "advanced selector '" + s.path("Name").asText("#" + i) + "'";
      boolean management = false;
      String narrowing = null;
      for (int j = 0; j < fields.size(); j++) {
        JsonNode f = fields.get(j);
        String field = JsonFields.text(f.path("Field"), "", at + "[" + j + "].Field");
        if (field.equals("eventCategory")) {
          management = texts(f.path("Equals"), at + "[" + j + "].Equals").contains("Management");
        } else if (field.equals("readOnly")) {
          List<String> equals = texts(f.path("Equals"), at + "[" + j + "].Equals");
          if (!(equals.contains("true") && equals.contains("false"))) {
            narrowing = "records only " + describe(f) + " management events";
          }
        } else if (field.equals("eventSource")) {
          narrowing = "limits management events by eventSource " + describe(f);
        }
      }
      if (!management) {
        continue;
      }
      if (narrowing == null) {
        return Result.COMPLETE;
      }
      gaps.add(label + " " + narrowing);
    }
    return Result.gap(gaps.isEmpty() ? "records no management events" : String.join("; ", gaps));
  }

  /** "readOnly Equals [true]" from a field selector's non-empty operators. */
  private static String describe(JsonNode fieldSelector) {
    List<String> parts = new ArrayList<>();
    fieldSelector.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("Field") && e.getValue().isArray() && !e.getValue().isEmpty()) {
        parts.add(e.getKey() + " " + e.getValue());
      }
    });
    return "(" + fieldSelector.path("Field").asText() + " " + String.join(", ", parts) + ")";
  }

  private static boolean isArray(JsonNode node, String where) {
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (!node.isArray()) {
      throw new MalformedItemException(where, "expected an array, got " + node.getNodeType());
    }
    return true;
  }

  private static List<String> texts(JsonNode node, String where) {
    List<String> out = new ArrayList<>();
    if (!isArray(node, where)) {
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      out.add(JsonFields.text(node.get(i), "", where + "[" + i + "]"));
    }
    return out;
  }
}
