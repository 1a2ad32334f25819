package dev.nayose.split.app;

import dev.nayose.contracts.JobPosting;
import dev.nayose.intake.ChunkSink;
import dev.nayose.intake.Rejection;
import dev.nayose.intake.RejectionSink;
import dev.nayose.intake.UploadWarning;
import dev.nayose.intake.WarningSink;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Temporary files that hold the chunks, rejections and warnings of one split until the file has been read
 * to its end: the chunk count, which every chunk message carries, is only known then, and nothing
 * is written to the database or the queue before the whole file proved readable. One JSON line
 * per chunk (its postings), per rejection and per warning. {@link #close()} deletes the files.
 */
final class SplitSpool implements ChunkSink, RejectionSink, WarningSink, Closeable {
  private final JsonMapper json;
  private final Path chunkFile;
  private final Path rejectionFile;
  private final Path warningFile;
  private final BufferedWriter chunkWriter;
  private final BufferedWriter rejectionWriter;
  private final BufferedWriter warningWriter;
  private final List<Closeable> readers = new ArrayList<>();
  private int chunks;

  SplitSpool(Path directory, UUID uploadId, JsonMapper json) {
    this.json = json;
    try {
      Files.createDirectories(directory);
      chunkFile = Files.createTempFile(directory, "split-" + uploadId + "-", ".chunks.jsonl");
      rejectionFile = Files.createTempFile(directory, "split-" + uploadId + "-", ".rejections.jsonl");
      warningFile = Files.createTempFile(directory, "split-" + uploadId + "-", ".warnings.jsonl");
      chunkWriter = Files.newBufferedWriter(chunkFile, StandardCharsets.UTF_8);
      rejectionWriter = Files.newBufferedWriter(rejectionFile, StandardCharsets.UTF_8);
      warningWriter = Files.newBufferedWriter(warningFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot create the spool files of upload " + uploadId + " in " + directory, e);
    }
  }

  @Override
  public void accept(int chunkIndex, List<JobPosting> postings) {
    if (chunkIndex != chunks) {
      throw new IllegalStateException("chunk " + chunkIndex + " arrived, expected " + chunks);
    }
    writeLine(chunkWriter, json.writeValueAsString(postings));
    chunks++;
  }

  @Override
  public void accept(Rejection rejection) {
    writeLine(rejectionWriter, json.writeValueAsString(rejection));
  }

  @Override
  public void accept(UploadWarning warning) {
    writeLine(warningWriter, json.writeValueAsString(warning));
  }

  /** Chunks spooled so far. */
  int chunkCount() {
    return chunks;
  }

  /** Ends writing; the spooled chunks, rejections and warnings can be read from now on. */
  void finish() {
    try {
      chunkWriter.close();
      rejectionWriter.close();
      warningWriter.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the spool files " + chunkFile + ", " + rejectionFile + ", "
          + warningFile, e);
    }
  }

  /** The chunks' postings, chunk 0 first; read lazily, open until {@link #close()}. */
  Iterator<List<JobPosting>> chunks() {
    return lines(chunkFile, line -> List.of(json.readValue(line, JobPosting[].class)));
  }

  /** The rejections in row order; read lazily, open until {@link #close()}. */
  Iterator<Rejection> rejections() {
    return lines(rejectionFile, line -> json.readValue(line, Rejection.class));
  }

  /** The warnings in row order; read lazily, open until {@link #close()}. */
  Iterator<UploadWarning> warnings() {
    return lines(warningFile, line -> json.readValue(line, UploadWarning.class));
  }

  private <T> Iterator<T> lines(Path file, java.util.function.Function<String, T> read) {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spool file " + file, e);
    }
    readers.add(reader);
    return new Iterator<>() {
      private String next = readLine();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public T next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        T value = read.apply(next);
        next = readLine();
        return value;
      }

      private String readLine() {
        try {
          return reader.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the spool file " + file, e);
        }
      }
    };
  }

  private static void writeLine(BufferedWriter writer, String line) {
    try {
      writer.write(line);
      writer.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a spool file", e);
    }
  }

  /** Closes and deletes the files; never throws, so that it cannot hide the failure it follows. */
  @Override
  public void close() {
    for (Closeable c : new Closeable[] {chunkWriter, rejectionWriter, warningWriter}) {
      closeQuietly(c);
    }
    readers.forEach(SplitSpool::closeQuietly);
    for (Path file : new Path[] {chunkFile, rejectionFile, warningFile}) {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a left-over temporary file is not worth failing a split for; the OS cleans tmp
        }
      }
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing after the fact: nothing left to lose
      }
    }
  }
}
