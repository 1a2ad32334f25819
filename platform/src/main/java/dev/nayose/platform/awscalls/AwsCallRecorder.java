package dev.nayose.platform.awscalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the permissions of every AWS SDK call of the clients it is registered on
 * ({@link IamPermissions}), each distinct one once, as a line appended to a file that several
 * services may share: each line is one write to a file opened for appending, so lines of
 * processes writing at once do not mix. Recorded before the call is sent, so a call that fails
 * is recorded too: it needed the permission all the same.
 */
final class AwsCallRecorder implements ExecutionInterceptor, AutoCloseable {
  private final String service;
  private final FileChannel log;
  private final Set<AwsCall> recorded = ConcurrentHashMap.newKeySet();

  AwsCallRecorder(String service, Path file) {
    this.service = service;
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      this.log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the AWS call log " + file + " (nayose.aws.call-log) for appending", e);
    }
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String sdkService = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    var request = context.request();
    for (AwsCall call : IamPermissions.of(service, sdkService, operation, name -> request.getValueForField(name, String.class))) {
      if (recorded.add(call)) {
        write(call.line() + "\n");
      }
    }
  }

  private synchronized void write(String line) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        log.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the AWS call log", e);
    }
  }

  @Override
  public void close() throws IOException {
    log.close();
  }
}
