package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.app.eval.EmailCase.Expect;
import io.deskbridge.app.eval.EmailCase.Kind;
import io.deskbridge.core.email.EmailText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datasets emails} on the tiny Bitext sample (no rows of the real set). */
class EmailDatasetsTest {
  private static final Path SAMPLE = Path.of("src/test/resources/eval/bitext-sample.csv");

  @TempDir
  Path dir;

  @Test
  void theSameHeldOutMessagesBareAndWrappedInEveryLanguageWithTheirExpectedOutcome() {
    var summary = EmailDatasets.emails(SAMPLE, dir, 7, 0.2);
    var bare = EvalCase.read(dir.resolve("cases.jsonl"));
    var emails = EmailCase.read(dir.resolve("emails.jsonl"));
    assertThat(summary).contains("5 cases", "emails.jsonl");
    var byKind = emails.stream().collect(Collectors.groupingBy(EmailCase::kind, Collectors.counting()));
    assertThat(byKind).containsEntry(Kind.BARE, 5L).containsEntry(Kind.WRAPPED, 25L)
        .containsEntry(Kind.OUT_OF_OFFICE, 5L * EmailDatasets.OUT_OF_OFFICE_PER_LANGUAGE)
        .containsEntry(Kind.BOUNCE, 5L * EmailDatasets.BOUNCES_PER_LANGUAGE)
        .containsEntry(Kind.AUTO_REPLY, 5L * EmailDatasets.AUTO_REPLIES_PER_LANGUAGE)
        .containsEntry(Kind.MAILING_LIST, 5L * EmailDatasets.LISTS_PER_LANGUAGE);
    var kb = EmailDatasets.articles(dir.resolve("kb.jsonl"));
    Map<String, String> bodies = kb.stream().collect(Collectors.toMap(EmailDatasets.Article::id,
        EmailDatasets.Article::body));
    for (var c : bare) {
      var forIt = emails.stream().filter(e -> e.source().equals(List.of(c.id()))).toList();
      assertThat(forIt).extracting(EmailCase::template).containsExactlyInAnyOrder("", "en", "cs", "pl", "sk", "sl");
      for (var e : forIt) {
        var expect = c.expect() == EvalCase.Expect.ANSWER ? Expect.ANSWER : Expect.HANDOVER;
        assertThat(e.expect()).as(e.id()).isEqualTo(expect);
        assertThat(e.reason()).as(e.id()).isEqualTo(c.reason());
        assertThat(e.articles()).as(e.id()).isEqualTo(c.article().isEmpty() ? List.of() : List.of(c.article()));
        var readable = e.style().equals("html") ? EmailText.htmlToText(e.text()) : e.text();
        assertThat(readable).as(e.id()).contains(c.text());
        if (e.kind() == Kind.WRAPPED) {
          // the quoted history is another article's earlier reply, never the expected one's
          var quoted = bodies.entrySet().stream().filter(b -> readable.contains(b.getValue().lines().findFirst()
              .orElseThrow())).map(Map.Entry::getKey).toList();
          assertThat(quoted).as(e.id()).hasSize(1).doesNotContain(c.article());
        } else {
          assertThat(e.text()).isEqualTo(c.text());
        }
      }
    }
    assertThat(emails).filteredOn(e -> e.kind() == Kind.WRAPPED).extracting(EmailCase::style)
        .contains("plain", "outlook", "html");
    assertThat(emails).filteredOn(e -> e.kind() == Kind.WRAPPED).anySatisfy(e -> assertThat(e.headers()).isEmpty())
        .anySatisfy(e -> assertThat(e.headers()).containsKeys("From", "Return-Path", "Message-ID"));
  }

  @Test
  void multiRequestEmailsJoinTwoMessagesOfDifferentArticles() {
    EmailDatasets.emails(SAMPLE, dir, 7, 0.2);
    var bare = EvalCase.read(dir.resolve("cases.jsonl"));
    var multi = EmailCase.read(dir.resolve("emails.jsonl")).stream().filter(e -> e.kind() == Kind.MULTI).toList();
    assertThat(multi).isNotEmpty();
    for (var e : multi) {
      assertThat(e.source()).hasSize(2);
      assertThat(e.articles()).hasSize(2).doesNotHaveDuplicates();
      var text = e.style().equals("html") ? EmailText.htmlToText(e.text()) : e.text();
      for (int i = 0; i < 2; i++) {
        var source = e.source().get(i);
        var c = bare.stream().filter(b -> b.id().equals(source)).findFirst().orElseThrow();
        assertThat(c.article()).isEqualTo(e.articles().get(i));
        assertThat(text.toLowerCase(java.util.Locale.ROOT)).contains(c.text().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  @Test
  void noticesCarryTheirMarksWithAndWithoutHeaders() {
    EmailDatasets.emails(SAMPLE, dir, 7, 0.2);
    var emails = EmailCase.read(dir.resolve("emails.jsonl"));
    var notices = emails.stream().filter(e -> e.kind().automated()).toList();
    assertThat(notices).allSatisfy(e -> assertThat(e.expect()).isEqualTo(Expect.IGNORE));
    var ooo = notices.stream().filter(e -> e.kind() == Kind.OUT_OF_OFFICE).toList();
    assertThat(ooo).filteredOn(e -> e.style().equals("wording")).hasSize(ooo.size() / 2)
        .allSatisfy(e -> assertThat(e.headers()).isEmpty());
    assertThat(ooo).filteredOn(e -> e.style().equals("headers")).allSatisfy(e -> assertThat(e.headers().keySet())
        .containsAnyOf("Auto-Submitted", "X-Autoreply", "Precedence"));
    assertThat(notices).filteredOn(e -> e.kind() == Kind.BOUNCE && e.style().equals("headers"))
        .allSatisfy(e -> assertThat(e.headers()).containsEntry("Return-Path", "<>"));
    assertThat(notices).filteredOn(e -> e.kind() == Kind.BOUNCE && e.style().equals("sender"))
        .allSatisfy(e -> assertThat(e.from()).matches("(mailer-daemon|postmaster)@.*"));
    assertThat(notices).filteredOn(e -> e.kind() == Kind.MAILING_LIST)
        .anySatisfy(e -> assertThat(e.headers()).containsKey("List-Id"));
    for (var l : EmailDatasets.LANGUAGES) {
      assertThat(ooo).filteredOn(e -> e.template().equals(l)).as(l).hasSize(EmailDatasets.OUT_OF_OFFICE_PER_LANGUAGE);
    }
  }

  @Test
  void theSameSeedWritesTheSameFileAndAnotherSeedAnother() throws Exception {
    EmailDatasets.emails(SAMPLE, dir.resolve("a"), 7, 0.2);
    EmailDatasets.emails(SAMPLE, dir.resolve("b"), 7, 0.2);
    EmailDatasets.emails(SAMPLE, dir.resolve("c"), 8, 0.2);
    var a = Files.readString(dir.resolve("a/emails.jsonl"));
    assertThat(Files.readString(dir.resolve("b/emails.jsonl"))).isEqualTo(a);
    assertThat(Files.readString(dir.resolve("c/emails.jsonl"))).isNotEqualTo(a);
    assertThat(EmailDatasets.isEmailCases(dir.resolve("a/emails.jsonl"))).isTrue();
    assertThat(EmailDatasets.isEmailCases(dir.resolve("a/cases.jsonl"))).isFalse();
  }

  @Test
  void addressesAreAsciiFromTheName() {
    assertThat(EmailDatasets.address("Jana Nováková", "example.cz")).isEqualTo("jana.novakova@example.cz");
    assertThat(EmailDatasets.address("Michał Wójcik", "example.pl")).isEqualTo("michal.wojcik@example.pl");
  }
}
