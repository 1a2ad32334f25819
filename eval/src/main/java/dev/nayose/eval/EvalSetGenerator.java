package dev.nayose.eval;

import dev.nayose.master.Company;
import dev.nayose.master.Office;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an {@link EvalSet} from real companies (NTA records): a master drawn from them, and
 * postings that name master companies with partners' noise ({@link PostingNoise}) or, about one in
 * seven, companies that are not in the master, half of those under the name of a master company
 * that is elsewhere (another prefecture) — the case where a confident link would be wrong.
 *
 * <p>About a quarter of the master companies get one to three offices ({@code <companyId>-<k>},
 * named like 大阪支店) at the addresses of other real companies, which are not in the master; about
 * one posting of a master company in seven (15 %) is written at one of its company's offices: the
 * office's address, postal code and phone, the company's name, often followed by the office's.
 *
 * <p>Deterministic: the same companies, sizes and seed give the same set, whatever the order of
 * {@code companies}.
 */
public final class EvalSetGenerator {
  /** Share of postings whose company is not in the master (real feeds: about one in seven). */
  public static final double ABSENT_SHARE = 1.0 / 7;
  /** Share of absent-company postings written with a master company's name. */
  static final double ABSENT_NAMESAKE_SHARE = 0.5;
  /** Share of postings of a renamed company that use one of its former names. */
  static final double FORMER_NAME_SHARE = 0.3;
  /** Share of postings that give a corporate number. */
  static final double CORPORATE_NUMBER_SHARE = 0.3;
  /** Share of master companies that have offices (as in {@code SyntheticMasterWriter}). */
  static final double WITH_OFFICES_SHARE = 0.25;
  /** Share of postings of master companies written at one of the company's offices. */
  static final double OFFICE_POSTING_SHARE = 0.15;
  private static final List<String> OFFICE_KINDS = List.of("支店", "営業所", "工場");
  /** A city of a designated city's ward: the office is named after the city, 大阪市中央区 → 大阪. */
  private static final Pattern WARD = Pattern.compile("^(.+?)市.+区$");
  private static final Pattern DISTRICT = Pattern.compile("^.+郡(.+)$");

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
    Drawn drawn = draw(companies, masterSize);
    PostingNoise noise = new PostingNoise(drawn.random());
    List<EvalPosting> postings = new ArrayList<>(postingCount);
    for (int i = 0; i < postingCount; i++) {
      postings.add(standard(drawn, noise, postingId(i, postingCount)));
    }
    return new EvalSet(seed, drawn.master(), drawn.offices(), postings);
  }

  /**
   * Draws the master as {@link #generate} does and renders {@code postingCount} postings shaped like
   * a job feed's: each of a {@link NoiseKind} drawn with the shares of {@code mix}
   * ({@link FeedPostings}); the {@link NoiseKind#STANDARD} ones are the standard set's postings.
   */
  public EvalSet generateFeedMix(List<Company> companies, int masterSize, int postingCount, FeedMix mix) {
    Drawn drawn = draw(companies, masterSize);
    Random random = drawn.random();
    PostingNoise noise = new PostingNoise(random);
    FeedPostings feed = new FeedPostings(drawn.master(), drawn.absent(), noise, random);
    List<EvalPosting> postings = new ArrayList<>(postingCount);
    for (int i = 0; i < postingCount; i++) {
      NoiseKind kind = mix.draw(random.nextDouble());
      String postingId = postingId(i, postingCount);
      postings.add(kind == NoiseKind.STANDARD ? standard(drawn, noise, postingId) : feed.posting(kind, postingId));
    }
    return new EvalSet(seed, drawn.master(), drawn.offices(), postings);
  }

  /** The master, the companies left out of it, the offices, and the random generator that drew them. */
  private record Drawn(List<Company> master, List<Company> absent, List<Office> offices,
      Map<String, List<Office>> officesOf, List<Company> withOffices, Random random) {}

  private Drawn draw(List<Company> companies, int masterSize) {
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
    List<Office> offices = offices(master, absent, random);
    Map<String, List<Office>> officesOf = new LinkedHashMap<>();
    offices.forEach(o -> officesOf.computeIfAbsent(o.companyId(), id -> new ArrayList<>()).add(o));
    List<Company> withOffices = master.stream().filter(c -> officesOf.containsKey(c.companyId())).toList();
    return new Drawn(master, absent, offices, officesOf, withOffices, random);
  }

  private static String postingId(int i, int postingCount) {
    int width = Integer.toString(postingCount).length();
    return "E" + String.format("%0" + width + "d", i + 1);
  }

  /** One posting of the standard set. */
  private static EvalPosting standard(Drawn drawn, PostingNoise noise, String postingId) {
    Random random = drawn.random();
    List<Company> master = drawn.master();
    List<Company> absent = drawn.absent();
    if (random.nextDouble() < ABSENT_SHARE) {
      Company place = absent.get(random.nextInt(absent.size()));
      Company namesake = random.nextDouble() < ABSENT_NAMESAKE_SHARE ? namesakeElsewhere(master, place, random) : null;
      String name = namesake == null ? place.name() : namesake.name();
      return render(noise, postingId, name, place, 0.1, null);
    } else if (!drawn.withOffices().isEmpty() && random.nextDouble() < OFFICE_POSTING_SHARE) {
      Company company = drawn.withOffices().get(random.nextInt(drawn.withOffices().size()));
      List<Office> its = drawn.officesOf().get(company.companyId());
      return renderAtOffice(noise, postingId, company, its.get(random.nextInt(its.size())));
    } else {
      Company company = master.get(random.nextInt(master.size()));
      // partners keep writing a company's old name for a while after it changed
      String name = !company.formerNames().isEmpty() && random.nextDouble() < FORMER_NAME_SHARE
          ? company.formerNames().get(random.nextInt(company.formerNames().size())).name()
          : company.name();
      return render(noise, postingId, name, company, CORPORATE_NUMBER_SHARE, company.companyId());
    }
  }

  /**
   * Offices of about a quarter of {@code master} (in its order), each at the address of a company
   * of {@code places}; a company's offices have distinct names.
   */
  private static List<Office> offices(List<Company> master, List<Company> places, Random random) {
    List<Office> offices = new ArrayList<>();
    for (Company company : master) {
      if (random.nextDouble() >= WITH_OFFICES_SHARE) {
        continue;
      }
      int count = 1 + random.nextInt(3);
      Set<String> names = new HashSet<>();
      for (int k = 0; k < count; k++) {
        Company place = places.get(random.nextInt(places.size()));
        String name = shortCity(place.city()) + OFFICE_KINDS.get(random.nextInt(OFFICE_KINDS.size()));
        if (!names.add(name)) {
          continue;
        }
        String officeId = company.companyId() + "-" + names.size();
        String phone = phone(officeId);
        if (phone.equals(company.phone())) {
          phone = phone(officeId + "'");
        }
        offices.add(new Office(officeId, company.companyId(), name, place.prefecture(), place.city(), place.street(),
            place.postalCode(), phone));
      }
    }
    return offices;
  }

  /** The city as an office's name says it: 大阪市中央区 → 大阪, 川越市 → 川越, 千代田区 → 千代田, 西多摩郡瑞穂町 → 瑞穂. */
  static String shortCity(String city) {
    String name = city;
    Matcher ward = WARD.matcher(name);
    Matcher district = DISTRICT.matcher(name);
    if (ward.matches()) {
      name = ward.group(1);
    } else if (district.matches()) {
      name = district.group(1);
    }
    if (name.length() > 2 && "市区町村".indexOf(name.charAt(name.length() - 1)) >= 0) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
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

  private static EvalPosting renderAtOffice(PostingNoise noise, String postingId, Company company, Office office) {
    return new EvalPosting(postingId,
        noise.name(company.name(), office.city(), office.name()),
        noise.corporateNumber(company.corporateNumber(), CORPORATE_NUMBER_SHARE),
        noise.postalCode(office.postalCode()),
        noise.address(office.prefecture(), office.city(), office.street()),
        noise.phone(office.phone()),
        noise.workLocation(office.prefecture(), office.city()),
        company.companyId(),
        office.officeId());
  }

  /** The company with a made-up but stable phone number (NTA records have none). */
  static Company withPhone(Company c) {
    return new Company(c.companyId(), c.corporateNumber(), c.name(), c.nameKana(), c.prefecture(), c.city(),
        c.street(), c.postalCode(), phone(c.companyId()), c.website(), c.kind(), c.closedOn(), c.closeCause(),
        c.formerNames());
  }

  /** A made-up phone number that depends only on {@code key}. */
  static String phone(String key) {
    long h = Integer.toUnsignedLong(key.hashCode()) * 2_654_435_761L;
    // the product can pass 2^63: a signed remainder would give areas like "-3"
    String area = Long.toString(3 + Long.remainderUnsigned(h, 97) % 7);
    return "0" + area + "-" + String.format("%04d", (h >>> 8) % 10_000) + "-"
        + String.format("%04d", (h >>> 24) % 10_000);
  }
}
