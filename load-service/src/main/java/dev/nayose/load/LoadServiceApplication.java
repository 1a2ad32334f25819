package dev.nayose.load;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The loader: matched chunks in, rows in PostgreSQL out, each chunk once, and the upload settled when its last chunk is in. */
@SpringBootApplication
public class LoadServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(LoadServiceApplication.class, args);
  }
}
