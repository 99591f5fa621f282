package io.deskbridge.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void plainTextLinksLoseTheirClosingPunctuation() {
    assertThat(Links.in("See https://shop.example/help/returns. Or (http://shop.example/a?b=1), thanks!"))
        .containsExactly("https://shop.example/help/returns", "http://shop.example/a?b=1");
  }

  @Test
  void htmlGivesTheAnchorsHrefsFirstThenUrlsWrittenInItsText() {
    assertThat(Links.in("<p>Follow <a href=\"https://shop.example/help/password-reset\">these steps</a> or "
        + "<a href=\"mailto:help@shop.example\">mail us</a>; also https://shop.example/help/faq</p>"))
        .containsExactly("https://shop.example/help/password-reset", "https://shop.example/help/faq");
  }

  @Test
  void eachLinkOnceAndNothingInATextWithoutLinks() {
    assertThat(Links.in("https://a.example/x and again https://a.example/x")).containsExactly("https://a.example/x");
    assertThat(Links.in("No links here.")).isEmpty();
    assertThat(Links.in(null)).isEmpty();
  }
}
