package dev.nayose.load.adapter.in.schedule;

import dev.nayose.load.config.LoadProperties;
import dev.nayose.platform.callback.CallbackDispatcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks at the callback outbox every {@code nayose.load.callbacks.poll-interval} and sends what is due. */
@Component
@ConditionalOnBooleanProperty("nayose.load.callbacks.enabled")
class CallbackPoller {
  private final CallbackDispatcher dispatcher;
  private final int maxPerPoll;

  CallbackPoller(CallbackDispatcher dispatcher, LoadProperties properties) {
    this.dispatcher = dispatcher;
    this.maxPerPoll = properties.callbacks().maxPerPoll();
  }

  // an exception is logged by the scheduler and the next poll runs as usual
  @Scheduled(fixedDelayString = "${nayose.load.callbacks.poll-interval}")
  void poll() {
    dispatcher.dispatchDue(maxPerPoll);
  }
}
