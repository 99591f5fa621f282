package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BracketsTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }

  @Test
  void nestsBracketsIntoMapsAndDecodesKeysAndValues() {
    Map<String, Object> t = Brackets.parse("filter%5Blogic%5D=and&filter[filters][0][field]=stage"
        + "&filter[filters][0][value]=OPEN+now&filter[filters][1][value][0]=a&filter[filters][1][value][1]=b%26c"
        + "&take=10");
    assertThat(t).containsEntry("take", "10");
    @SuppressWarnings("unchecked")
    Map<String, Object> filter = (Map<String, Object>) t.get("filter");
    assertThat(filter).containsEntry("logic", "and");
    List<Object> filters = Brackets.items(filter.get("filters"));
    assertThat(filters).hasSize(2);
    assertThat(map(filters.get(0))).containsEntry("field", "stage").containsEntry("value", "OPEN now");
    assertThat(Brackets.items(map(filters.get(1)).get("value"))).containsExactly("a", "b&c");
  }

  @Test
  void emptyBracketsAppendAndIndexesOrderNumerically() {
    Map<String, Object> t = Brackets.parse("fields[]=name&fields[]=title&sort[10][field]=b&sort[2][field]=a");
    assertThat(Brackets.items(t.get("fields"))).containsExactly("name", "title");
    assertThat(Brackets.items(t.get("sort"))).extracting(s -> map(s).get("field")).containsExactly("a", "b");
  }

  @Test
  void malformedKeysStayPlainAndLaterValuesWin() {
    assertThat(Brackets.segments("a[b")).containsExactly("a[b");
    assertThat(Brackets.segments("a[b]c")).containsExactly("a[b]c");
    assertThat(Brackets.segments("[x]")).containsExactly("[x]");
    Map<String, Object> t = Brackets.parse("a=1&a=2&b&c=%zz");
    assertThat(t).containsEntry("a", "2").containsEntry("b", "").containsEntry("c", "%zz");
    assertThat(Brackets.parse(null)).isEmpty();
  }

  @Test
  void aSubtreeWinsOverALeafOfTheSameName() {
    Map<String, Object> t = Brackets.parse("f=x&f[a]=1&f=y");
    assertThat(t.get("f")).isInstanceOf(Map.class);
    assertThat(map(t.get("f"))).containsEntry("a", "1");
  }
}
