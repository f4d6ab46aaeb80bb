package io.compliancestreams.app.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.compliancestreams.schemas.redact.Redactor;

/**
 * Logback's pattern layout, with the whole formatted event — message, arguments, logger, and the
 * stack trace with every cause — passed through {@link Redactor} last. Used by the runnable's
 * {@code logback.xml}, so a secret echoed into any library's log line never reaches stderr.
 */
public final class RedactingLayout extends PatternLayout {

  @Override
  public String doLayout(ILoggingEvent event) {
    return Redactor.redact(super.doLayout(event));
  }
}
