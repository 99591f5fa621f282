package io.deskbridge.core.llm;

import io.deskbridge.core.bot.AddressForm;
import io.deskbridge.core.config.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The brand's tone, an installation's {@code answer.tone} (issue #15 item 3): how the customer is addressed, the
 * greeting and sign-off per language, and words never to use. The address also applies to the bot's fixed phrases in
 * both modes ({@link AddressForm#wrap}). Applied to LLM answers: the address and the words to
 * avoid are instructions in the system prompt, a draft using an avoided word is refused by the guardrails
 * ({@code llm_avoided_word}), and the greeting and sign-off are put around a sent answer in code (never left to the
 * model). Immutable.
 *
 * @param address formal or informal address (a real choice in Czech, Polish, Slovak and Slovenian), for the LLM's
 *     prompt and the bot's fixed phrases ({@link AddressForm}); null leaves it to the model and the phrases as written
 * @param greetings language → the line a sent LLM answer starts with, e.g. {@code en: "Hello,"}
 * @param signOffs language → the line a sent LLM answer ends with, e.g. {@code cs: "Váš tým Acme"}
 * @param avoid words or phrases an answer must not contain (case-insensitive, whole words)
 */
public record Tone(AddressForm address, Map<String, String> greetings, Map<String, String> signOffs,
    List<String> avoid) {

  /** No tone set: nothing added to the prompt or the answer. */
  public static final Tone NONE = new Tone(null, Map.of(), Map.of(), List.of());

  public Tone {
    greetings = Map.copyOf(greetings);
    signOffs = Map.copyOf(signOffs);
    avoid = List.copyOf(avoid);
  }

  private static final Map<String, String> FORMAL = Map.of(
      "cs", "formally, with vykání (vy, vás, vám)", "sk", "formally, with vykanie (vy, vás, vám)",
      "pl", "formally, with Pan / Pani (never ty)", "sl", "formally, with vikanje (vi, vas, vam)",
      "en", "formally and politely");
  private static final Map<String, String> INFORMAL = Map.of(
      "cs", "informally, with tykání (ty, tebe, tobě)", "sk", "informally, with tykanie (ty, teba, tebe)",
      "pl", "informally, with ty (never Pan / Pani)", "sl", "informally, with tikanje (ti, tebe, tebi)",
      "en", "informally and warmly");

  /** The system prompt's sentences for this tone in {@code language}; empty when no tone is set. */
  String instructions(String language) {
    var out = new StringBuilder();
    if (address != null) {
      out.append(" Address the customer ").append((address == AddressForm.FORMAL ? FORMAL : INFORMAL)
          .getOrDefault(language, address == AddressForm.FORMAL ? "formally" : "informally")).append('.');
    }
    if (!avoid.isEmpty()) {
      out.append(" Never use these words: ").append(String.join(", ", avoid)).append('.');
    }
    if (greetings.containsKey(language) || signOffs.containsKey(language)) {
      out.append(" Write no greeting and no sign-off: they are added to your answer.");
    }
    return out.toString();
  }

  /** The avoided words {@code text} contains, in the order configured. */
  List<String> avoidedIn(String text) {
    var found = new ArrayList<String>();
    for (String word : avoid) {
      if (Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text)
          .find()) {
        found.add(word);
      }
    }
    return found;
  }

  /** {@code answer} with the greeting before it and the sign-off after it, for {@code language}, where set. */
  String dress(String answer, String language) {
    var out = new StringBuilder();
    if (greetings.containsKey(language)) {
      out.append(greetings.get(language)).append("\n\n");
    }
    out.append(answer);
    if (signOffs.containsKey(language)) {
      out.append("\n\n").append(signOffs.get(language));
    }
    return out.toString();
  }

  /**
   * The {@code answer.tone} section; {@link #NONE} when absent.
   *
   * @throws io.deskbridge.core.error.ConfigException one line naming the setting and the fix
   */
  static Tone from(Settings s) {
    if (s.keys().isEmpty()) {
      return NONE;
    }
    AddressForm address = null;
    var written = s.optionalString("address");
    if (written.isPresent()) {
      address = switch (written.get().toLowerCase(Locale.ROOT)) {
        case "formal" -> AddressForm.FORMAL;
        case "informal" -> AddressForm.INFORMAL;
        default -> throw s.invalid("address", "must be formal or informal, was '" + written.get() + "'");
      };
    }
    return new Tone(address, byLanguage(s, "greeting"), byLanguage(s, "signOff"), s.stringList("avoid"));
  }

  private static Map<String, String> byLanguage(Settings s, String key) {
    if (s.raw(key) == null) {
      return Map.of();
    }
    if (!(s.raw(key) instanceof Map<?, ?>)) {
      throw s.invalid(key, "must map a language to its line, e.g. {en: \"Hello,\", cs: \"Dobrý den,\"}");
    }
    var section = s.section(key);
    var out = new LinkedHashMap<String, String>();
    for (String language : section.keys()) {
      if (!language.matches("[a-z]{2}")) {
        throw section.invalid(language, "is not a language code; write two letters such as en, cs, pl, sk, sl");
      }
      out.put(language, section.string(language));
    }
    return out;
  }
}
