package dev.nayose.localstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one {@link LocalStack} per test JVM, shared by every test class that uses this
 * extension, and points Spring Boot at it by setting its properties as system properties before
 * the first application context starts. Retries and dead-lettering are fast in tests:
 * maxReceiveCount 2, visibility timeout 2 s. If a server cannot start the tests fail; they never skip.
 */
public final class LocalStackExtension implements BeforeAllCallback {
  private static final Object LOCK = new Object();
  private static LocalStack stack;

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (LOCK) {
      if (stack == null) {
        stack = LocalStack.start(LocalStackSettings.defaults().withMaxReceiveCount(2).withVisibilityTimeoutSeconds(2));
        stack.springProperties().forEach(System::setProperty);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
            .put(LocalStackExtension.class, (ExtensionContext.Store.CloseableResource) () -> {
              synchronized (LOCK) {
                stack.close();
                stack = null;
              }
            });
      }
    }
  }

  /** The running stack; call from tests of a class extended with this extension. */
  public static LocalStack stack() {
    synchronized (LOCK) {
      if (stack == null) {
        throw new IllegalStateException("no local stack: annotate the test with @ExtendWith(LocalStackExtension.class)");
      }
      return stack;
    }
  }
}
