package io.deskbridge.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The OpenAPI check the ITs run on every answer refuses what the document does not allow. */
class OpenApiContractTest {
  private static final String MESSAGES = "/api/v1/conversations/{conversationId}/messages";
  private static final String ANSWER = "{\"conversationId\":\"c1\",\"messageId\":\"m1\",\"status\":\"answered\","
      + "\"decision\":\"reply\",\"mode\":\"auto\",\"reasons\":[\"confident_match\"],\"confidence\":0.9,\"episode\":1,\"delivered\":true,"
      + "\"reply\":{\"text\":\"We deliver in 2 days.\",\"language\":\"en\"}}";

  private final OpenApiContract contract = new OpenApiContract();

  @Test
  void aDocumentedAnswerPasses() {
    assertThat(contract.problems(MESSAGES, "post", 200, "application/json", ANSWER)).isEmpty();
  }

  @Test
  void aMissingFieldAnUnknownDecisionAndAnExtraFieldAreProblems() {
    assertThat(contract.problems(MESSAGES, "post", 200, "application/json", ANSWER.replace("\"episode\":1,", "")))
        .singleElement().asString().contains("episode");
    assertThat(contract.problems(MESSAGES, "post", 200, "application/json", ANSWER.replace("\"reply\",", "\"maybe\",")))
        .isNotEmpty();
    assertThat(contract.problems(MESSAGES, "post", 200, "application/json", ANSWER.replace("{\"conv", "{\"x\":1,\"conv")))
        .isNotEmpty();
  }

  @Test
  void anUndocumentedStatusOrMediaTypeIsAProblem() {
    assertThat(contract.problems(MESSAGES, "post", 418, "application/json", ANSWER)).isNotEmpty();
    assertThat(contract.problems(MESSAGES, "post", 200, "text/plain", ANSWER)).isNotEmpty();
    assertThat(contract.problems(MESSAGES, "post", 400, "application/json", "{}"))
        .as("problems are application/problem+json").isNotEmpty();
  }

  @Test
  void aProblemWithoutItsRequiredMembersIsAProblem() {
    assertThat(contract.problems(MESSAGES, "post", 400, "application/problem+json",
        "{\"type\":\"https://deskbridge.io/problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"text is required\"}")).isEmpty();
    assertThat(contract.problems(MESSAGES, "post", 400, "application/problem+json", "{\"error\":\"bad\"}"))
        .isNotEmpty();
  }

  @Test
  void pathsMapToTheirTemplates() {
    assertThat(contract.template("/api/v1/conversations/c1/messages")).hasValue(MESSAGES);
    assertThat(contract.template("/api/v1/conversations/c1")).hasValue("/api/v1/conversations/{conversationId}");
    assertThat(contract.template("/api/v2/conversations/c1")).isEmpty();
  }
}
