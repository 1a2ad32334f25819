package dev.nayose.eval;

import dev.nayose.matcher.Field;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.MatcherSettings;
import dev.nayose.matcher.ScoringMatchEngine;
import java.util.Locale;

/**
 * Estimates the matcher's m-probabilities from labelled pairs: for every posting of a set whose
 * company is in the master, the level at which each field compares with that company (at its best
 * site); P(level | match) is the share of each level among the pairs where the field was compared,
 * blended with a prior ({@code model-prior.properties}) worth {@value #PRIOR_PAIRS} pairs: a rendered
 * training set shows some levels rarely or never (a phone that is not the company's), and a level
 * never seen must keep a plausible probability rather than become near-impossible evidence.
 *
 * <p>Train on a set drawn with another seed than the one evaluated: the evaluation then measures
 * the model on postings it has not seen.
 */
public final class ModelTraining {
  /** How many labelled pairs the prior is worth. */
  static final int PRIOR_PAIRS = 1_000;

  private ModelTraining() {}

  static MatchModel prior() {
    try (var in = ModelTraining.class.getResourceAsStream("model-prior.properties")) {
      return MatchModel.read(in, "model-prior.properties");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The estimated model and the number of labelled pairs per field. */
  public record Trained(MatchModel model, long[][] counts, int pairs) {}

  public static Trained train(EvalSet set) {
    // u comes from the master and m is being estimated: the engine's m only weighs, it does not choose levels
    ScoringMatchEngine engine = new EngineSystem(set.master(), set.offices(), MatchModel.defaults(),
        MatcherSettings.defaults()).engine();
    Field[] fields = Field.values();
    long[][] counts = new long[fields.length][];
    for (Field field : fields) {
      counts[field.ordinal()] = new long[field.levels().size()];
    }
    int pairs = 0;
    for (EvalPosting posting : set.postings()) {
      if (!posting.present()) {
        continue;
      }
      int[] levels = engine.levels(EngineSystem.jobPosting(posting), posting.truthCompanyId());
      if (levels == null) {
        continue;
      }
      pairs++;
      for (Field field : fields) {
        if (levels[field.ordinal()] >= 0) {
          counts[field.ordinal()][levels[field.ordinal()]]++;
        }
      }
    }
    MatchModel prior = prior();
    double[][] m = new double[fields.length][];
    for (Field field : fields) {
      long[] c = counts[field.ordinal()];
      long total = 0;
      for (long n : c) {
        total += n;
      }
      m[field.ordinal()] = new double[c.length];
      for (int level = 0; level < c.length; level++) {
        m[field.ordinal()][level] = (c[level] + PRIOR_PAIRS * prior.m(field, level)) / (total + PRIOR_PAIRS);
      }
    }
    return new Trained(MatchModel.of(m, "trained on seed " + set.seed()), counts, pairs);
  }

  /** The comment written on top of a trained model file. */
  static String comment(Trained trained, String source, int masterSize, long seed) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "m-probabilities of matcher %s: P(level | the posting names this company), among compared pairs.%n"
            + "Estimated by ./nayose eval --train-model from %d labelled pairs: postings rendered from %s,%n"
            + "master of %d companies, seed %d (evaluate with another seed), blended with the prior%n"
            + "eval/src/main/resources/dev/nayose/eval/model-prior.properties worth %d pairs. Pair counts per level:",
        ScoringMatchEngine.VERSION, trained.pairs(), source, masterSize, seed, PRIOR_PAIRS));
    for (Field field : Field.values()) {
      text.append(String.format(Locale.ROOT, "%n  %s:", field.key()));
      for (int level = 0; level < field.levels().size(); level++) {
        text.append(' ').append(field.levels().get(level)).append('=').append(trained.counts()[field.ordinal()][level]);
      }
    }
    return text.toString();
  }
}
