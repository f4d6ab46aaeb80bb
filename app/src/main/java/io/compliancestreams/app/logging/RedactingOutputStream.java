package io.compliancestreams.app.logging;

import io.compliancestreams.schemas.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * An output stream that holds text until a line ends (or it is flushed), then writes it redacted
 * ({@link Redactor}). A secret is matched within one line or one flushed piece, which is how
 * {@code println}, a log line and a stack-trace line arrive.
 */
public final class RedactingOutputStream extends OutputStream {

  private final OutputStream target;
  private final Charset charset;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  RedactingOutputStream(OutputStream target, Charset charset) {
    this.target = target;
    this.charset = charset;
  }

  /**
   * Replaces {@code System.out} and {@code System.err} with redacting ones, for the process's
   * lifetime: command output, error lines, and what any library prints (an uncaught exception's
   * stack trace) alike.
   */
  public static void install() {
    Charset charset = Charset.defaultCharset();
    System.setOut(wrap(System.out, charset));
    System.setErr(wrap(System.err, charset));
  }

  static PrintStream wrap(PrintStream original, Charset charset) {
    return new PrintStream(new RedactingOutputStream(original, charset), true, charset);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    pending.write(b);
    if (b == '\n') {
      drain();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        pending.write(bytes, start, i + 1 - start);
        drain();
        start = i + 1;
      }
    }
    pending.write(bytes, start, offset + length - start);
  }

  @Override
  public synchronized void flush() throws IOException {
    drain();
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
    target.close();
  }

  private void drain() throws IOException {
    if (pending.size() == 0) {
      return;
    }
    String text = pending.toString(charset);
    pending.reset();
    target.write(Redactor.redact(text).getBytes(charset));
  }
}
