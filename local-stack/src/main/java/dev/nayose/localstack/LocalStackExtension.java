package dev.nayose.localstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension for integration tests: starts one {@link LocalStack} per JVM, on first use,
 * shared by every test class extended with it, and points Spring Boot at it by setting
 * {@link LocalStack#springProperties()} as system properties before the first application context
 * starts. Retries are fast: maxReceiveCount 2, visibility timeout 2 s; free ports; a temporary
 * data directory. The stack is closed after the last test of the JVM.
 *
 * <p>Declare it before {@code @SpringBootTest}, so that it runs first:
 * {@code @ExtendWith(LocalStackExtension.class) @SpringBootTest class UploadFlowIT}.
 *
 * <p>If a server cannot start, every test class using the extension fails with that cause; none
 * is skipped, and the start is not retried.
 */
public final class LocalStackExtension implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);
  private static final Object LOCK = new Object();
  private static LocalStack stack;
  private static RuntimeException startFailure;

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (LOCK) {
      if (startFailure != null) {
        throw new IllegalStateException("the local stack failed to start earlier in this JVM", startFailure);
      }
      if (stack != null) {
        return;
      }
      try {
        stack = LocalStack.start(LocalStackSettings.defaults().withMaxReceiveCount(2).withVisibilityTimeoutSeconds(2));
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
      stack.springProperties().forEach(System::setProperty);
      // The root store is closed once all tests have run; JUnit closes the AutoCloseable values in
      // it (Store.CloseableResource is deprecated since JUnit 5.13 in favour of AutoCloseable).
      context.getRoot().getStore(NAMESPACE).put(LocalStack.class, (AutoCloseable) LocalStackExtension::stop);
    }
  }

  private static void stop() {
    synchronized (LOCK) {
      stack.close();
      stack = null;
    }
  }

  /** The running stack, for tests of a class extended with {@code @ExtendWith(LocalStackExtension.class)}. */
  public static LocalStack stack() {
    synchronized (LOCK) {
      if (stack == null) {
        throw new IllegalStateException("no local stack: extend the test class with LocalStackExtension");
      }
      return stack;
    }
  }
}
