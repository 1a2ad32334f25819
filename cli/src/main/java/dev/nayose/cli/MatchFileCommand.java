package dev.nayose.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.master.CompaniesCsvReader;
import dev.nayose.master.Company;
import dev.nayose.master.NtaFileReader;
import dev.nayose.master.Office;
import dev.nayose.master.OfficesCsvReader;
import dev.nayose.matcher.MasterIndex;
import dev.nayose.matcher.MasterIndexFactory;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.MatcherSettings;
import dev.nayose.matcher.ScoringMatchEngine;
import dev.nayose.intake.ChunkLimits;
import dev.nayose.intake.CsvSplitter;
import dev.nayose.intake.FileLimits;
import dev.nayose.intake.PartnerFile;
import dev.nayose.intake.SplitSummary;
import dev.nayose.intake.UploadText;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code nayose match-file}: the pipeline's matcher on files, without any server. The postings
 * file is read exactly as the split stage reads an upload (UTF-8 or Shift_JIS, canonical or Japanese
 * headers, the same row checks); rows it rejects are reported on standard error with their row,
 * column and reason, and counted.
 */
@Command(name = "match-file", description = "Match a postings CSV against a master (companies.csv, offices.csv, NTA file) with no servers; "
    + "write posting_id,decision,company_id,office_id,score,reasons.")
final class MatchFileCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Option(names = "--companies", paramLabel = "FILE", description = "companies.csv of the master.")
  Path companies;

  @Option(names = "--offices", paramLabel = "FILE", description = "offices.csv of the master.")
  Path offices;

  @Option(names = "--nta", paramLabel = "FILE", description = "NTA corporate-number file (30 columns; UTF-8 or Shift_JIS, plain, .gz or .zip).")
  Path nta;

  @Option(names = "--postings", paramLabel = "FILE", required = true, description = "The postings CSV, columns as for an upload.")
  Path postings;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where the decisions are written.")
  Path out;

  @Option(names = "--model", paramLabel = "FILE", description = "A match-model.properties instead of the shipped one.")
  Path model;

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    if (companies == null && nta == null) {
      err.println("match-file: give the master with --companies and/or --nta");
      return 2;
    }
    long started = System.nanoTime();
    List<Company> master = new ArrayList<>();
    if (nta != null) {
      master.addAll(NtaFileReader.read(nta).companies());
    }
    if (companies != null) {
      CompaniesCsvReader.read(companies, (line, company) -> master.add(company));
    }
    master.sort(Comparator.comparing(Company::companyId));
    Set<String> ids = new HashSet<>();
    for (Company c : master) {
      if (!ids.add(c.companyId())) {
        err.println("match-file: company " + c.companyId() + " is in the master twice (--nta and --companies?)");
        return 2;
      }
    }
    List<Office> officeRows = new ArrayList<>();
    if (offices != null) {
      OfficesCsvReader.read(offices, (line, office) -> officeRows.add(office));
    }
    MasterIndexFactory factory = new MasterIndexFactory();
    master.forEach(factory::add);
    officeRows.forEach(factory::add);
    int orphans = factory.skipped();
    master.clear();
    MasterIndex index = factory.build();
    MatchModel matchModel = model == null ? MatchModel.defaults() : readModel(model);
    ScoringMatchEngine engine = new ScoringMatchEngine(index, matchModel, MatcherSettings.defaults());
    err.printf(Locale.ROOT, "master: %,d companies, %,d offices%s, indexed in %.1f s%n", index.companyCount(),
        index.officeCount(), orphans > 0 ? " (" + orphans + " offices of unknown companies skipped)" : "",
        (System.nanoTime() - started) / 1e9);

    long matching = System.nanoTime();
    Map<dev.nayose.contracts.Decision, Long> decisions = new EnumMap<>(dev.nayose.contracts.Decision.class);
    SplitSummary summary;
    try (InputStream in = Files.newInputStream(postings);
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out, StandardCharsets.UTF_8);
        PartnerFile file = PartnerFile.open(in, null, FileLimits.DEFAULTS)) {
      csv.writeRecord("posting_id", "decision", "company_id", "office_id", "score", "reasons");
      UploadText text = file.text();
      summary = new CsvSplitter(new ChunkLimits(500, Integer.MAX_VALUE), posting -> 0, FileLimits.DEFAULTS,
          Path.of(System.getProperty("java.io.tmpdir"))).split(text.reader(),
          UploadText.displayName(text.encoding()), (chunk, rows) -> {
            for (JobPosting posting : rows) {
              MatchedPosting m = engine.match(posting);
              decisions.merge(m.decision(), 1L, Long::sum);
              csv.writeRecord(posting.postingId(), m.decision().name(), nullToEmpty(m.companyId()),
                  nullToEmpty(m.officeId()), String.format(Locale.ROOT, "%.4f", m.score()),
                  JSON.writeValueAsString(m.reasons()));
            }
          }, rejection -> err.printf("%s: row %d, column %s: %s (%s)%n", postings.getFileName(), rejection.rowNumber(),
              rejection.column() == null ? "-" : rejection.column(), rejection.reason(), rejection.code()),
          warning -> err.printf("%s: row %d, column %s: %s (%s, kept)%n", postings.getFileName(), warning.rowNumber(),
              warning.column() == null ? "-" : warning.column(), warning.reason(), warning.code()));
      file.finish();
    }
    double seconds = (System.nanoTime() - matching) / 1e9;
    long matched = summary.rowsAccepted();
    err.printf(Locale.ROOT, "postings: %,d rows = %,d matched + %,d rejected; %s; %.1f s (%,.0f postings/s); decisions in %s%n",
        summary.rowsTotal(), matched, summary.rowsTotal() - matched, decisions, seconds, matched / Math.max(seconds, 1e-9),
        out.toAbsolutePath());
    return 0;
  }

  private static MatchModel readModel(Path file) throws java.io.IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return MatchModel.read(in, file.toString());
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
