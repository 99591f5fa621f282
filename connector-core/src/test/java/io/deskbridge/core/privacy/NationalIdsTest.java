package io.deskbridge.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The national id checks: a date that exists and the check digit, each broken once. */
class NationalIdsTest {

  @Test
  void birthNumbersNeedAnExistingDateAndTheMod11CheckDigit() {
    assertThat(NationalIds.birthNumber("8001011238", false)).as("a man born 1 Jan 1980").isTrue();
    assertThat(NationalIds.birthNumber("7855191234", true)).as("a woman (month + 50)").isTrue();
    assertThat(NationalIds.birthNumber("0451211233", false)).as("born 2004").isTrue();
    assertThat(NationalIds.birthNumber("8001011030", false)).as("remainder 10 gives check digit 0").isTrue();
    assertThat(NationalIds.birthNumber("8001011239", false)).as("wrong check digit").isFalse();
    assertThat(NationalIds.birthNumber("8013011238", false)).as("month 13").isFalse();
    assertThat(NationalIds.birthNumber("8002301230", false)).as("30 February").isFalse();
    assertThat(NationalIds.birthNumber("530101123", true)).as("nine digits, 1953, with its slash").isTrue();
    assertThat(NationalIds.birthNumber("530101123", false)).as("nine digits without a slash: any number").isFalse();
    assertThat(NationalIds.birthNumber("600101123", true)).as("nine digits exist only before 1954").isFalse();
  }

  @Test
  void peselNeedsAnExistingDateWithItsCenturyAndTheWeightedCheckDigit() {
    assertThat(NationalIds.pesel("44051401359")).as("14 May 1944").isTrue();
    assertThat(NationalIds.pesel("44051401358")).as("wrong check digit").isFalse();
    assertThat(NationalIds.pesel("02270803624")).as("8 July 2002 (month + 20)").isTrue();
    assertThat(NationalIds.pesel("44053401357")).as("34 May").isFalse();
  }

  @Test
  void emsoNeedsAnExistingDateAndTheMod11CheckDigit() {
    assertThat(NationalIds.emso("0101006500006")).as("1 January 2006").isTrue();
    assertThat(NationalIds.emso("0101006500007")).as("wrong check digit").isFalse();
    assertThat(NationalIds.emso("3102006500003")).as("31 February").isFalse();
  }
}
