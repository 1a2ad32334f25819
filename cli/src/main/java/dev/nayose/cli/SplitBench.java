package dev.nayose.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.nayose.contracts.JobPosting;
import dev.nayose.intake.ChunkLimits;
import dev.nayose.intake.CsvSplitter;
import dev.nayose.intake.FileLimits;
import dev.nayose.intake.PartnerFile;
import dev.nayose.intake.SplitSummary;
import dev.nayose.intake.UploadText;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * {@code nayose bench split}: the split of one file of N generated rows, as split-service splits
 * it — {@link PartnerFile}, {@link CsvSplitter} with the default {@link FileLimits}, chunks of 500
 * postings and 160 KB spooled to disk as JSON lines, rejections and warnings spooled too, the
 * chunks read back as they are published — in a child JVM of the heap given, so that the heap
 * measured is the split's alone.
 *
 * <p>The file is written to a temporary directory as it is generated (never held): rows of about
 * 230 bytes (id, company, address, phone, title, salaries, a description, a date); every 1,000th
 * row lacks its company name (a rejection) and one row in 100,000 repeats an earlier id (a duplicate).
 */
final class SplitBench {
  /** What split-service's chunks may take: the message limit less its envelope, as its handler computes. */
  private static final ChunkLimits CHUNKS = new ChunkLimits(500, 160 * 1024 - 200);

  private SplitBench() {
  }

  /** Writes the file of {@code rows} data rows; returns its size in bytes. */
  static long generate(Path file, long rows) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("posting_id,company_name,address,phone,job_title,salary_min,salary_max,description,posted_at\n");
      var row = new StringBuilder(256);
      for (long i = 1; i <= rows; i++) {
        row.setLength(0);
        long id = i % 100_000 == 50_001 ? i - 50_000 : i;
        row.append("P-").append(String.format(Locale.ROOT, "%09d", id)).append(',');
        if (i % 1_000 != 0) {
          row.append("株式会社サンプル").append(i % 50_000).append(',');
        } else {
          row.append(',');
        }
        row.append("東京都千代田区丸の内").append(i % 9 + 1).append("-").append(i % 20 + 1).append("-1,")
            .append("03-").append(String.format(Locale.ROOT, "%04d-%04d", i % 10_000, (i * 7) % 10_000)).append(',')
            .append("営業職（法人向け）").append(i % 13).append(',')
            .append(200_000 + i % 100_000).append(',').append(300_000 + i % 200_000).append(',')
            .append("\"法人顧客への提案営業、既存顧客のフォロー、新規開拓を担当します。経験不問\"").append(',')
            .append("2026-11-").append(String.format(Locale.ROOT, "%02d", i % 28 + 1)).append('\n');
        out.append(row);
      }
    }
    return Files.size(file);
  }

  /**
   * Splits {@code file} in this JVM, measuring as it goes; the figures as a map of name to number.
   *
   * @param spool where chunks, rejections, warnings and the posting-id table go
   */
  static Map<String, Object> split(Path file, Path spool) throws Exception {
    Files.createDirectories(spool);
    var afterGc = new AtomicLong();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(u -> u.getUsed()).sum();
          afterGc.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    afterGc.set(0);

    var idTable = new AtomicLong();
    var sampling = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        idTable.accumulateAndGet(tableBytes(spool), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "id-table-size");
    sampling.setDaemon(true);
    sampling.start();

    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStarted = os.getProcessCpuTime();
    long started = System.nanoTime();
    Path chunks = Files.createTempFile(spool, "bench-", ".chunks.jsonl");
    Path rejections = Files.createTempFile(spool, "bench-", ".rejections.jsonl");
    Path warnings = Files.createTempFile(spool, "bench-", ".warnings.jsonl");
    SplitSummary summary;
    long published = 0;
    try {
      try (InputStream in = Files.newInputStream(file);
          PartnerFile partnerFile = PartnerFile.open(in, null, FileLimits.DEFAULTS);
          BufferedWriter chunkOut = Files.newBufferedWriter(chunks, StandardCharsets.UTF_8);
          BufferedWriter rejectionOut = Files.newBufferedWriter(rejections, StandardCharsets.UTF_8);
          BufferedWriter warningOut = Files.newBufferedWriter(warnings, StandardCharsets.UTF_8)) {
        UploadText text = partnerFile.text();
        summary = new CsvSplitter(CHUNKS, p -> NayoseCli.JSON.writeValueAsBytes(p).length, FileLimits.DEFAULTS, spool)
            .split(text.reader(), UploadText.displayName(text.encoding()),
                (index, postings) -> line(chunkOut, postings),
                rejection -> line(rejectionOut, rejection),
                warning -> line(warningOut, warning));
        partnerFile.finish();
      }
      // as split-service publishes them: each chunk read back from the spool
      try (BufferedReader in = Files.newBufferedReader(chunks, StandardCharsets.UTF_8)) {
        for (String l = in.readLine(); l != null; l = in.readLine()) {
          published += NayoseCli.JSON.readValue(l, JobPosting[].class).length;
        }
      }
    } finally {
      sampling.interrupt();
      sampling.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9;
    long spoolBytes = Files.size(chunks) + Files.size(rejections) + Files.size(warnings);
    long leftTables = tableBytes(spool);
    Files.delete(chunks);
    Files.delete(rejections);
    Files.delete(warnings);
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rows", summary.rowsTotal());
    figures.put("accepted", summary.rowsAccepted());
    figures.put("rejected", summary.rowsRejected());
    figures.put("duplicates", summary.rowsDuplicate());
    figures.put("warnings", summary.warningCount());
    figures.put("published", published);
    figures.put("chunks", summary.chunkCount());
    figures.put("bytes", Files.size(file));
    figures.put("seconds", seconds);
    figures.put("rowsPerSecond", summary.rowsTotal() / seconds);
    figures.put("cpuSeconds", cpuSeconds);
    figures.put("loadAverage", os.getSystemLoadAverage());
    figures.put("maxHeap", Runtime.getRuntime().maxMemory());
    figures.put("heapBaseline", baseline);
    figures.put("peakHeap", peak);
    figures.put("peakHeapAfterGc", afterGc.get());
    figures.put("idTableFileBytes", idTable.get());
    figures.put("idTableLeftAfterSplit", leftTables);
    figures.put("spoolBytes", spoolBytes);
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("java", System.getProperty("java.version"));
    return figures;
  }

  private static void line(BufferedWriter out, Object value) {
    try {
      out.write(NayoseCli.JSON.writeValueAsString(value));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The posting-id table's file, if the split has one now (its size as the file system shows it: sparse). */
  private static long tableBytes(Path spool) {
    try (Stream<Path> files = Files.list(spool)) {
      long bytes = 0;
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().startsWith("posting-ids-")) {
          try {
            bytes += Files.size(f);
          } catch (IOException gone) {
            // deleted as the table grew
          }
        }
      }
      return bytes;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The command that starts this JVM's CLI again, with {@code heap} as its -Xmx. */
  static List<String> childCommand(String heap, List<String> args) {
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx" + heap, "-Xms64m"));
    if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
      command.addAll(List.of("-jar", classPath));
    } else {
      command.addAll(List.of("-cp", classPath, NayoseCli.class.getName()));
    }
    command.addAll(args);
    return command;
  }
}
