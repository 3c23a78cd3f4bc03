package dev.open311.storage.bulk;

/** A CSV record that cannot be imported; the message says why, without the line number. */
final class BadRowException extends Exception {

  private static final long serialVersionUID = 1L;

  BadRowException(String message) {
    super(message, null, false, false);
  }
}
