package io.deskbridge.core.privacy;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * Finds personal data in free text and replaces each value with its type's placeholder ({@link PiiType}): the one
 * redactor of logs (through {@link RedactingEncoder}), audit exports and the text sent to an LLM.
 *
 * <p>What it finds, and how it keeps look-alikes (order numbers, dates, amounts) out:
 * <ul>
 *   <li>{@code [email]}: an address with a dotted domain;
 *   <li>{@code [iban]}: two letters, two check digits and up to 30 letters or digits (spaces allowed between), valid
 *       for its country's length and format and the ISO 13616 mod-97 check (commons-validator's
 *       {@link IBANValidator});
 *   <li>{@code [national-id]}: a Czech or Slovak birth number, a Polish PESEL or a Slovenian EMŠO whose date exists
 *       and whose check digit holds ({@link NationalIds});
 *   <li>{@code [card]}: 13 to 19 digits, contiguous or in the card groupings (4-4-4-4, 4-4-4-4-3, 4-6-5, 4-6-4), first
 *       digit 2 to 6 (the card networks' range) and a valid Luhn check digit (commons-validator's
 *       {@link LuhnCheckDigit});
 *   <li>{@code [phone]}: a number libphonenumber finds in the text and holds {@linkplain
 *       PhoneNumberUtil.Leniency#VALID valid}: international ({@code +} or {@code 00}) for any country, national for
 *       each configured region (by default the five countries served: CZ, SK, PL, SI, GB).
 * </ul>
 * A number right after an identifier's label ({@code order}, {@code objednávka č.}, {@code zamówienie nr},
 * {@code naročilo}, {@code faktura}, {@code #} ...) is that identifier, not a phone number, card or birth number.
 * Where two finds overlap, the earlier type in the list above wins.
 *
 * <p>Immutable and thread-safe.
 */
public final class Redactor {
  /** The regions whose national phone formats are recognised by default: the five languages' countries. */
  public static final List<String> DEFAULT_REGIONS = List.of("CZ", "SK", "PL", "SI", "GB");

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
  private static final Pattern IBAN =
      Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?:[ \\u00a0]?[A-Za-z0-9]){11,30}");
  private static final Pattern BIRTH_NUMBER =
      Pattern.compile("(?<![\\p{L}\\d/.-])(\\d{6})(/?)(\\d{3,4})(?![\\p{L}\\d/-])");
  private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\p{L}\\d/.-])(\\d{11}|\\d{13})(?![\\p{L}\\d/-])");
  private static final Pattern CARD = Pattern.compile("(?<![\\p{L}\\d.,-])(?:\\d{13,19}"
      + "|\\d{4}([ \\u00a0-])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{3})?"
      + "|\\d{4}([ \\u00a0-])\\d{6}\\2\\d{4,5})(?![\\p{L}\\d]|[.,]\\d)");
  /** A token with a digit right before a number, one space or dash between: the number is a chunk of a code. */
  private static final Pattern CODE_BEFORE = Pattern.compile("[\\p{L}\\p{N}]*\\d[\\p{L}\\p{N}]*[ \\u00a0-]$");
  /** A letter or digit joined to the number by a dash, slash or dot: {@code INV-2026-92395}, {@code FV/2026/1}. */
  private static final Pattern JOINED_BEFORE = Pattern.compile("(?:[\\p{L}\\p{N}][-/]|\\d\\.)$");
  private static final Pattern JOINED_AFTER = Pattern.compile("^[-/.][\\p{L}\\p{N}]");
  /** Dates libphonenumber may take for a number: 09.01.2026, 9. 1. 2026, 2026-01-09. */
  private static final Pattern DATE = Pattern.compile("\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}");
  /** The kinds of number a person gives as theirs when written nationally (not service, premium or shared numbers). */
  private static final java.util.Set<PhoneNumberUtil.PhoneNumberType> PERSONAL_TYPES = java.util.EnumSet.of(
      PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.FIXED_LINE,
      PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberUtil.PhoneNumberType.VOIP,
      PhoneNumberUtil.PhoneNumberType.PERSONAL_NUMBER);
  /** The end of a text that labels the number after it as an identifier (order, invoice, parcel, ticket). */
  private static final Pattern IDENTIFIER_LABEL = Pattern.compile("(?iu)(?:\\b(?:order|invoice|ticket|tracking"
      + "|parcel|shipment|ref|reference|objedn\\p{L}*|fakt[uú]r\\p{L}*|z[áa]si[e]?l\\p{L}*|zam[óo]wieni\\p{L}*"
      + "|przesy[łl]k\\p{L}*|paczk\\p{L}*|naro[čc]il\\p{L}*|ra[čc]un\\p{L}*|po[šs]iljk\\p{L}*|reklam[aá]c\\p{L}*"
      + "|zgłoszeni\\p{L}*|tiket\\p{L}*)(?:\\s+(?:no\\.?|number|nr\\.?|n[ou]mer\\p{L}*|[čc]\\.|[čc][íi]sl\\p{L}*"
      + "|[šs]t\\.|[šs]tevilk\\p{L}*|id))?\\s*[:#.]?\\s*|#\\s*)$");
  private static final int LABEL_WINDOW = 40;
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[\\s\\u00a0\\-./()]{0,2}\\d){6}");
  private static final List<PiiType> PRIORITY =
      List.of(PiiType.EMAIL, PiiType.IBAN, PiiType.NATIONAL_ID, PiiType.CARD, PiiType.PHONE);

  private static final Redactor STANDARD = new Redactor(DEFAULT_REGIONS);

  private final List<String> regions;
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  private Redactor(List<String> regions) {
    this.regions = List.copyOf(regions);
    var supported = phones.getSupportedRegions();
    for (String r : this.regions) {
      if (!supported.contains(r)) {
        throw new IllegalArgumentException("'" + r + "' is not a phone region; use ISO 3166 codes such as CZ or PL");
      }
    }
  }

  /** The redactor with the {@link #DEFAULT_REGIONS}. */
  public static Redactor standard() {
    return STANDARD;
  }

  /** A redactor recognising national phone numbers of {@code regions} (ISO 3166 alpha-2, e.g. {@code CZ}). */
  public static Redactor forRegions(List<String> regions) {
    return new Redactor(regions);
  }

  /** {@code text} with every value found replaced by its placeholder; null stays null. */
  public String redact(String text) {
    return text == null ? null : redaction(text).text();
  }

  /** {@code text} redacted, with the values replaced (to {@link Redaction#restore} an answer written from it). */
  public Redaction redaction(String text) {
    Objects.requireNonNull(text, "text");
    List<PiiSpan> spans = find(text);
    if (spans.isEmpty()) {
      return new Redaction(text, Map.of());
    }
    StringBuilder out = new StringBuilder(text.length());
    Map<PiiType, Set<String>> values = new LinkedHashMap<>();
    int at = 0;
    for (PiiSpan s : spans) {
      out.append(text, at, s.start()).append(s.type().placeholder());
      values.computeIfAbsent(s.type(), t -> new LinkedHashSet<>()).add(text.substring(s.start(), s.end()));
      at = s.end();
    }
    out.append(text, at, text.length());
    Map<PiiType, List<String>> replaced = new LinkedHashMap<>();
    values.forEach((t, v) -> replaced.put(t, List.copyOf(v)));
    return new Redaction(out.toString(), replaced);
  }

  /** The values found in {@code text}, in text order, none overlapping. */
  public List<PiiSpan> find(String text) {
    Objects.requireNonNull(text, "text");
    if (!worthLooking(text)) {
      return List.of();
    }
    List<PiiSpan> candidates = new ArrayList<>();
    emails(text, candidates);
    ibans(text, candidates);
    nationalIds(text, candidates);
    cards(text, candidates);
    phones(text, candidates);
    candidates.sort(Comparator.<PiiSpan>comparingInt(s -> PRIORITY.indexOf(s.type())).thenComparingInt(PiiSpan::start));
    List<PiiSpan> kept = new ArrayList<>();
    for (PiiSpan c : candidates) {
      if (kept.stream().noneMatch(c::overlaps)) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingInt(PiiSpan::start));
    return List.copyOf(kept);
  }

  /**
   * Cheap pre-check: an address needs an {@code @}, every other type a run of at least seven digits with at most
   * two spaces, dashes, dots, slashes or brackets between two of them (so a log line's {@code 03:14:22.123} alone
   * does not start the phone search).
   */
  private static boolean worthLooking(String text) {
    return text.indexOf('@') >= 0 || DIGIT_RUN.matcher(text).find();
  }

  private static void emails(String text, List<PiiSpan> out) {
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      out.add(new PiiSpan(PiiType.EMAIL, m.start(), m.end()));
    }
  }

  /** The longest prefix of each candidate (spaces dropped) that is a valid IBAN. */
  private static void ibans(String text, List<PiiSpan> out) {
    Matcher m = IBAN.matcher(text);
    IBANValidator validator = IBANValidator.getInstance();
    while (m.find()) {
      StringBuilder compact = new StringBuilder();
      List<Integer> ends = new ArrayList<>();
      for (int i = m.start(); i < m.end(); i++) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          compact.append(Character.toUpperCase(c));
          ends.add(i + 1);
        }
      }
      for (int len = compact.length(); len >= 15; len--) {
        if (validator.isValid(compact.substring(0, len))) {
          out.add(new PiiSpan(PiiType.IBAN, m.start(), ends.get(len - 1)));
          break;
        }
      }
    }
  }

  private static void nationalIds(String text, List<PiiSpan> out) {
    Matcher m = BIRTH_NUMBER.matcher(text);
    while (m.find()) {
      if (NationalIds.birthNumber(m.group(1) + m.group(3), !m.group(2).isEmpty()) && !labelled(text, m.start())) {
        out.add(new PiiSpan(PiiType.NATIONAL_ID, m.start(), m.end()));
      }
    }
    m = LONG_NUMBER.matcher(text);
    while (m.find()) {
      String digits = m.group(1);
      if ((digits.length() == 11 ? NationalIds.pesel(digits) : NationalIds.emso(digits))
          && !labelled(text, m.start())) {
        out.add(new PiiSpan(PiiType.NATIONAL_ID, m.start(), m.end()));
      }
    }
  }

  private static void cards(String text, List<PiiSpan> out) {
    Matcher m = CARD.matcher(text);
    while (m.find()) {
      String digits = m.group().replaceAll("\\D", "");
      char first = digits.charAt(0);
      if (first >= '2' && first <= '6' && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits)
          && !labelled(text, m.start()) && !CODE_BEFORE.matcher(before(text, m.start())).find()) {
        out.add(new PiiSpan(PiiType.CARD, m.start(), m.end()));
      }
    }
  }

  private void phones(String text, List<PiiSpan> out) {
    for (String region : regions) {
      for (PhoneNumberMatch match : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
        String raw = match.rawString();
        boolean international = raw.startsWith("+") || raw.startsWith("00") || raw.startsWith("(+");
        if (DATE.matcher(raw).matches() || JOINED_BEFORE.matcher(before(text, match.start())).find()
            || JOINED_AFTER.matcher(text.substring(match.end(), Math.min(text.length(), match.end() + 2))).find()) {
          continue;
        }
        if (international || !labelled(text, match.start())
            && PERSONAL_TYPES.contains(phones.getNumberType(match.number()))) {
          out.add(new PiiSpan(PiiType.PHONE, match.start(), match.end()));
        }
      }
    }
  }

  /** Up to {@value #LABEL_WINDOW} characters before {@code start}. */
  private static String before(String text, int start) {
    return text.substring(Math.max(0, start - LABEL_WINDOW), start);
  }

  /** Whether the text before {@code start} ends with an identifier's label ("order #", "objednávka č."). */
  static boolean labelled(String text, int start) {
    String before = text.substring(Math.max(0, start - LABEL_WINDOW), start).toLowerCase(Locale.ROOT);
    return IDENTIFIER_LABEL.matcher(before).find();
  }

  /**
   * A redacted text and the values it replaced, by type (each once, in text order).
   *
   * @param text     the text with placeholders
   * @param replaced the values each placeholder stands for
   */
  public record Redaction(String text, Map<PiiType, List<String>> replaced) {
    public Redaction {
      Objects.requireNonNull(text, "text");
      replaced = Map.copyOf(replaced);
    }

    /**
     * {@code written} (an answer written from the redacted text) with each placeholder put back where its type
     * stood for one value only; the placeholders of a type that stood for several values stay.
     */
    public String restore(String written) {
      String out = written;
      for (var e : replaced.entrySet()) {
        if (e.getValue().size() == 1) {
          out = out.replace(e.getKey().placeholder(), e.getValue().get(0));
        }
      }
      return out;
    }

    /** Whether {@code written} still holds a placeholder this redaction put in. */
    public boolean holdsPlaceholder(String written) {
      return replaced.keySet().stream().anyMatch(t -> written.contains(t.placeholder()));
    }
  }
}
