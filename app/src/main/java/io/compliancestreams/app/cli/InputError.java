package io.compliancestreams.app.cli;

/**
 * A user's input could not be read. The message names the file and the position or field; the
 * command prints it as one line and exits with {@link ExitCodes#INPUT_ERROR}, never a stack trace.
 */
final class InputError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InputError(String message) {
    super(message);
  }
}
