package io.deskbridge.daktela.internal.client;

import static io.deskbridge.daktela.internal.client.DaktelaQuery.and;
import static io.deskbridge.daktela.internal.client.DaktelaQuery.eq;
import static io.deskbridge.daktela.internal.client.DaktelaQuery.gte;
import static io.deskbridge.daktela.internal.client.DaktelaQuery.in;
import static io.deskbridge.daktela.internal.client.DaktelaQuery.isNull;
import static io.deskbridge.daktela.internal.client.DaktelaQuery.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.daktela.internal.client.DaktelaQuery.Dir;
import org.junit.jupiter.api.Test;

/** The bracket syntax, byte for byte as the vendor contract (docs/vendors daktela.md §1.5) writes it. */
class DaktelaQueryTest {

  @Test
  void aGroupedFilterIsTheDocumentsExample() {
    var query = DaktelaQuery.all().filter(and(eq("stage", "OPEN"), in("category", "a", "b")));

    assertThat(query.decoded()).isEqualTo("filter[logic]=and"
        + "&filter[filters][0][field]=stage&filter[filters][0][operator]=eq&filter[filters][0][value]=OPEN"
        + "&filter[filters][1][field]=category&filter[filters][1][operator]=in&filter[filters][1][value][0]=a"
        + "&filter[filters][1][value][1]=b");
  }

  @Test
  void groupsNestAsTheDocumentSays() {
    var query = DaktelaQuery.all().filter(and(eq("stage", "OPEN"), or(eq("user", "alice"), isNull("user"))));

    assertThat(query.decoded()).isEqualTo("filter[logic]=and"
        + "&filter[filters][0][field]=stage&filter[filters][0][operator]=eq&filter[filters][0][value]=OPEN"
        + "&filter[filters][1][logic]=or"
        + "&filter[filters][1][filters][0][field]=user&filter[filters][1][filters][0][operator]=eq"
        + "&filter[filters][1][filters][0][value]=alice"
        + "&filter[filters][1][filters][1][field]=user&filter[filters][1][filters][1][operator]=isnull");
  }

  @Test
  void sortPagingAndFieldsAreTheDocumentsExamples() {
    assertThat(DaktelaQuery.all().sort("edited", Dir.DESC).decoded()).isEqualTo("sort[0][field]=edited&sort[0][dir]=desc");
    assertThat(DaktelaQuery.all().skip(200).take(100).decoded()).isEqualTo("skip=200&take=100");
    assertThat(DaktelaQuery.all().fields("name", "title").decoded()).isEqualTo("fields[0]=name&fields[1]=title");
  }

  @Test
  void theSentFormIsPercentEncodedBracketsSpacesAndAll() {
    var query = DaktelaQuery.all().filter(and(gte("edited", "2026-12-04 14:00:00"))).sort("edited", Dir.ASC)
        .take(1000);

    assertThat(query.encoded()).isEqualTo("filter%5Blogic%5D=and"
        + "&filter%5Bfilters%5D%5B0%5D%5Bfield%5D=edited&filter%5Bfilters%5D%5B0%5D%5Boperator%5D=gte"
        + "&filter%5Bfilters%5D%5B0%5D%5Bvalue%5D=2026-12-04%2014%3A00%3A00"
        + "&sort%5B0%5D%5Bfield%5D=edited&sort%5B0%5D%5Bdir%5D=asc&take=1000");
  }

  @Test
  void valuesWithReservedAndNonAsciiCharactersAreEncodedAsUtf8() {
    assertThat(DaktelaQuery.encode("a&b=c+d/é")).isEqualTo("a%26b%3Dc%2Bd%2F%C3%A9");
  }

  @Test
  void moreThanAThousandIsNeverTaken() {
    assertThatThrownBy(() -> DaktelaQuery.all().take(1001))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
    assertThatThrownBy(() -> DaktelaQuery.all().take(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(DaktelaQuery.all().take(1000).take()).isEqualTo(1000);
  }

  @Test
  void anEmptyGroupIsRefused() {
    assertThatThrownBy(DaktelaQuery::and).isInstanceOf(IllegalArgumentException.class);
  }
}
