package dev.nayose.eval;

import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.master.Company;
import dev.nayose.master.FormerName;
import dev.nayose.match.domain.CompanyNameNormaliser;
import dev.nayose.match.domain.ExactMatchEngine;
import dev.nayose.match.domain.MasterIndex;
import dev.nayose.match.domain.MatchEngine;
import dev.nayose.match.domain.MatcherSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** match-service's current engine ({@link ExactMatchEngine}) over an index of the set's master. */
public final class ExactEngineSystem implements EvalSystem {
  private final MatchEngine engine;

  public ExactEngineSystem(List<Company> master, MatcherSettings settings) {
    this.engine = new ExactMatchEngine(index(master), settings);
  }

  /** The master index, as match-service builds it from the company tables. */
  static MasterIndex index(List<Company> master) {
    MasterIndex.Builder builder = MasterIndex.builder(new CompanyNameNormaliser());
    master.stream().sorted(java.util.Comparator.comparing(Company::companyId)).forEach(c ->
        builder.addCompany(c.companyId(), c.corporateNumber(), c.name(), c.prefecture(), c.closed()));
    for (Company c : master) {
      for (FormerName former : c.formerNames()) {
        builder.addFormerName(c.companyId(), former.name());
      }
    }
    return builder.build();
  }

  @Override
  public String name() {
    return engine.version();
  }

  @Override
  public Map<String, PostingDecision> decide(List<EvalPosting> postings) {
    Map<String, PostingDecision> decisions = new HashMap<>(postings.size() * 2);
    long row = 2;
    for (EvalPosting p : postings) {
      JobPosting posting = new JobPosting(row++, p.postingId(), p.companyName(), null, p.corporateNumber(),
          p.postalCode(), p.address(), p.phone(), null, null, null, null, null, p.workLocation(), null, null, null);
      MatchedPosting m = engine.match(posting);
      decisions.put(p.postingId(), new PostingDecision(p.postingId(), m.decision(), m.companyId(), m.score()));
    }
    return decisions;
  }
}
