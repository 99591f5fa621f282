package io.deskbridge.mock.daktela.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.mock.daktela.chat.DaktelaChatWire.Answer;
import io.deskbridge.mock.daktela.chat.DaktelaChatWire.Choice;
import io.deskbridge.mock.daktela.chat.DaktelaChatWire.Inbound;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The external-bot protocol's shapes (daktela.md §3.3, S8): inbound messages and the validation of answers. */
class DaktelaChatWireTest {
  private static final String CHAT = "activitiesWeb_65a1b2c3d4e01";

  private static Answer answer(String json) {
    return DaktelaChatWire.answer(json.getBytes(StandardCharsets.UTF_8), CHAT);
  }

  @Test
  void inboundMessagesCarryTheConversationWithItsResponseUrlAndOneKindOfInput() {
    String base = "\"name\":\"m1\",\"time\":\"2026-12-04 14:00:00\",\"direction\":\"IN\",\"conversation\":"
        + "{\"name\":\"" + CHAT + "\",\"response_url\":\"http://x/r\"}";
    assertThat(inbound(new Inbound.Text("Hi"))).isEqualTo("{" + base + ",\"text\":\"Hi\"}");
    assertThat(inbound(new Inbound.QuickReply("yes", "Yes please")))
        .isEqualTo("{" + base + ",\"text\":\"Yes please\",\"quickreply\":{\"name\":\"yes\"}}");
    assertThat(inbound(new Inbound.Button("b1"))).isEqualTo("{" + base + ",\"button\":{\"name\":\"b1\"}}");
    assertThat(inbound(new Inbound.Terminate())).isEqualTo("{" + base + ",\"terminate\":true}");
  }

  private static String inbound(Inbound what) {
    return new String(DaktelaChatWire.inbound("m1", "2026-12-04 14:00:00", CHAT, "http://x/r", what),
        StandardCharsets.UTF_8);
  }

  @Test
  void aTextWithQuickRepliesAndButtonsAndATransferAreAccepted() {
    assertThat(answer("{\"conversation\":{\"name\":\"" + CHAT + "\"},\"text\":\"Which order?\","
        + "\"quickreply\":[{\"text\":\"The last\",\"name\":\"last\"}],"
        + "\"button\":[{\"text\":\"FAQ\",\"name\":\"faq\",\"url\":\"https://x/faq\"}]}"))
        .isEqualTo(new Answer.Reply("Which order?", java.util.List.of(new Choice("The last", "last", null)),
            java.util.List.of(new Choice("FAQ", "faq", "https://x/faq"))));
    assertThat(answer("{\"conversation\":{\"name\":\"" + CHAT + "\"},\"transfer\":3201}"))
        .isEqualTo(new Answer.Transfer(3201));
    assertThat(answer("{\"conversation\":{\"name\":\"" + CHAT + "\"},\"transfer\":\"3202\"}"))
        .isEqualTo(new Answer.Transfer(3202));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json|not valid JSON",
      "[]|must be a JSON object",
      "{\"text\":\"x\"}|\"conversation\": {\"name\": ...} is required",
      "{\"conversation\":{\"name\":\"activitiesWeb_0000000000000\"},\"text\":\"x\"}|does not match",
      "{\"conversation\":{\"name\":\"" + CHAT + "\"}}|\"text\" (a non-blank string) or \"transfer\" is required",
      "{\"conversation\":{\"name\":\"" + CHAT + "\"},\"text\":\" \"}|or \"transfer\" is required",
      "{\"conversation\":{\"name\":\"" + CHAT + "\"},\"text\":\"x\",\"transfer\":3201}|\"transfer\" goes alone",
      "{\"conversation\":{\"name\":\"" + CHAT + "\"},\"transfer\":\"sales\"}|must be a queue number",
      "{\"conversation\":{\"name\":\"" + CHAT + "\"},\"text\":\"x\",\"quickreply\":{}}|must be an array",
      "{\"conversation\":{\"name\":\"" + CHAT + "\"},\"text\":\"x\",\"quickreply\":[{\"text\":\"a\"}]}|needs a non-blank",
      "{\"conversation\":{\"name\":\"" + CHAT + "\"},\"text\":\"x\",\"quickreply\":[{\"text\":\"a\",\"name\":\"a\",\"url\":\"u\"}]}|unknown field \"url\"",
      "{\"conversation\":{\"name\":\"" + CHAT + "\"},\"message\":\"x\"}|unknown field \"message\""})
  void malformedAnswersAreRefusedWithTheReason(String body, String reason) {
    assertThatThrownBy(() -> answer(body)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
  }

  @Test
  void theAcknowledgementAndTheRefusalBodies() {
    assertThat(new String(DaktelaChatWire.ok(), StandardCharsets.UTF_8)).isEqualTo("{\"result\":\"OK\"}");
    assertThat(new String(DaktelaChatWire.error("bad"), StandardCharsets.UTF_8))
        .isEqualTo("{\"result\":null,\"error\":\"bad\"}");
  }
}
