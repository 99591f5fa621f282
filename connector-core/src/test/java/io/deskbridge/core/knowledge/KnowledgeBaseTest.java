package io.deskbridge.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

  private static Article article(String id, String locale) {
    return new Article(id, locale, "Title " + id, "Body", "", List.of(), "", List.of());
  }

  @Test
  void indexesByIdAndLocale() {
    var kb = KnowledgeBase.of(List.of(article("a", "en"), article("a", "cs"), article("b", "en")));

    assertThat(kb.size()).isEqualTo(3);
    assertThat(kb.ids()).containsExactly("a", "b");
    assertThat(kb.byId("a")).extracting(Article::locale).containsExactly("en", "cs");
    assertThat(kb.locales("b")).containsExactly("en");
    assertThat(kb.find("a", "cs")).isPresent();
    assertThat(kb.find("b", "cs")).isEmpty();
    assertThat(kb.byId("nope")).isEmpty();
    assertThat(kb.locales("nope")).isEmpty();
    assertThat(kb.countByLocale()).containsEntry("en", 2).containsEntry("cs", 1);
  }

  @Test
  void rejectsDuplicateIdAndLocale() {
    assertThatThrownBy(() -> KnowledgeBase.of(List.of(article("a", "en"), article("a", "en"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate article id 'a'");
  }

  @Test
  void isImmutable() {
    var kb = KnowledgeBase.of(List.of(article("a", "en")));

    assertThatThrownBy(() -> kb.articles().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> kb.ids().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void plusAppends() {
    var kb = KnowledgeBase.of(List.of(article("a", "en"))).plus(KnowledgeBase.of(List.of(article("a", "pl"))));

    assertThat(kb.locales("a")).containsExactly("en", "pl");
    assertThat(KnowledgeBase.empty().size()).isZero();
  }

  @Test
  void articleValidatesAndNormalizes() {
    var a = new Article(" a ", "en", " T ", " B ", null, null, null, null);
    assertThat(a.id()).isEqualTo("a");
    assertThat(a.title()).isEqualTo("T");
    assertThat(a.url()).isEmpty();
    assertThat(a.questions()).isEmpty();
    assertThat(a.group()).isEmpty();

    assertThatThrownBy(() -> new Article("a", "EN", "T", "B", "", List.of(), "", List.of()))
        .hasMessageContaining("ISO 639-1");
    assertThatThrownBy(() -> new Article("a", "en", " ", "B", "", List.of(), "", List.of()))
        .hasMessage("article 'a': 'title' is required");
    assertThatThrownBy(() -> new Article(null, "en", "T", "B", "", List.of(), "", List.of()))
        .hasMessage("article: 'id' is required");
  }
}
