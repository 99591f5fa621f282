package io.deskbridge.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {

  private static final Path FIXTURES = Path.of("src/test/resources/kb");

  @TempDir Path dir;

  @Test
  void loadsMarkdownRecursivelyAndJsonlSkippingUnapproved() {
    var kb = KnowledgeLoader.load(FIXTURES);

    assertThat(kb.ids()).containsExactlyInAnyOrder("password-reset", "change-email", "opening-hours");
    assertThat(kb.size()).isEqualTo(5);
    assertThat(kb.locales("password-reset")).containsExactlyInAnyOrder("en", "cs");
    assertThat(kb.byId("refunds-draft")).isEmpty();
    assertThat(kb.byId("secret-promo")).isEmpty();
  }

  @Test
  void readsFrontMatterAndBody() {
    var article = KnowledgeLoader.load(FIXTURES).find("password-reset", "en").orElseThrow();

    assertThat(article.title()).isEqualTo("Reset your password");
    assertThat(article.url()).isEqualTo("https://help.example/password-reset");
    assertThat(article.group()).isEqualTo("Accounts");
    assertThat(article.tags()).containsExactly("account", "login");
    assertThat(article.questions()).containsExactly("How do I reset my password?", "I forgot my password.");
    assertThat(article.body()).startsWith("Click **Forgot your password?**").endsWith("valid for 24 hours.");
  }

  @Test
  void acceptsFlowListsScalarsAndMissingOptionalKeys() {
    var kb = KnowledgeLoader.load(FIXTURES);

    assertThat(kb.find("password-reset", "cs").orElseThrow().questions())
        .containsExactly("Jak si obnovím heslo?", "Zapomněl jsem heslo.");
    var email = kb.find("change-email", "en").orElseThrow();
    assertThat(email.tags()).containsExactly("account");
    assertThat(email.url()).isEmpty();
    assertThat(email.group()).isEmpty();
  }

  @Test
  void readsJsonl() {
    var hours = KnowledgeLoader.load(FIXTURES.resolve("articles.jsonl"));

    assertThat(hours.articles()).extracting(Article::locale).containsExactly("en", "pl");
    assertThat(hours.find("opening-hours", "pl").orElseThrow().body()).contains("poniedziałku");
  }

  @Test
  void loadsFromTheClasspathThroughIndex() {
    var kb = KnowledgeLoader.loadFromClasspath(getClass().getClassLoader(), "kb");

    assertThat(kb.articles()).extracting(Article::id, Article::locale).containsExactly(
        org.assertj.core.groups.Tuple.tuple("password-reset", "en"),
        org.assertj.core.groups.Tuple.tuple("password-reset", "cs"),
        org.assertj.core.groups.Tuple.tuple("change-email", "en"));
  }

  @Test
  void missingClasspathFileIsNamed() {
    assertThatThrownBy(() -> KnowledgeLoader.loadFromClasspath(getClass().getClassLoader(), "no-such-kb"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-kb/index.txt");
  }

  @Test
  void readsAnArticlesLookups() throws IOException {
    write("order.md", "---\nid: order-status\nlocale: en\ntitle: Track\nlookups:\n"
        + "  - {name: order, path: \"/orders/{order_number}\", key: order_number}\n"
        + "answerTemplate: \"Order {{order.number}} is {{order.status}}.\"\n---\nSee My account.");
    write("more.jsonl", "{\"id\":\"c\",\"locale\":\"en\",\"title\":\"C\",\"body\":\"B\",\"lookups\":"
        + "[{\"name\":\"customer\",\"path\":\"/customers/{customer_email}\",\"key\":\"customer_email\"}],"
        + "\"answerTemplate\":\"Hi {{customer.name}}\"}");

    var kb = KnowledgeLoader.load(dir);

    assertThat(kb.find("order-status", "en").orElseThrow().lookups())
        .containsExactly(new ArticleLookup("order", "/orders/{order_number}", "order_number"));
    assertThat(kb.find("order-status", "en").orElseThrow().answerTemplate())
        .isEqualTo("Order {{order.number}} is {{order.status}}.");
    assertThat(kb.find("order-status", "en").orElseThrow().body()).isEqualTo("See My account.");
    assertThat(kb.find("c", "en").orElseThrow().lookups())
        .containsExactly(new ArticleLookup("customer", "/customers/{customer_email}", "customer_email"));
  }

  @Test
  void aBadLookupNamesFileLineAndWhatIsExpected() throws IOException {
    var file = write("a.md", "---\nid: a\nlocale: en\ntitle: T\nlookups:\n"
        + "  - {name: order, path: \"/orders/{id}\", key: order_number}\n---\nBody");
    assertThatThrownBy(() -> KnowledgeLoader.load(dir))
        .hasMessage(file + ":1: lookup 'order': path may hold only the placeholder {order_number}, got {id}");

    Files.writeString(file, "---\nid: a\nlocale: en\ntitle: T\nlookups:\n"
        + "  - {name: order, path: \"/orders/{order_number}\", key: invoice}\n---\nBody");
    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessageStartingWith(file + ":1: lookup 'order': key must "
        + "be one of customer_email, customer_id, email, order_number, phone");

    Files.writeString(file, "---\nid: a\nlocale: en\ntitle: T\nlookups:\n"
        + "  - {name: order, url: \"https://x/{order_number}\", key: order_number}\n---\nBody");
    assertThatThrownBy(() -> KnowledgeLoader.load(dir))
        .hasMessage(file + ":1: unknown lookup key 'url'; known keys: name, path, key");

    Files.writeString(file, "---\nid: a\nlocale: en\ntitle: T\nlookups:\n"
        + "  - {name: order, path: \"/orders/{order_number}\", key: order_number}\n---\nBody");
    assertThatThrownBy(() -> KnowledgeLoader.load(dir))
        .hasMessageStartingWith(file + ":1: article 'a': 'lookups' and 'answerTemplate' go together");

    Files.writeString(file, "---\nid: a\nlocale: en\ntitle: T\nlookups:\n"
        + "  - {name: order, path: \"/orders/{order_number}\", key: order_number}\n"
        + "answerTemplate: \"{{invoice.total}}\"\n---\nBody");
    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessage(file + ":1: article 'a': answerTemplate's "
        + "{{invoice.total}} names no lookup; declared: order");
  }

  @Test
  void missingIdNamesFileAndLine() throws IOException {
    var file = write("a.md", "---\nlocale: en\ntitle: T\n---\nBody");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(file + ":1: article: 'id' is required");
  }

  @Test
  void missingBodyIsAnError() throws IOException {
    var file = write("a.md", "---\nid: a\nlocale: en\ntitle: T\n---\n\n");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessage(file + ":1: article 'a': 'body' is required");
  }

  @Test
  void badYamlNamesTheLineInTheFile() throws IOException {
    var file = write("a.md", "---\nid: a\nlocale: en\ntitle: [unclosed\n---\nBody");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir))
        .hasMessageStartingWith(file + ":").hasMessageContaining("invalid YAML front matter");
  }

  @Test
  void unquotedQuestionMarkInAFlowListIsExplained() throws IOException {
    var file = write("a.md", "---\nid: a\nlocale: en\ntitle: T\nquestions: [Where is it?, When?]\n---\nBody");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir))
        .hasMessageStartingWith(file + ":5: invalid YAML front matter: ").hasMessageContaining("quote values")
        .hasMessageNotContaining("\n");
  }

  @Test
  void missingFrontMatterIsAnError() throws IOException {
    var file = write("a.md", "# Just markdown\n");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessageStartingWith(file + ":1: expected YAML front matter");
  }

  @Test
  void unclosedFrontMatterIsAnError() throws IOException {
    write("a.md", "---\nid: a\n");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessageContaining("not closed");
  }

  @Test
  void unknownKeyIsAnErrorToCatchTypos() throws IOException {
    write("a.md", "---\nid: a\nlocale: en\ntitle: T\nquestons: [x]\n---\nBody");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessageContaining("unknown key 'questons'");
  }

  @Test
  void badLocaleIsAnError() throws IOException {
    write("a.md", "---\nid: a\nlocale: English\ntitle: T\n---\nBody");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessageContaining("ISO 639-1");
  }

  @Test
  void badJsonNamesTheLine() throws IOException {
    var file = write("a.jsonl", """
        {"id": "a", "locale": "en", "title": "T", "body": "B"}

        {"id": "b", "locale": "en",
        """);

    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessageStartingWith(file + ":3: invalid JSON");
  }

  @Test
  void jsonlLineMustBeAnObject() throws IOException {
    var file = write("a.jsonl", "[1, 2]\n");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessage(file + ":1: expected a JSON object");
  }

  @Test
  void duplicateIdAndLocaleNamesBothPlaces() throws IOException {
    var first = write("a.md", "---\nid: a\nlocale: en\ntitle: T\n---\nBody");
    var second = write("b.jsonl", "{\"id\": \"x\", \"locale\": \"en\", \"title\": \"T\", \"body\": \"B\"}\n"
        + "{\"id\": \"a\", \"locale\": \"en\", \"title\": \"T\", \"body\": \"B\"}\n");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessage(
        second + ":2: duplicate article id 'a' in locale 'en' (first defined at " + first + ":1)");
  }

  @Test
  void sameIdInAnotherLocaleIsFine() throws IOException {
    write("a.en.md", "---\nid: a\nlocale: en\ntitle: T\n---\nBody");
    write("a.cs.md", "---\nid: a\nlocale: cs\ntitle: T\n---\nTělo");

    assertThat(KnowledgeLoader.load(dir).locales("a")).containsExactlyInAnyOrder("en", "cs");
  }

  @Test
  void approvedMustBeABoolean() throws IOException {
    write("a.md", "---\nid: a\nlocale: en\ntitle: T\napproved: maybe\n---\nBody");

    assertThatThrownBy(() -> KnowledgeLoader.load(dir)).hasMessageContaining("'approved' must be true or false");
  }

  @Test
  void unapprovedArticleNeedsNoOtherFields() throws IOException {
    write("a.md", "---\nid: a\napproved: false\n---\n");

    assertThat(KnowledgeLoader.load(dir).size()).isZero();
  }

  @Test
  void aPathThatIsNeitherFolderNorArticleFileIsAnError() {
    assertThatThrownBy(() -> KnowledgeLoader.load(dir.resolve("missing.txt")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither a folder");
  }

  private Path write(String name, String content) throws IOException {
    var file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void windowsLineEndingsAndBomAreFine() throws IOException {
    write("a.md", "\uFEFF---\r\nid: a\r\nlocale: en\r\ntitle: T\r\nquestions:\r\n  - Q?\r\n---\r\nBody\r\n");

    assertThat(KnowledgeLoader.load(dir).articles()).singleElement()
        .satisfies(a -> assertThat(a.questions()).isEqualTo(List.of("Q?")))
        .satisfies(a -> assertThat(a.body()).isEqualTo("Body"));
  }
}
