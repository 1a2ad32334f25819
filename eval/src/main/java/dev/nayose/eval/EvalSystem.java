package dev.nayose.eval;

import java.util.List;
import java.util.Map;

/** A way of linking postings to the master, evaluated on the same set as the others. */
public interface EvalSystem {
  /** The name shown in the table, e.g. {@code fs-1}. */
  String name();

  /** One decision per posting, by posting id. */
  Map<String, PostingDecision> decide(List<EvalPosting> postings) throws Exception;
}
