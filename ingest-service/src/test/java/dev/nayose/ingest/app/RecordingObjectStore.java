package dev.nayose.ingest.app;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An object store that keeps what it is given in memory and can be told to fail at a given
 * part, for the tests of the streaming logic (the real S3 is tested in the *IT tests).
 */
final class RecordingObjectStore implements ObjectStore {
  final Map<String, byte[]> objects = new LinkedHashMap<>();
  final Map<String, Map<String, String>> metadata = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  final List<Integer> partLengths = new ArrayList<>();
  private final Map<String, ByteArrayOutputStream> multiparts = new LinkedHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  int failAtPart = -1;

  @Override
  public String put(String key, Map<String, String> meta, byte[] bytes, int length) {
    calls.add("put");
    objects.put(key, Arrays.copyOf(bytes, length));
    metadata.put(key, Map.copyOf(meta));
    return "\"etag-" + key.hashCode() + "\"";
  }

  @Override
  public String startMultipart(String key, Map<String, String> meta) {
    calls.add("start");
    String id = "mp-" + ids.incrementAndGet();
    multiparts.put(id, new ByteArrayOutputStream());
    metadata.put(key, Map.copyOf(meta));
    return id;
  }

  @Override
  public PartReceipt putPart(String key, String multipartId, int partNumber, byte[] bytes, int length) {
    calls.add("part " + partNumber);
    if (partNumber == failAtPart) {
      throw new IllegalStateException("S3 said 503 to part " + partNumber);
    }
    partLengths.add(length);
    multiparts.get(multipartId).write(bytes, 0, length);
    return new PartReceipt(partNumber, "\"part-" + partNumber + "\"", "crc-" + partNumber);
  }

  @Override
  public String completeMultipart(String key, String multipartId, List<PartReceipt> parts) {
    calls.add("complete " + parts.stream().map(PartReceipt::partNumber).toList());
    objects.put(key, multiparts.remove(multipartId).toByteArray());
    return "\"etag-" + parts.size() + "\"";
  }

  @Override
  public void abortMultipart(String key, String multipartId) {
    calls.add("abort");
    multiparts.remove(multipartId);
    metadata.remove(key);
  }

  @Override
  public void delete(String key) {
    calls.add("delete");
    objects.remove(key);
    metadata.remove(key);
  }

  @Override
  public Optional<StoredObject> digest(String key) {
    throw new UnsupportedOperationException("the handler never reads objects back");
  }
}
