package dev.nayose.platform.ledger;

/**
 * A field of a loaded row that split-service changed or set aside: the warning's place in the
 * upload's warnings ({@code seq}, 1-based, file order: the key to page by), the row's 1-based file
 * line (header = row 1), the column ({@code null} for a header text naming no column), a stable
 * {@code code} such as {@code SALARY_RANGE}, the value as sent (characters that could not be kept
 * written as {@code <U+0000>}) and a sentence saying what was wrong and what became of the field.
 */
public record UploadWarning(long seq, long row, String column, String code, String value, String reason) {}
