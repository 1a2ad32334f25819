package dev.nayose.localstack;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link LocalStack} on well-known ports (SQS 9324, S3 9000, PostgreSQL 54329) until
 * Ctrl-C, for manual use; prints the endpoints and the environment that points a service at it.
 * The data directory is temporary and deleted on exit.
 */
public final class LocalStackMain {
  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    LocalStack stack = LocalStack.start(LocalStackSettings.defaults().withPorts(9324, 9000, 54329));
    System.out.printf("""
        nayose local stack is running (Ctrl-C stops it)
          SQS         %s  queues %s, each with a -dlq
          S3          %s  bucket %s
          PostgreSQL  %s  user %s, password %s
          credentials access key %s, secret key %s, region %s
        environment for a service:
        """, stack.sqsEndpoint(), stack.settings().queues().stream().map(stack::queueName).toList(),
        stack.s3Endpoint(), stack.bucket(), stack.jdbcUrl(), stack.dbUser(), stack.dbPassword(),
        stack.accessKey(), stack.secretKey(), stack.region());
    stack.environment().forEach((name, value) -> System.out.println("  " + name + "=" + value));
    new CountDownLatch(1).await(); // until Ctrl-C; the stack's shutdown hook stops it
  }
}
