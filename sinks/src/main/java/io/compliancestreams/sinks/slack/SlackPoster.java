package io.compliancestreams.sinks.slack;

import io.compliancestreams.sinks.runner.DeliveryException;
import java.util.Optional;

/** Posts one message; failures are classified for the runner (retryable, retry-after, permanent). */
interface SlackPoster {

  /**
   * Posts {@code message}, as a reply in {@code thread} when given (bot mode only).
   *
   * @return where the message lives, when the API says (bot mode); empty for a webhook
   */
  Optional<MessageRef> post(SlackMessage message, Optional<MessageRef> thread, boolean broadcast)
      throws DeliveryException;
}
