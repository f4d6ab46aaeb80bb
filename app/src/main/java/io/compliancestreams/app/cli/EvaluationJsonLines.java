package io.compliancestreams.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Prints one finding per line: {@code {"practice":N,"control":..,"status":..,"accountId":..,
 * "region":..,"resourceType":..,"resourceId":..,"resourceArn":..,"reason":..}} (the shape is
 * documented in the README and shared by {@code evaluate} and {@code scan}).
 */
final class EvaluationJsonLines {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  void print(List<Evaluation> evaluations, Map<Integer, Practice> practices, PrintStream out) {
    for (Evaluation e : evaluations) {
      ObjectNode line = MAPPER.createObjectNode();
      line.put("practice", e.practice());
      line.put("control", practices.get(e.practice()).metadata().controlId());
      line.put("status", e.status().name());
      line.put("accountId", e.resource().accountId());
      line.put("region", e.resource().region());
      line.put("resourceType", e.resource().resourceType());
      line.put("resourceId", e.resource().resourceId());
      line.put("resourceArn", e.resource().arn());
      line.put("reason", e.reason());
      try {
        out.println(MAPPER.writeValueAsString(line));
      } catch (JsonProcessingException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }
}
