package dev.nayose.split.app;

/** The object an upload event names is not in storage. */
public class ObjectNotFoundException extends RuntimeException {
  public ObjectNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
