package dev.nayose.matcher;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The companies' own columns, one entry per company {@code 0 .. count()-1} in ascending
 * {@code companyId} order: id, corporate number (with its sorted lookup), legal form, closed,
 * website domain (a dictionary id), and how many companies share a legal form or a website.
 */
final class CompanyTable {
  private final int count;
  private final Arena ids;
  private final long[] corporateNumbers;
  private final byte[] legalForms;
  private final BitSet closed;
  private final int[] website;
  private final String[] websites;
  private final int[] websiteCounts;
  private final int[] legalFormCounts = new int[LegalForm.values().length];
  private final long[] numberKeys;
  private final int[] numberCompanies;

  /**
   * The arrays are copied to {@code count} entries; {@code corporateNumbers} holds 0 for none,
   * {@code legalForms} -1 for none, {@code website} a {@code websites} index or -1.
   */
  CompanyTable(int count, Arena ids, long[] corporateNumbers, byte[] legalForms, BitSet closed, int[] website,
      List<String> websites) {
    this.count = count;
    this.ids = ids;
    this.corporateNumbers = Arrays.copyOf(corporateNumbers, count);
    this.legalForms = Arrays.copyOf(legalForms, count);
    this.closed = (BitSet) closed.clone();
    this.website = Arrays.copyOf(website, count);
    this.websites = websites.toArray(String[]::new);
    this.websiteCounts = new int[this.websites.length];
    for (int c = 0; c < count; c++) {
      if (this.website[c] >= 0) {
        websiteCounts[this.website[c]]++;
      }
      if (this.legalForms[c] >= 0) {
        legalFormCounts[this.legalForms[c]]++;
      }
    }

    int numbered = 0;
    long[] numbers = new long[count];
    int[] numberOwners = new int[count];
    for (int c = 0; c < count; c++) {
      if (this.corporateNumbers[c] > 0) {
        numbers[numbered] = this.corporateNumbers[c];
        numberOwners[numbered++] = c;
      }
    }
    LongIntSort.sort(numbers, numberOwners, 0, numbered);
    this.numberKeys = Arrays.copyOf(numbers, numbered);
    this.numberCompanies = Arrays.copyOf(numberOwners, numbered);
  }

  int count() {
    return count;
  }

  String id(int company) {
    return ids.string(company);
  }

  /** The number of the company with this id, or -1. */
  int find(String companyId) {
    return find(ids, count, companyId);
  }

  /** Binary search of {@code companyId} among the first {@code count} ids, which are in ascending order. */
  static int find(Arena ids, int count, String companyId) {
    int low = 0;
    int high = count - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = ids.string(mid).compareTo(companyId);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The company's 13-digit corporate number, or {@code null}. */
  String corporateNumber(int company) {
    long number = corporateNumbers[company];
    return number == 0 ? null : digits13(number);
  }

  boolean hasCorporateNumber(int company) {
    return corporateNumbers[company] != 0;
  }

  boolean corporateNumberIs(int company, String digits) {
    return corporateNumbers[company] != 0 && corporateNumbers[company] == parse13(digits);
  }

  /** The company with this 13-digit corporate number, or -1. */
  int findByCorporateNumber(String corporateNumber) {
    long key = parse13(corporateNumber);
    if (key <= 0) {
      return -1;
    }
    int at = Arrays.binarySearch(numberKeys, key);
    return at >= 0 ? numberCompanies[at] : -1;
  }

  boolean isClosed(int company) {
    return closed.get(company);
  }

  LegalForm legalForm(int company) {
    return LegalForm.ofOrdinal(legalForms[company]);
  }

  int legalFormCount(LegalForm form) {
    return legalFormCounts[form.ordinal()];
  }

  String website(int company) {
    return website[company] < 0 ? null : websites[website[company]];
  }

  int websiteCount(int company) {
    return website[company] < 0 ? 0 : websiteCounts[website[company]];
  }

  /** The value of a 13-digit number, or -1 when {@code text} is not one. */
  static long parse13(String text) {
    if (text == null || text.length() != 13) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < 13; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static String digits13(long number) {
    String digits = Long.toString(number);
    return digits.length() >= 13 ? digits : "0".repeat(13 - digits.length()) + digits;
  }
}
