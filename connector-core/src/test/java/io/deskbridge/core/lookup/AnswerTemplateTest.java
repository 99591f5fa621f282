package io.deskbridge.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void fillsEveryPlaceholderFromTheNamedRecord() throws Exception {
    var order = json("{\"status\":\"shipped\",\"eta\":\"2026-12-09\",\"total\":{\"amount\":12.5},\"paid\":true,"
        + "\"items\":[{\"name\":\"Rain jacket\"}]}");
    var result = AnswerTemplate.fill("It is {{order.status}}, due {{ order.eta }}; {{order.total.amount}} paid: "
        + "{{order.paid}}, {{order.items.0.name}}.", Map.of("order", order));
    assertThat(result).isEqualTo(new AnswerTemplate.Result.Filled(
        "It is shipped, due 2026-12-09; 12.5 paid: true, Rain jacket."));
  }

  @Test
  void aMissingNullOrStructuredFieldFillsNothingAtAll() throws Exception {
    var order = json("{\"status\":\"shipped\",\"eta\":null,\"total\":{\"amount\":1},\"note\":\"  \"}");
    var records = Map.of("order", order);
    assertThat(AnswerTemplate.fill("{{order.status}} {{order.carrier}}", records))
        .isEqualTo(new AnswerTemplate.Result.Unfilled("order.carrier"));
    assertThat(AnswerTemplate.fill("{{order.status}} {{order.eta}}", records))
        .isEqualTo(new AnswerTemplate.Result.Unfilled("order.eta"));
    assertThat(AnswerTemplate.fill("{{order.total}}", records))
        .isEqualTo(new AnswerTemplate.Result.Unfilled("order.total"));
    assertThat(AnswerTemplate.fill("{{order.note}}", records))
        .isEqualTo(new AnswerTemplate.Result.Unfilled("order.note"));
  }

  @Test
  void aPlaceholderOfAnUndeclaredRecordOrWithoutAFieldIsNotFilled() throws Exception {
    var records = Map.of("order", json("{\"status\":\"shipped\"}"));
    assertThat(AnswerTemplate.fill("{{customer.name}}", records))
        .isEqualTo(new AnswerTemplate.Result.Unfilled("customer.name"));
    assertThat(AnswerTemplate.fill("{{order}}", records)).isEqualTo(new AnswerTemplate.Result.Unfilled("order"));
    assertThat(AnswerTemplate.fill("{{order.st atus}}", records))
        .isEqualTo(new AnswerTemplate.Result.Unfilled("order.st atus"));
  }

  @Test
  void valuesAreInsertedAsPlainTextWithoutControlCharacters() throws Exception {
    var records = Map.of("order", json("{\"status\":\"$1 \\\\ back\\u0007\",\"eta\":\"{{order.secret}}\"}"));
    assertThat(AnswerTemplate.fill("{{order.status}} / {{order.eta}}", records))
        .isEqualTo(new AnswerTemplate.Result.Filled("$1 \\ back / {{order.secret}}"));
  }

  @Test
  void tellsTextWithPlaceholdersFromTextWithout() {
    assertThat(AnswerTemplate.hasPlaceholders("Your order is {{order.status}}.")).isTrue();
    assertThat(AnswerTemplate.hasPlaceholders("Use {braces} freely.")).isFalse();
    assertThat(AnswerTemplate.fill("No placeholders.", Map.of()))
        .isEqualTo(new AnswerTemplate.Result.Filled("No placeholders."));
  }
}
