package dev.nayose.platform.ledger;

/**
 * A row of an upload that was not loaded because it could not be read: its 1-based file line
 * (header = row 1), the column at fault ({@code null} when the row as a whole is wrong), a stable
 * {@code code} such as {@code INVALID_AMOUNT} and a sentence saying why.
 */
public record UploadRejection(long row, String column, String code, String reason) {}
