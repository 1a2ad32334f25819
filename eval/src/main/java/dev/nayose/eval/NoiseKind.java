package dev.nayose.eval;

/**
 * What a posting of an evaluation set was made to look like (issue 12): the standard partners'
 * noise, or one of the shapes real job feeds take. The evaluation reports its figures per kind.
 */
public enum NoiseKind {
  /** The standard set's postings ({@link PostingNoise}): legal forms, width, typos, branches, offices, absent companies. */
  STANDARD,
  /** The registered name with what job feeds put around it: 採用担当, 【正社員】, （本社）, グループ, ★ … */
  DECORATED,
  /** The registered name with punctuation variants: ・ ･ ·, ＆ & アンド, spaces between words, dash look-alikes. */
  PUNCTUATION,
  /** A one-character kanji typo in the name, the right furigana (NTA column 29) in {@code company_name_kana}. */
  KANA_TYPO,
  /** Only the furigana as the name (and as {@code company_name_kana}), and the address. */
  KANA_ONLY,
  /** The name, and the prefecture and city only: no street, postal code, phone or corporate number. */
  CITY_ONLY,
  /** Name, address and phone of the right company, the valid corporate number of another master company. */
  WRONG_CORPORATE_NUMBER,
  /**
   * A company absent from the master, named one character away from a master company of the same
   * prefecture (at an absent company's address there): must never be MATCHED.
   */
  ABSENT_NEIGHBOUR
}
