package dev.nayose.match;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The match worker: chunks of postings in, a decision per posting out, against the company master in memory. */
@SpringBootApplication
public class MatchServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(MatchServiceApplication.class, args);
  }
}
