package dev.nayose.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which field of a row holds which {@link CanonicalColumn}, read from the header row.
 *
 * <p>Invariants: every {@link CanonicalColumn#REQUIRED} column is present; no column is named
 * twice; columns in any order. Header texts that name no column are ignored and listed in
 * {@link #unknownColumns()}.
 */
public final class HeaderMapping {
  private final int fieldCount;
  private final Map<CanonicalColumn, Integer> positions;
  private final Map<CanonicalColumn, String> written;
  private final List<String> unknownColumns;
  private final List<String> texts;

  private HeaderMapping(List<String> texts, Map<CanonicalColumn, Integer> positions, Map<CanonicalColumn, String> written,
      List<String> unknownColumns) {
    this.fieldCount = texts.size();
    this.texts = List.copyOf(texts);
    this.positions = positions;
    this.written = written;
    this.unknownColumns = List.copyOf(unknownColumns);
  }

  /**
   * Reads a header row.
   *
   * @throws UnreadableFileException when no field is a known column name, a required column is
   *     missing, or two fields name the same column
   */
  public static HeaderMapping of(List<String> header) throws UnreadableFileException {
    Map<CanonicalColumn, Integer> positions = new EnumMap<>(CanonicalColumn.class);
    Map<CanonicalColumn, String> written = new EnumMap<>(CanonicalColumn.class);
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String text = header.get(i).strip();
      Optional<CanonicalColumn> column = CanonicalColumn.forHeader(text);
      if (column.isEmpty()) {
        unknown.add(text);
        continue;
      }
      Integer earlier = positions.putIfAbsent(column.get(), i);
      if (earlier != null) {
        throw new UnreadableFileException(FileProblem.DUPLICATE_COLUMN, "header columns " + (earlier + 1) + " (" + written.get(column.get()) + ") and "
            + (i + 1) + " (" + text + ") both name " + column.get().canonicalName() + "; keep one of them");
      }
      written.put(column.get(), text);
    }
    if (positions.isEmpty()) {
      throw new UnreadableFileException(FileProblem.NO_HEADER, "the first row is not a header: none of its " + header.size()
          + " column(s) is a known column name; the file must start with a header row naming at least "
          + names(CanonicalColumn.REQUIRED) + otherDelimiter(header));
    }
    List<CanonicalColumn> missing = CanonicalColumn.REQUIRED.stream().filter(c -> !positions.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new UnreadableFileException(FileProblem.MISSING_COLUMN, "the header has no " + missing.stream()
          .map(c -> c.canonicalName() + " column (accepted names: " + String.join(", ", c.headerNames()) + ")")
          .collect(Collectors.joining(" and no ")));
    }
    return new HeaderMapping(header.stream().map(String::strip).toList(), positions, written, unknown);
  }

  /** Delimiters spreadsheets write instead of the comma, with their names for a person. */
  private static final List<Map.Entry<Character, String>> OTHER_DELIMITERS = List.of(Map.entry('\t', "tab"),
      Map.entry(';', "semicolon"), Map.entry('|', "pipe"));

  /**
   * Why a one-column header names no column, when it is because the file is cut by another
   * delimiter (a tab-separated export, a European Excel's semicolons): said, with what to send.
   */
  private static String otherDelimiter(List<String> header) {
    if (header.size() != 1) {
      return "";
    }
    String only = header.get(0);
    for (Map.Entry<Character, String> delimiter : OTHER_DELIMITERS) {
      String[] parts = only.split(java.util.regex.Pattern.quote(delimiter.getKey().toString()), -1);
      if (parts.length > 1 && java.util.Arrays.stream(parts).anyMatch(p -> CanonicalColumn.forHeader(p.strip()).isPresent())) {
        return ". Its first row is " + delimiter.getValue() + "-separated (" + parts.length + " names between "
            + delimiter.getValue() + "s), but nayose reads comma-separated values: save the file as CSV "
            + "(comma-delimited) and upload that";
      }
    }
    return "";
  }

  /** Fields every row must have: the header's. */
  public int fieldCount() {
    return fieldCount;
  }

  /** 0-based position of the column's field, if the file has the column. */
  Optional<Integer> position(CanonicalColumn column) {
    return Optional.ofNullable(positions.get(column));
  }

  /** The column's header as the partner wrote it, e.g. {@code 会社名}; the canonical name when absent. */
  String written(CanonicalColumn column) {
    return written.getOrDefault(column, column.canonicalName());
  }

  /** The columns the file has, in canonical order. */
  public List<CanonicalColumn> columns() {
    return List.copyOf(positions.keySet());
  }

  /**
   * Every column of the header in file order: what it says (stripped) and the field it fills, or
   * none when it names no column and is ignored.
   */
  public List<HeaderColumn> mapping() {
    List<HeaderColumn> columns = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      int position = i;
      String field = positions.entrySet().stream().filter(e -> e.getValue() == position).findFirst()
          .map(e -> e.getKey().canonicalName()).orElse(null);
      columns.add(new HeaderColumn(i + 1, texts.get(i), field));
    }
    return columns;
  }

  /**
   * One column of a header.
   *
   * @param position 1-based, as a spreadsheet counts columns
   * @param header the header text as the partner wrote it (stripped)
   * @param field the canonical field it fills ({@code company_name}), or {@code null} when it names
   *     no column and is ignored
   */
  public record HeaderColumn(int position, String header, String field) {}

  /** Header texts that name no column (ignored), as written. */
  public List<String> unknownColumns() {
    return unknownColumns;
  }

  private static String names(List<CanonicalColumn> columns) {
    return columns.stream()
        .map(c -> c.canonicalName() + " (or " + c.headerNames().get(1) + ")")
        .collect(Collectors.joining(" and "));
  }

  @Override
  public String toString() {
    return "HeaderMapping" + positions + ", ignored " + unknownColumns;
  }
}
