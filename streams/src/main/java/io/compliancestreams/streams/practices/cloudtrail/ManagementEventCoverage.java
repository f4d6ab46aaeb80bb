package io.compliancestreams.streams.practices.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.ItemReader;
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

  /** {@code trail} is one DescribeTrails entry enriched with its GetEventSelectors answer. */
  static Result of(ItemReader trail) {
    ItemReader advanced = trail.field("AdvancedEventSelectors");
    ItemReader basic = trail.field("EventSelectors");
    if (!advanced.list().isEmpty()) {
      return advanced(advanced.list());
    }
    if (basic.isPresent()) {
      return basic(basic.list());
    }
    if (advanced.isPresent()) {
      return Result.gap("has no event selectors");
    }
    return new Result(false, true, "has no GetEventSelectors result");
  }

  private static Result basic(List<ItemReader> selectors) {
    List<String> gaps = new ArrayList<>();
    for (int i = 0; i < selectors.size(); i++) {
      ItemReader s = selectors.get(i);
      // API defaults when a member is omitted: IncludeManagementEvents true, ReadWriteType All.
      if (!s.field("IncludeManagementEvents").bool().orElse(true)) {
        continue;
      }
      String readWrite = s.field("ReadWriteType").text().orElse("All");
      List<String> excluded = texts(s.field("ExcludeManagementEventSources"));
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

  private static Result advanced(List<ItemReader> selectors) {
    List<String> gaps = new ArrayList<>();
    for (int i = 0; i < selectors.size(); i++) {
      ItemReader s = selectors.get(i);
      String label = "advanced selector '" + s.node().path("Name").asText("#" + i) + "'";
      boolean management = false;
      String narrowing = null;
      for (ItemReader f : s.field("FieldSelectors").requiredList()) {
        String field = f.field("Field").text().orElse("");
        if (field.equals("eventCategory")) {
          management = texts(f.field("Equals")).contains("Management");
        } else if (field.equals("readOnly")) {
          List<String> equals = texts(f.field("Equals"));
          if (!(equals.contains("true") && equals.contains("false"))) {
            narrowing = "records only " + describe(f.node()) + " management events";
          }
        } else if (field.equals("eventSource")) {
          narrowing = "limits management events by eventSource " + describe(f.node());
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

  private static List<String> texts(ItemReader array) {
    return array.list().stream().map(e -> e.text().orElse("")).toList();
  }
}
