package dev.nayose.contracts;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where an upload is stored in the uploads bucket and the user metadata stored with it; the
 * agreement between ingest-service, which writes the object, and split-service, which reads it
 * from the S3 event alone.
 *
 * <p>Key layout: {@code incoming/<partnerId>/<uploadId>/<fileName>}. {@code partnerId} matches
 * {@link #PARTNER_ID}; {@code fileName} is the partner's file name reduced to a safe form.
 */
public record UploadObject(String partnerId, UUID uploadId, String fileName) {

  public static final String PREFIX = "incoming/";
  /** Partner ids: lower-case letters, digits and hyphens, 1..64 characters. */
  public static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  /** S3 user metadata: the encoding the partner declared ({@code UTF-8}, {@code Shift_JIS}...), if any. */
  public static final String META_ENCODING = "nayose-encoding";
  /** S3 user metadata: the partner's original file name, percent-encoded (metadata is ASCII). */
  public static final String META_ORIGINAL_NAME = "nayose-original-name";

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
  private static final Pattern KEY = Pattern.compile(
      "incoming/([a-z0-9][a-z0-9-]{0,63})/([0-9a-fA-F-]{36})/([^/]+)");

  public UploadObject {
    Objects.requireNonNull(partnerId, "partnerId is required");
    if (!PARTNER_ID.matcher(partnerId).matches()) {
      throw new IllegalArgumentException("partnerId '" + partnerId + "' is not of the form " + PARTNER_ID);
    }
    Objects.requireNonNull(uploadId, "uploadId is required");
    fileName = safeName(fileName);
  }

  public String key() {
    return PREFIX + partnerId + "/" + uploadId + "/" + fileName;
  }

  /** Reads a key written by {@link #key()}; anything else is not an upload of this system. */
  public static UploadObject parse(String key) {
    var m = KEY.matcher(key);
    if (!m.matches()) {
      throw new IllegalArgumentException("object key '" + key + "' is not of the form "
          + PREFIX + "<partnerId>/<uploadId>/<fileName>");
    }
    return new UploadObject(m.group(1), UUID.fromString(m.group(2)), m.group(3));
  }

  static String safeName(String fileName) {
    String base = fileName == null ? "" : fileName.substring(fileName.lastIndexOf('/') + 1);
    String safe = UNSAFE.matcher(base).replaceAll("_");
    if (safe.isEmpty() || safe.chars().allMatch(c -> c == '_' || c == '.')) {
      return "upload.csv";
    }
    return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
  }
}
