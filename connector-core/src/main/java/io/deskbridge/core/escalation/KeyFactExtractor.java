package io.deskbridge.core.escalation;

import io.deskbridge.core.escalation.KeyFact.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pulls the facts an agent needs out of customer text with regular expressions: order numbers ("#12345",
 * "order 12345", "objednávka č. 12345", "zamówienie nr 12345", "ORD-2024-001"), e-mail addresses, phone numbers
 * ("+420 777 123 456", "601-234-567"), amounts with a currency ("249 EUR", "€15.99", "1 200 Kč", "49,90 zł") and
 * dates ("2024-05-01", "1.5.2024", "01/05/2024", "12 May 2024", "12. května 2024"). Values are kept as written,
 * except order numbers, which are the identifier alone ({@code 12345}). Stateless and thread-safe.
 */
public final class KeyFactExtractor {

  private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.\\p{L}{2,}");

  /** The identifier is group 1; it must contain a digit. */
  private static final Pattern ORDER = Pattern.compile(
      NOT_WORD_BEFORE + "(?:(?:order|objedn[aá]vk\\p{L}*|obj|zam[oó]wieni\\p{L}*"
          + "|naro[cč]il\\p{L}*)\\.?\\s*(?:(?:no|nr|num[eb]er|[cč][ií]slo|[sš]tevilka|[sš]t|[cč])\\.?\\s*)?"
          + "[:#]?\\s*|#\\s?)"
          + "((?=[\\p{L}-]*\\d)[\\p{L}\\d][\\p{L}\\d-]{2,})" + NOT_WORD_AFTER,
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Shop-style references: letters, a dash, digits, e.g. ORD-2024-001. */
  private static final Pattern REFERENCE =
      Pattern.compile(NOT_WORD_BEFORE + "\\p{Lu}{2,5}-\\d{2,}(?:-\\d+)*" + NOT_WORD_AFTER);

  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\p{L}\\p{N}#+.,/-])(?:(?:\\+|00)\\d{1,3}[ .-]?)?\\(?\\d{2,4}\\)?(?:[ .-]?\\d{2,4}){2,4}"
          + "(?![\\p{L}\\p{N}]|[.,/-]\\d)");

  private static final String NUMBER = "\\d{1,3}(?:[\\u00A0 .,]\\d{3})*(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
  private static final String CODE = "(?:eur(?:os?)?|euro|usd|gbp|czk|pln|kč|kc|zł|zl)";
  private static final Pattern AMOUNT = Pattern.compile(
      "[€$£]\\s?(?:" + NUMBER + ")"
          + "|" + NOT_WORD_BEFORE + "(?:" + NUMBER + ")\\s?(?:[€$£]|" + CODE + NOT_WORD_AFTER + ")"
          + "|" + NOT_WORD_BEFORE + "(?:eur|usd|gbp|czk|pln)\\s?(?:" + NUMBER + ")",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
      + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
      + "|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
      + "|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia";
  private static final Pattern DATE = Pattern.compile(NOT_WORD_BEFORE + "(?:"
      + "\\d{4}-\\d{1,2}-\\d{1,2}"
      + "|\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{4}"
      + "|\\d{1,2}/\\d{1,2}/\\d{4}"
      + "|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s(?:" + MONTHS + ")\\.?,?\\s\\d{4}"
      + "|(?:" + MONTHS + ")\\.?\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s\\d{4}"
      + ")" + NOT_WORD_AFTER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private KeyFactExtractor() {}

  /** The facts in the text, in order of appearance, without duplicates; never null. */
  public static List<KeyFact> extract(String text) {
    var found = new ArrayList<Found>();
    var taken = new boolean[text.length()];
    // most specific first: a span belongs to the first kind that claims it
    claim(text, EMAIL, 0, Type.EMAIL, found, taken);
    claim(text, DATE, 0, Type.DATE, found, taken);
    claim(text, REFERENCE, 0, Type.ORDER_NUMBER, found, taken);
    claim(text, ORDER, 1, Type.ORDER_NUMBER, found, taken);
    claim(text, AMOUNT, 0, Type.AMOUNT, found, taken);
    claim(text, PHONE, 0, Type.PHONE, found, taken);
    found.sort(Comparator.comparingInt(Found::start));
    var facts = new LinkedHashSet<KeyFact>();
    found.forEach(f -> facts.add(f.fact()));
    return List.copyOf(facts);
  }

  /** Several texts' facts, in order, without duplicates. */
  public static List<KeyFact> extract(List<String> texts) {
    var facts = new LinkedHashSet<KeyFact>();
    texts.forEach(t -> facts.addAll(extract(t)));
    return List.copyOf(facts);
  }

  private record Found(int start, KeyFact fact) {}

  private static void claim(
      String text, Pattern pattern, int group, Type type, List<Found> found, boolean[] taken) {
    var m = pattern.matcher(text);
    while (m.find()) {
      if (overlaps(taken, m.start(), m.end())) {
        continue;
      }
      var value = m.group(group).strip();
      if (type == Type.PHONE && value.replaceAll("\\D", "").length() < 9) {
        continue;
      }
      Arrays.fill(taken, m.start(), m.end(), true);
      found.add(new Found(m.start(group), new KeyFact(type, value)));
    }
  }

  private static boolean overlaps(boolean[] taken, int start, int end) {
    for (int i = start; i < end; i++) {
      if (taken[i]) {
        return true;
      }
    }
    return false;
  }
}
