package dev.nayose.platform.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationTest {
  private static final UUID UPLOAD = UUID.fromString("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10");

  @Test
  void aChunkNamesItsUploadIndexAndRows() {
    assertThat(Correlation.guess("{\"uploadId\":\"" + UPLOAD + "\",\"chunkIndex\":3,\"postings\":[{},{}]}"))
        .contains(new Correlation(UPLOAD, 3, 2));
  }

  @Test
  void anS3EventNamesTheUploadOfItsObjectKey() {
    String event = """
        {"Records":[{"s3":{"object":{"key":"incoming/acme/0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10/jobs+2026.csv"}}}]}""";

    assertThat(Correlation.guess(event)).contains(new Correlation(UPLOAD, -1, 0));
  }

  @Test
  void aBodyThatSaysNothingGivesNothing() {
    assertThat(Correlation.guess("not json")).isEmpty();
    assertThat(Correlation.guess("{\"Records\":[{\"s3\":{\"object\":{\"key\":\"elsewhere/x.csv\"}}}]}")).isEmpty();
    assertThat(Correlation.guess("[1,2]")).isEmpty();
  }
}
