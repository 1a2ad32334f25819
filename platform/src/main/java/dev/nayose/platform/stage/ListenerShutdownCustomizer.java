package dev.nayose.platform.stage;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every SQS listener container of a service the shutdown bounds of {@link StageProperties}:
 * on SIGTERM a container stops polling, waits up to {@code shutdownTimeout} for the messages being
 * handled and up to {@code acknowledgementShutdownTimeout} for their deletes. A message still
 * running after that is not deleted and returns to its queue after its visibility timeout.
 *
 * <p>Spring Cloud AWS has no properties for these bounds, and its auto-configured container
 * factory is the one every {@code @SqsListener} uses, so the factory is configured as it is made.
 */
public final class ListenerShutdownCustomizer implements BeanPostProcessor {
  private final ObjectProvider<StageProperties> properties;

  public ListenerShutdownCustomizer(ObjectProvider<StageProperties> properties) {
    this.properties = properties;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof SqsMessageListenerContainerFactory<?> factory) {
      StageProperties stages = properties.getIfAvailable(StageProperties::defaults);
      factory.configure(options -> options
          .listenerShutdownTimeout(stages.shutdownTimeout())
          .acknowledgementShutdownTimeout(stages.acknowledgementShutdownTimeout()));
    }
    return bean;
  }
}
