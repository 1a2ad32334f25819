package dev.nayose.split;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The split stage of nayose: uploaded CSV files in, row-chunks and rejected rows out. */
@SpringBootApplication
public class SplitServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SplitServiceApplication.class, args);
  }
}
