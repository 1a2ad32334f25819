package dev.nayose.split.it;

import dev.nayose.localstack.LocalStackExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * split-service against the real local stack. The context is closed after each class: two live
 * contexts would be two listeners competing for the uploads queue, and a context left to the end
 * of the JVM would poll the stack after the extension stopped it.
 *
 * <p>The stack's queues have a visibility timeout of 2 s; platform's visibility extension keeps a
 * split that takes longer invisible, as it does for a 30 s queue in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(properties = {
    "spring.cloud.aws.sqs.listener.poll-timeout=1s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@interface SplitServiceIT {
}
