package dev.nayose.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What another module's integration test sees through the extension. */
@ExtendWith(LocalStackExtension.class)
class LocalStackExtensionIT {
  private static LocalStack first;

  @BeforeAll
  static void rememberTheStack() {
    first = LocalStackExtension.stack();
  }

  @Test
  void theSharedStackRetriesFastAndIsPublishedAsSystemProperties() throws SQLException {
    LocalStack stack = LocalStackExtension.stack();

    stack.springProperties().forEach((key, value) -> assertThat(System.getProperty(key)).as(key).isEqualTo(value));
    assertThat(stack.springProperties()).containsEntry("nayose.queues.max-receive-count", "2");
    assertThat(stack.sqsClient().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(stack.queueName("uploads")))
        .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes())
        .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "2");
    try (Connection c = stack.dataSource().getConnection()) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Nested
  class AnotherTestClass {
    @Test
    void getsTheSameStack() {
      assertThat(LocalStackExtension.stack()).isSameAs(first);
    }
  }
}
