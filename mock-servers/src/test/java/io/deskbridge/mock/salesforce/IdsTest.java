package io.deskbridge.mock.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Salesforce-shaped ids: 18 characters with the case-safe suffix, the key prefix of the object. */
class IdsTest {
  @Test
  void theSuffixIsSalesforcesChecksumOfTheUpperCaseLetters() {
    assertThat(Ids.to18("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC"); // the documented example
    assertThat(Ids.to18("500000000000000")).isEqualTo("500000000000000AAA");
  }

  @Test
  void newIdsHaveThePrefixAndAreWellFormedAndDistinct() {
    Ids ids = new Ids();
    String a = ids.next("500");
    String b = ids.next("500");
    assertThat(a).startsWith("5005g").hasSize(18).matches("[A-Za-z0-9]{18}").isNotEqualTo(b);
    assertThat(Ids.to18(a.substring(0, 15))).isEqualTo(a);
    assertThat(Ids.wellFormed(a.substring(0, 15))).isTrue();
    assertThat(Ids.wellFormed("500-bad")).isFalse();
    assertThat(Schema.byPrefix(a).orElseThrow().name()).isEqualTo("Case");
  }
}
