package dev.nayose.match.app;

/**
 * No company master to match against: none was ever imported, or the first load has not finished
 * or failed. Transient by nature — the message is retried and, if the master does not arrive in
 * time, dead-lettered with its reason; a posting is never declared UNMATCHED for want of a master.
 */
public class MasterUnavailableException extends RuntimeException {
  public MasterUnavailableException(String message) {
    super(message);
  }
}
