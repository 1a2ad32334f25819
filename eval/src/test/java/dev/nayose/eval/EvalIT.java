package dev.nayose.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.master.NtaFileReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both systems on one small set, pg_trgm on a real embedded PostgreSQL (the test fails if it cannot start). */
class EvalIT {

  @Test
  void both_systems_are_scored_on_the_same_set(@TempDir Path dir) throws Exception {
    EvalSet set = new EvalSetGenerator(11).generate(NtaFileReader.read(EvalSetGeneratorTest.SAMPLE).companies(),
        5_000, 700);
    List<Metrics> results;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      TrigramBaselineSystem.createDatabase(pg.getPostgresDatabase(), "nayose_eval");
      results = Evaluation.run(set, pg.getDatabase("postgres", "nayose_eval"), dir, 0.6, 0.4);
    }
    System.out.print(Evaluation.table(results));

    assertThat(results).extracting(Metrics::system).containsExactly("fs-1", "pg_trgm");
    Metrics exact = results.get(0);
    Metrics trgm = results.get(1);
    assertThat(exact.postings()).isEqualTo(700);
    assertThat(exact.matched()).isGreaterThan(300);
    assertThat(exact.precision()).isGreaterThanOrEqualTo(0.99);
    assertThat(exact.recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(exact.absentMatchedRate()).isLessThanOrEqualTo(0.02);
    assertThat(trgm.postings()).isEqualTo(700);
    assertThat(trgm.present() + trgm.absent()).isEqualTo(700);
    assertThat(trgm.matched()).isGreaterThan(100);
    assertThat(trgm.matchedCorrect()).isGreaterThan(100);
    assertThat(Files.readAllLines(dir.resolve("decisions-pg_trgm.csv"))).hasSize(701);
    assertThat(Files.readAllLines(dir.resolve("decisions-fs-1.csv"))).hasSize(701);
  }

  @Test
  void the_feed_mix_is_scored_per_kind_from_the_files(@TempDir Path dir) throws Exception {
    EvalSet set = new EvalSetGenerator(12).generateFeedMix(
        NtaFileReader.read(EvalSetGeneratorTest.SAMPLE).companies(), 5_000, 800, FeedMix.defaults());
    List<Metrics> results;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      TrigramBaselineSystem.createDatabase(pg.getPostgresDatabase(), "nayose_eval");
      results = Evaluation.run(set, pg.getDatabase("postgres", "nayose_eval"), dir, 0.6, 0.4, 200);
    }
    Map<String, Map<NoiseKind, Metrics>> byKind = Evaluation.byKind(dir, results);
    System.out.print(Evaluation.kindTable(byKind));

    assertThat(byKind.keySet()).containsExactly("fs-1", "pg_trgm");
    Map<NoiseKind, Metrics> engine = byKind.get("fs-1");
    assertThat(engine.keySet()).containsExactly(NoiseKind.values());
    Metrics total = results.get(0);
    assertThat(engine.values().stream().mapToInt(Metrics::postings).sum()).isEqualTo(800);
    assertThat(engine.values().stream().mapToInt(Metrics::matched).sum()).isEqualTo(total.matched());
    assertThat(engine.values().stream().mapToInt(Metrics::review).sum()).isEqualTo(total.review());
    assertThat(engine.values().stream().mapToInt(Metrics::matchedCorrect).sum()).isEqualTo(total.matchedCorrect());
    assertThat(engine.get(NoiseKind.ABSENT_NEIGHBOUR).present()).isZero();
    assertThat(engine.get(NoiseKind.STANDARD).recall()).isGreaterThan(0.9);
    // pg_trgm decided the first 200 postings only: its kinds are scored over those
    assertThat(byKind.get("pg_trgm").values().stream().mapToInt(Metrics::postings).sum()).isEqualTo(200);
  }
}
