package dev.nayose.split.app;

/** Where uploaded files are stored. */
public interface UploadObjects {

  /**
   * Starts reading the object stored under {@code key}.
   *
   * @throws ObjectNotFoundException when there is no such object
   */
  StoredObject open(String key);
}
