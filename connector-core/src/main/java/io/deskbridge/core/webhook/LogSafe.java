package io.deskbridge.core.webhook;

/**
 * Makes a value that came from outside (a vendor's id, path, header or reason) safe to put in a log line:
 * CR, LF, tab, NUL and every other control character are written as visible escapes ({@code \r},
 * {@code \n}, {@code \t}, {@code \0}, {@code \u001b}), so a value can neither forge a log line nor hide
 * text from a terminal, and long values are cut to {@value #MAX_CHARS} characters with a note of how much
 * was cut. Use it on every vendor-supplied value that is logged. Thread-safe, no state.
 */
public final class LogSafe {
  /** The most characters of a value that are kept. */
  public static final int MAX_CHARS = 256;

  private LogSafe() {}

  /**
   * The exception made safe to log ({@link #of}), followed by {@code "; cause: "} and its innermost cause made
   * safe to log when it has a cause: a database driver's top message often hides what went wrong.
   */
  public static String withCause(Throwable e) {
    Throwable root = e;
    for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
      root = root.getCause();
    }
    return root == e ? of(e) : of(e) + "; cause: " + of(root);
  }

  /** The value made safe to log; {@code "null"} for null. */
  public static String of(Object value) {
    String text = String.valueOf(value);
    int keep = Math.min(text.length(), MAX_CHARS);
    if (keep < text.length() && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    var out = new StringBuilder(keep + 16);
    for (int i = 0; i < keep; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\0' -> out.append("\\0");
        case '\\' -> out.append("\\\\");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (keep < text.length()) {
      out.append("...(").append(text.length() - keep).append(" more chars)");
    }
    return out.toString();
  }
}
