package io.deskbridge.core.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;

/**
 * Customer text reaches the model only as quoted data: {@link #quote} puts it between {@value #OPEN} and
 * {@value #CLOSE}, with every {@code <} and {@code >} of the customer's text escaped, so the customer cannot close the
 * quote or open a tag of the prompt's; the system prompt tells the model that text inside is data, never
 * instructions. As a langchain4j {@link InputGuardrail} it refuses a user message that does not hold exactly one
 * quote, or holds markup-looking text after it (the prompt must put its instructions before the quote).
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerQuote implements InputGuardrail {
  public static final String OPEN = "<customer_message>";
  public static final String CLOSE = "</customer_message>";

  /** {@code text} as a quote block. */
  public static String quote(String text) {
    return OPEN + "\n" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "\n" + CLOSE;
  }

  @Override
  public InputGuardrailResult validate(UserMessage message) {
    String text = message.singleText();
    int open = text.indexOf(OPEN);
    int close = text.indexOf(CLOSE);
    if (open < 0 || close < open || text.indexOf(OPEN, open + 1) >= 0 || text.indexOf(CLOSE, close + 1) >= 0) {
      return failure("the customer's text must be in exactly one " + OPEN + " quote");
    }
    String inside = text.substring(open + OPEN.length(), close);
    if (inside.indexOf('<') >= 0 || inside.indexOf('>') >= 0) {
      return failure("the customer's text in the quote is not escaped");
    }
    return success();
  }
}
