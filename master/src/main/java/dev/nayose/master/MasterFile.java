package dev.nayose.master;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One file of a master version and what kind of file it is. A version applies its files in
 * {@link #inApplyOrder} order: NTA files in the order given, then companies.csv, then offices.csv,
 * so that offices can name companies of the same version.
 */
public record MasterFile(Kind kind, Path path) {

  /** The kinds of master file, in the order a version applies them. */
  public enum Kind {
    /** The National Tax Agency's corporate-number CSV ({@link NtaFileReader}). */
    NTA("nta"),
    /** The project's companies.csv ({@link CompaniesCsvReader}). */
    COMPANIES("companies"),
    /** The project's offices.csv ({@link OfficesCsvReader}). */
    OFFICES("offices");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  public MasterFile {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
  }

  public static MasterFile nta(Path path) {
    return new MasterFile(Kind.NTA, path);
  }

  public static MasterFile companies(Path path) {
    return new MasterFile(Kind.COMPANIES, path);
  }

  public static MasterFile offices(Path path) {
    return new MasterFile(Kind.OFFICES, path);
  }

  /** How the file is named in reports and {@code master_version.sources}, e.g. {@code nta:nta-20260821.csv}. */
  public String source() {
    return kind.prefix + ":" + path.getFileName();
  }

  /** {@code files} sorted by kind, keeping the given order within a kind. */
  public static List<MasterFile> inApplyOrder(List<MasterFile> files) {
    return files.stream().sorted(Comparator.comparing(MasterFile::kind)).toList();
  }
}
