package io.compliancestreams.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.compliancestreams.app.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runnable's own {@code logback.xml} and its redacting stdout/stderr, fed secrets the way a
 * configuration registers them: nothing secret is written, in any of its forms, by any logger.
 */
class RedactedOutputTest {

  static final String TOKEN = "output-test-hec-t0ken-77";
  static final String EMAIL = "output-test@example.com";
  static final String JIRA_TOKEN = "output-test-jira-t0ken-88";
  static final String BASIC = Base64.getEncoder().encodeToString(
      (EMAIL + ":" + JIRA_TOKEN).getBytes(StandardCharsets.UTF_8));

  static {
    AppConfig.load(null, Map.of("SPLUNK_HEC_TOKEN", TOKEN, "JIRA_EMAIL", EMAIL, "JIRA_API_TOKEN", JIRA_TOKEN),
        Map.of());
  }

  @Test
  void shouldRedactEveryLogLineAndStackTraceWrittenThroughTheAppsLogbackXml() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(RedactingLayout.class.getResource("/logback.xml"));
      // A third-party logger, a secret as an argument, and one deep in a cause's message.
      context.getLogger("org.example.ThirdParty").warn("proxy said: Authorization: Basic {} token={}", BASIC,
          URLEncoder.encode(TOKEN, StandardCharsets.UTF_8),
          new IllegalStateException("outer", new RuntimeException("echo Splunk " + TOKEN)));
    } finally {
      context.stop();
      System.setErr(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);

    assertThat(text).contains("WARN", "org.example.ThirdParty", "proxy said: Authorization: Basic **** token=****",
        "Caused by: java.lang.RuntimeException: echo Splunk ****");
    assertThat(text).doesNotContain(TOKEN, JIRA_TOKEN, BASIC, BASIC.substring(0, 20));
  }

  @Test
  void shouldRedactWhatIsPrintedLineByLineAndOnFlush() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = RedactingOutputStream.wrap(new PrintStream(captured, true, StandardCharsets.UTF_8),
        StandardCharsets.UTF_8);

    out.println("error: HEC answered 403: Invalid token " + TOKEN + " (code 4)");
    out.print("\rprogress " + BASIC);
    out.flush();
    new IllegalStateException("Jira GET /rest/api/3/myself → 401: Basic " + BASIC).printStackTrace(out);

    String text = captured.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("error: HEC answered 403: Invalid token **** (code 4)\n\rprogress ****")
        .contains("java.lang.IllegalStateException: Jira GET /rest/api/3/myself → 401: Basic ****")
        .doesNotContain(TOKEN, BASIC);
  }
}
