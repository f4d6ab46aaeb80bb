package io.compliancestreams.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.practices.PracticeMetadata;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code practices}: lists the practice catalogue. */
@Command(
    name = "practices",
    mixinStandardHelpOptions = true,
    description = "Lists the practices: number, control, title, severity, scope, resource types.")
public final class PracticesCommand implements Callable<Integer> {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
      description = "table (default) or json (one object per practice).")
  OutputFormat output = OutputFormat.table;

  private final PrintStream out;

  public PracticesCommand() {
    this(System.out);
  }

  PracticesCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    if (output == OutputFormat.json) {
      PracticeCatalogue.all().forEach(p -> out.println(json(p.metadata())));
    } else {
      out.printf("%3s  %-22s %-8s %-8s %-8s  %s%n",
          "#", "CONTROL", "SEVERITY", "SH", "SCOPE", "TITLE / RESOURCE TYPES");
      for (Practice p : PracticeCatalogue.all()) {
        PracticeMetadata m = p.metadata();
        out.printf("%3d  %-22s %-8s %-8s %-8s  %s%n%50s%s%n",
            m.number(), m.controlId(), m.severity(), m.securityHubSeverity(), m.scope(),
            m.title(), "", String.join(", ", m.resourceTypes()));
      }
    }
    return ExitCodes.OK;
  }

  private static String json(PracticeMetadata m) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("number", m.number());
    node.put("control", m.controlId());
    node.put("title", m.title());
    node.put("severity", m.severity().name());
    node.put("securityHubSeverity", m.securityHubSeverity().name());
    node.put("scope", m.scope().name());
    m.resourceTypes().forEach(node.putArray("resourceTypes")::add);
    node.put("reference", m.reference().toString());
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
