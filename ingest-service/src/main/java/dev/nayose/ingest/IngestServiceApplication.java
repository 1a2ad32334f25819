package dev.nayose.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The HTTP entry point of nayose: partners upload CSV files, which are streamed to S3. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestServiceApplication.class, args);
  }
}
