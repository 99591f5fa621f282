package io.deskbridge.core.privacy;

/** A kind of personal data the {@link Redactor} finds, with the placeholder that replaces it. */
public enum PiiType {
  EMAIL("[email]"),
  PHONE("[phone]"),
  CARD("[card]"),
  IBAN("[iban]"),
  /** A Czech or Slovak birth number (rodné číslo), a Polish PESEL or a Slovenian EMŠO. */
  NATIONAL_ID("[national-id]");

  private final String placeholder;

  PiiType(String placeholder) {
    this.placeholder = placeholder;
  }

  /** What replaces a found value, e.g. {@code [email]}. */
  public String placeholder() {
    return placeholder;
  }
}
