package dev.nayose.contracts;

/**
 * What the matcher concluded for one posting.
 *
 * <ul>
 *   <li>{@code MATCHED}: linked automatically to a company (and perhaps an office); safe to load
 *       without a human looking at it.</li>
 *   <li>{@code REVIEW}: a plausible company was found but the evidence is not strong enough; the
 *       best candidate is named and a person decides.</li>
 *   <li>{@code UNMATCHED}: no company of the master is a credible link.</li>
 * </ul>
 */
public enum Decision {
  MATCHED,
  REVIEW,
  UNMATCHED
}
