package dev.nayose.eval;

import dev.nayose.master.Company;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Builds an {@link EvalSet} from real companies (NTA records): a master drawn from them, and
 * postings that name master companies with partners' noise ({@link PostingNoise}) or, about one in
 * seven, companies that are not in the master, half of those under the name of a master company
 * that is elsewhere (another prefecture) — the case where a confident link would be wrong.
 *
 * <p>Deterministic: the same companies, sizes and seed give the same set, whatever the order of
 * {@code companies}.
 */
public final class EvalSetGenerator {
  /** Share of postings whose company is not in the master (real feeds: about one in seven). */
  public static final double ABSENT_SHARE = 1.0 / 7;
  /** Share of absent-company postings written with a master company's name. */
  static final double ABSENT_NAMESAKE_SHARE = 0.5;
  /** Share of postings that give a corporate number. */
  static final double CORPORATE_NUMBER_SHARE = 0.3;

  private final long seed;

  public EvalSetGenerator(long seed) {
    this.seed = seed;
  }

  /**
   * Draws {@code masterSize} open companies with a prefecture and city as the master and renders
   * {@code postingCount} postings.
   *
   * @throws IllegalArgumentException when there are not enough usable companies for the master and
   *     at least some absent ones
   */
  public EvalSet generate(List<Company> companies, int masterSize, int postingCount) {
    List<Company> usable = new ArrayList<>();
    for (Company c : companies) {
      if (!c.closed() && c.prefecture() != null && c.city() != null) {
        usable.add(c);
      }
    }
    usable.sort(Comparator.comparing(Company::companyId));
    if (usable.size() < masterSize + 10) {
      throw new IllegalArgumentException("need more than " + (masterSize + 10) + " open companies with an address, have "
          + usable.size());
    }
    Random random = new Random(seed);
    Collections.shuffle(usable, random);
    List<Company> master = new ArrayList<>(masterSize);
    for (Company c : usable.subList(0, masterSize)) {
      master.add(withPhone(c));
    }
    List<Company> absent = new ArrayList<>();
    for (Company c : usable.subList(masterSize, usable.size())) {
      absent.add(withPhone(c));
    }
    master.sort(Comparator.comparing(Company::companyId));

    PostingNoise noise = new PostingNoise(random);
    List<EvalPosting> postings = new ArrayList<>(postingCount);
    int width = Integer.toString(postingCount).length();
    for (int i = 0; i < postingCount; i++) {
      String postingId = "E" + String.format("%0" + width + "d", i + 1);
      if (random.nextDouble() < ABSENT_SHARE) {
        Company place = absent.get(random.nextInt(absent.size()));
        Company namesake = random.nextDouble() < ABSENT_NAMESAKE_SHARE ? namesakeElsewhere(master, place, random) : null;
        String name = namesake == null ? place.name() : namesake.name();
        postings.add(render(noise, postingId, name, place, 0.1, null));
      } else {
        Company company = master.get(random.nextInt(master.size()));
        postings.add(render(noise, postingId, company.name(), company, CORPORATE_NUMBER_SHARE, company.companyId()));
      }
    }
    return new EvalSet(seed, master, postings);
  }

  private static Company namesakeElsewhere(List<Company> master, Company place, Random random) {
    for (int attempt = 0; attempt < 20; attempt++) {
      Company candidate = master.get(random.nextInt(master.size()));
      if (!Objects.equals(candidate.prefecture(), place.prefecture())) {
        return candidate;
      }
    }
    return null;
  }

  private static EvalPosting render(PostingNoise noise, String postingId, String name, Company place,
      double numberShare, String truth) {
    return new EvalPosting(postingId,
        noise.name(name, place.city()),
        noise.corporateNumber(place.corporateNumber(), numberShare),
        noise.postalCode(place.postalCode()),
        noise.address(place.prefecture(), place.city(), place.street()),
        noise.phone(place.phone()),
        noise.workLocation(place.prefecture(), place.city()),
        truth);
  }

  /** The company with a made-up but stable phone number (NTA records have none). */
  static Company withPhone(Company c) {
    long h = Integer.toUnsignedLong(c.companyId().hashCode()) * 2_654_435_761L;
    String area = Long.toString(3 + (h % 97) % 7);
    String phone = "0" + area + "-" + String.format("%04d", (h >>> 8) % 10_000) + "-"
        + String.format("%04d", (h >>> 24) % 10_000);
    return new Company(c.companyId(), c.corporateNumber(), c.name(), c.nameKana(), c.prefecture(), c.city(),
        c.street(), c.postalCode(), phone, c.website(), c.kind(), c.closedOn(), c.closeCause(), c.formerNames());
  }
}
