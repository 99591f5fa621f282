package io.deskbridge.daktela.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaktelaEnvelopeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void aListPageHasItsDataTotalAndServerTime() throws Exception {
    var page = DaktelaEnvelope.page(json("""
        {"error":[],"result":{"data":[{"name":1},{"name":2}],"total":7},"_time":"2026-12-04 15:00:01"}"""));

    assertThat(page.data()).extracting(n -> n.get("name").asInt()).containsExactly(1, 2);
    assertThat(page.total()).isEqualTo(7);
    assertThat(page.time()).isEqualTo("2026-12-04 15:00:01");
  }

  @Test
  void dataKeyedByNameAndATotalAsAStringAreAccepted() throws Exception {
    var page = DaktelaEnvelope.page(json("""
        {"error":[],"result":{"data":{"activities_b":{"name":"activities_b"},"activities_a":{"name":"activities_a"}},
         "total":"2"},"_serverTime":"2026-12-04 15:00:02"}"""));

    assertThat(page.data()).extracting(n -> n.get("name").asText()).containsExactly("activities_b", "activities_a");
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.time()).isEqualTo("2026-12-04 15:00:02");
  }

  @Test
  void aMissingOrFalseTotalIsUnknown() throws Exception {
    assertThat(DaktelaEnvelope.page(json("{\"result\":{\"data\":[]}}")).total()).isEqualTo(-1);
    assertThat(DaktelaEnvelope.page(json("{\"result\":{\"data\":[],\"total\":false}}")).total()).isEqualTo(-1);
    assertThat(DaktelaEnvelope.page(json("{\"result\":null}")).data()).isEmpty();
  }

  @Test
  void aSingleRecordIsTheResultItself() throws Exception {
    JsonNode record = DaktelaEnvelope.record(json("{\"error\":[],\"result\":{\"name\":9672,\"title\":\"Hi\"}}"));

    assertThat(record.get("name").asInt()).isEqualTo(9672);
    assertThat(DaktelaEnvelope.record(json("{\"result\":null}")).isMissingNode()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no error             | {\"error\":[]}                                                           | ''                                             | ''",
      "empty body           | {}                                                                         | ''                                             | ''",
      "list of strings      | {\"error\":[\"Max defined take is 1000\"],\"result\":null}                | Max defined take is 1000                       | ''",
      "a string             | {\"error\":\"Object not exist\"}                                          | Object not exist                               | ''",
      "primary              | {\"error\":{\"primary\":[\"one\",\"two\"]}}                               | one; two                                       | ''",
      "form                 | {\"error\":{\"form\":{\"category\":\"Unknown category\"}},\"result\":{}}  | category: Unknown category                     | category",
      "form and primary     | {\"error\":{\"form\":{\"title\":\"Entry is required\"},\"primary\":[\"x\"]}} | title: Entry is required; x                  | title",
      "nested custom fields | {\"error\":{\"form\":{\"customFields\":{\"email\":[\"Bad e-mail\"]}}}}     | customFields.email: Bad e-mail                 | customFields.email"})
  void everyErrorShapeGivesItsTextAndField(String shape, String body, String message, String field) throws Exception {
    var problem = DaktelaEnvelope.problem(json(body));

    assertThat(problem.message()).isEqualTo(message);
    assertThat(problem.field()).isEqualTo(field);
  }
}
