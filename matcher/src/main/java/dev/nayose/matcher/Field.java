package dev.nayose.matcher;

import java.util.List;

/**
 * The fields the matcher compares and the comparison levels of each, best agreement first. A field
 * that either side lacks is not compared and weighs nothing (the Fellegi-Sunter convention for
 * missing values).
 */
public enum Field {
  /** 法人番号: the same valid number; a posted number whose check digit fails one digit away from the company's; another valid number. */
  CORPORATE_NUMBER("corporate_number", "EXACT", "TYPO", "DIFFERENT"),
  /**
   * The normalised name against the company's current and former names: equal; equal to a former
   * name; the company's name followed by a branch ({@code ヤマト運輸新宿支店}); equal once a group or
   * site word is taken off the posting's name ({@code 山田製作所グループ}, {@link Decorations}); one or two edits
   * apart; one containing the other; sharing half their bigrams; different.
   */
  NAME("name", "EXACT", "FORMER", "BRANCH", "DECORATED", "NEAR", "CONTAINS", "SIMILAR", "DIFFERENT"),
  LEGAL_FORM("legal_form", "AGREE", "DISAGREE"),
  /**
   * The posting's address (or work location) against the company's or an office's: the same house
   * number; the same town (one side without a house number); the same town with another house
   * number; city; the same prefecture but another city; the same prefecture where one side names
   * no city; different.
   */
  ADDRESS("address", "BLOCK", "TOWN", "TOWN_OTHER_NUMBER", "CITY", "PREFECTURE", "PREFECTURE_ONLY", "DIFFERENT"),
  POSTAL_CODE("postal_code", "EXACT", "DIFFERENT"),
  PHONE("phone", "EXACT", "DIFFERENT"),
  WEBSITE("website", "EXACT", "DIFFERENT"),
  /**
   * The reading (furigana, {@link KanaFolding folded}) the posting gives in {@code company_name_kana},
   * or its name when written in kana only, against the company's: equal; one edit apart (five kana or
   * more); different. The name read a second time: the engine adds the better of the name's and the
   * reading's weights, never both.
   */
  KANA("kana", "EXACT", "NEAR", "DIFFERENT");

  /** Levels shared by every field. */
  public static final int NOT_COMPARED = -1;

  private final String key;
  private final List<String> levels;

  Field(String key, String... levels) {
    this.key = key;
    this.levels = List.of(levels);
  }

  /** The name in evidence and in the model file, e.g. {@code postal_code}. */
  public String key() {
    return key;
  }

  public List<String> levels() {
    return levels;
  }

  /** The index of a level by its name. */
  public int level(String name) {
    int at = levels.indexOf(name);
    if (at < 0) {
      throw new IllegalArgumentException(key + " has no level " + name + "; levels: " + levels);
    }
    return at;
  }

  /** The level that says the values differ: always the last. */
  public int different() {
    return levels.size() - 1;
  }
}
