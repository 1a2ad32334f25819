package dev.nayose.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden fixtures and the JSON Schemas of the contracts, for this module's tests and for the
 * services' tests (published in the test-jar).
 */
public final class ContractFixtures {
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://nayose.dev/schemas/", "classpath:schemas/")));

  private ContractFixtures() {}

  /** The fixture's text, e.g. {@code fixture("chunk-split.json")}. */
  public static String fixture(String name) {
    try (InputStream in = ContractFixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema with file name {@code name}, e.g. {@code chunk-split.schema.json}. */
  public static Schema schema(String name) {
    return SCHEMAS.getSchema(SchemaLocation.of("https://nayose.dev/schemas/" + name));
  }

  public static JsonMapper mapper() {
    return JsonMapper.builder().build();
  }

  public static JsonNode tree(String json) {
    return mapper().readTree(json);
  }
}
