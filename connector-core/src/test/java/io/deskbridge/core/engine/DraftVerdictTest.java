package io.deskbridge.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DraftVerdictTest {
  private static final String DRAFT = "Open https://shop.example/login, choose \"Forgot password\" and enter your "
      + "e-mail address. We send you a link that is valid for 24 hours; follow it and choose a new password.";

  @Test
  void theDraftSentAsItIsOrWithTheSpacingAndCaseChangedIsSentAsDrafted() {
    assertThat(DraftVerdict.compare(DRAFT, DRAFT).verdict()).isEqualTo(DraftVerdict.SENT_AS_DRAFTED);
    assertThat(DraftVerdict.compare(DRAFT, "  " + DRAFT.replace(" ", "\n ").toUpperCase() + "\n").verdict())
        .isEqualTo(DraftVerdict.SENT_AS_DRAFTED);
  }

  @Test
  void aFixedTypoAndAChangedFullStopAreSentAsDraftedButAnAddedSentenceIsNot() {
    String touched = DRAFT.replace("valid for", "vaild for").replace("password.", "password!");
    var comparison = DraftVerdict.compare(DRAFT, touched);
    assertThat(comparison.verdict()).isEqualTo(DraftVerdict.SENT_AS_DRAFTED);
    assertThat(comparison.characters()).isBetween(0.95, 0.999);

    var added = DraftVerdict.compare(DRAFT, DRAFT + " Please check your spam folder too.");
    assertThat(added.verdict()).isEqualTo(DraftVerdict.EDITED);
    assertThat(added.characters()).isZero();
  }

  @Test
  void aGreetingASignOffAndAParagraphAroundTheDraftAreAnEdit() {
    var comparison = DraftVerdict.compare(DRAFT, "Hello Jan,\n\n" + DRAFT + "\n\nIf the e-mail does not arrive "
        + "within ten minutes, please check your spam folder.\n\nKind regards,\nAnna from the support team");
    assertThat(comparison.verdict()).isEqualTo(DraftVerdict.EDITED);
    assertThat(comparison.words()).isGreaterThanOrEqualTo(DraftVerdict.EDITED_WORDS);
  }

  @Test
  void halfOfTheDraftKeptIsStillAnEdit() {
    String half = "Open https://shop.example/login, choose \"Forgot password\" and enter your e-mail address. "
        + "You will get an e-mail from us shortly.";
    assertThat(DraftVerdict.compare(DRAFT, half).verdict()).isEqualTo(DraftVerdict.EDITED);
  }

  @Test
  void anotherAnswerOnTheSameTopicReplacesTheDraft() {
    var comparison = DraftVerdict.compare(DRAFT, "Your account was locked after too many attempts; I have "
        + "unlocked it now, so you can sign in again with your current details.");
    assertThat(comparison.verdict()).isEqualTo(DraftVerdict.REPLACED);
    assertThat(comparison.words()).isLessThan(DraftVerdict.EDITED_WORDS);
  }

  @Test
  void shortTextsMustBeEqualToBeSentAsDrafted() {
    assertThat(DraftVerdict.compare("Thanks!", "thanks!").verdict()).isEqualTo(DraftVerdict.SENT_AS_DRAFTED);
    assertThat(DraftVerdict.compare("Thanks!", "Thanks.").verdict()).isNotEqualTo(DraftVerdict.SENT_AS_DRAFTED);
    assertThat(DraftVerdict.compare("Thanks!", "Bye.").verdict()).isEqualTo(DraftVerdict.REPLACED);
  }

  @Test
  void codesAreLowerCase() {
    assertThat(DraftVerdict.SENT_AS_DRAFTED.code()).isEqualTo("sent_as_drafted");
    assertThat(DraftVerdict.REPLACED.code()).isEqualTo("replaced");
  }
}
