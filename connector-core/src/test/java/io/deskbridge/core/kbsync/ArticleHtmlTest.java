package io.deskbridge.core.kbsync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleHtmlTest {
  private static final String PAGE = "https://acme.zendesk.com/hc/en-us/articles/360001";

  @Test
  void paragraphsListsAndBreaksBecomeLines() {
    String text = ArticleHtml.toText("<h2>Returns</h2><p>You can return   goods\nwithin <b>30 days</b>.</p>"
        + "<ol><li>Pack it</li><li>Print the label</li></ol><ul><li>no fees</li></ul><p>Line one<br>Line two</p>",
        PAGE);
    assertThat(text).isEqualTo("""
        Returns

        You can return goods within 30 days.

        1. Pack it
        2. Print the label

        - no fees

        Line one
        Line two""");
  }

  @Test
  void linksKeepTheirAbsoluteAddress() {
    String text = ArticleHtml.toText("<p>See <a href=\"/hc/en-us/articles/42\">the shipping page</a>, "
        + "<a href=\"https://example.com/x\">https://example.com/x</a> or <a href=\"mailto:help@acme.example\">"
        + "write to us</a>. <a href=\"#top\">Top</a> <a href=\"javascript:alert(1)\">click</a></p>", PAGE);
    assertThat(text).isEqualTo("See the shipping page (https://acme.zendesk.com/hc/en-us/articles/42), "
        + "https://example.com/x or write to us (mailto:help@acme.example). Top click");
  }

  @Test
  void scriptsStylesImagesAndFormsLeaveNoText() {
    String text = ArticleHtml.toText("<style>p{color:red}</style><script>var secret = 1;</script>"
        + "<p>Visible&nbsp;text<img src=\"x.png\" alt=\"diagram\"></p><form><input value=\"x\">Form</form>", PAGE);
    assertThat(text).isEqualTo("Visible text");
  }

  @Test
  void tableRowsAreCellsOnOneLine() {
    String text = ArticleHtml.toText("<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic</td><td>5 EUR</td>"
        + "</tr></table>", "");
    assertThat(text).isEqualTo("Plan | Price\nBasic | 5 EUR");
  }

  @Test
  void relativeLinkWithoutABasePageStaysAsWritten() {
    assertThat(ArticleHtml.toText("<a href=\"/help/faq\">FAQ</a>", "")).isEqualTo("FAQ (/help/faq)");
    assertThat(ArticleHtml.toText("   ", PAGE)).isEmpty();
    assertThat(ArticleHtml.toText(null, PAGE)).isEmpty();
  }
}
