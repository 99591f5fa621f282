package io.deskbridge.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailHeadersTest {

  @Test
  void foldedRepeatedAndCaseDifferingHeadersReadAsOneMap() {
    var block = "Return-Path: <>\r\nReceived: from mx1.example\r\n\tby mx2.example\r\nReceived: from mx0.example\r\n"
        + "auto-submitted: auto-replied\r\nSubject: Automatic reply:\r\n  Your order\r\n\r\nBody: not a header";

    var headers = MailHeaders.parse(block);

    assertThat(headers.get("RETURN-PATH")).isEqualTo("<>");
    assertThat(headers.get("Auto-Submitted")).isEqualTo("auto-replied");
    assertThat(headers.get("received")).isEqualTo("from mx1.example by mx2.example, from mx0.example");
    assertThat(headers.get("Subject")).isEqualTo("Automatic reply: Your order");
    assertThat(headers).doesNotContainKey("Body");
  }

  @Test
  void nothingGivesNothing() {
    assertThat(MailHeaders.parse(null)).isEmpty();
    assertThat(MailHeaders.parse("not a header line")).isEmpty();
  }
}
