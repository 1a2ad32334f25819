package dev.nayose.platform.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyIdsTest {

  @Test
  void aChunkNamesItsUploadAndIndex() {
    assertThat(BodyIds.of("{\"uploadId\":\"0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10\",\"chunkIndex\":3,\"postings\":[{},{}]}"))
        .isEqualTo(new BodyIds("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10", "3", 2));
  }

  @Test
  void anS3EventNamesTheUploadOfItsObjectKey() {
    String event = """
        {"Records":[{"s3":{"object":{"key":"incoming/acme/0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10/jobs+2026.csv"}}}]}""";

    assertThat(BodyIds.of(event)).isEqualTo(new BodyIds("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10", "-1", 0));
  }

  @Test
  void aBodyThatSaysNothingGivesNothing() {
    assertThat(BodyIds.of("not json")).isEqualTo(new BodyIds(null, null, 0));
    assertThat(BodyIds.of("{\"Records\":[{\"s3\":{\"object\":{\"key\":\"elsewhere/x.csv\"}}}]}"))
        .isEqualTo(new BodyIds(null, null, 0));
    assertThat(BodyIds.of("[1,2]")).isEqualTo(new BodyIds(null, null, 0));
  }
}
