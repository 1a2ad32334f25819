package dev.nayose.eval;

import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.master.Company;
import dev.nayose.master.Office;
import dev.nayose.matcher.MasterIndex;
import dev.nayose.matcher.MasterIndexFactory;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.MatcherSettings;
import dev.nayose.matcher.ScoringMatchEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** match-service's engine ({@link ScoringMatchEngine}) over an index of the set's master and offices. */
public final class EngineSystem implements EvalSystem {
  private final ScoringMatchEngine engine;

  public EngineSystem(List<Company> master, List<Office> offices, MatchModel model, MatcherSettings settings) {
    this.engine = new ScoringMatchEngine(index(master, offices), model, settings);
  }

  /** The master index, as match-service builds it from the company tables. */
  static MasterIndex index(List<Company> master, List<Office> offices) {
    return MasterIndexFactory.of(master, offices);
  }

  ScoringMatchEngine engine() {
    return engine;
  }

  @Override
  public String name() {
    return engine.version();
  }

  @Override
  public Map<String, PostingDecision> decide(List<EvalPosting> postings) {
    Map<String, PostingDecision> decisions = new HashMap<>(postings.size() * 2);
    for (EvalPosting p : postings) {
      MatchedPosting m = engine.match(jobPosting(p));
      decisions.put(p.postingId(), new PostingDecision(p.postingId(), m.decision(), m.companyId(), m.officeId(), m.score()));
    }
    return decisions;
  }

  /** The posting as the pipeline would carry it. */
  static JobPosting jobPosting(EvalPosting p) {
    return new JobPosting(2, p.postingId(), p.companyName(), p.companyNameKana(), p.corporateNumber(), p.postalCode(), p.address(),
        p.phone(), null, null, null, null, null, p.workLocation(), null, null, null);
  }
}
