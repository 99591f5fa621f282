package io.deskbridge.core.escalation;

import static io.deskbridge.core.escalation.KeyFact.Type.AMOUNT;
import static io.deskbridge.core.escalation.KeyFact.Type.DATE;
import static io.deskbridge.core.escalation.KeyFact.Type.EMAIL;
import static io.deskbridge.core.escalation.KeyFact.Type.ORDER_NUMBER;
import static io.deskbridge.core.escalation.KeyFact.Type.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyFactExtractorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Where is my order #48213?                       | 48213
      Please cancel my order 55120 immediately        | 55120
      Order no. 77812 never came                      | 77812
      order number: A-1234 is wrong                   | A-1234
      Kde je objednávka 12345?                        | 12345
      Objednávka č. 2024117 nedorazila.               | 2024117
      Gdzie jest zamówienie nr 98765?                 | 98765
      Reference ORD-2024-001, please check            | ORD-2024-001
      Naročilo št. 4411 ni prišlo.                    | 4411
      """)
  void orderNumbers(String text, String id) {
    assertThat(KeyFactExtractor.extract(text)).containsExactly(new KeyFact(ORDER_NUMBER, id));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Call me at +420 777 123 456 please.     | +420 777 123 456
      Můj telefon je 601-234-567.             | 601-234-567
      Numer: +48 601 234 567                  | +48 601 234 567
      tel. 777123456                          | 777123456
      """)
  void phoneNumbers(String text, String phone) {
    assertThat(KeyFactExtractor.extract(text)).containsExactly(new KeyFact(PHONE, phone));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      You charged me 249 EUR.             | 249 EUR
      It cost €15.99 in the end.          | €15.99
      I paid $1,299.50 already.           | $1,299.50
      Zaplatil jsem 1 200 Kč.             | 1 200 Kč
      Zapłaciłem 49,90 zł.                | 49,90 zł
      Refund 30 PLN please                | 30 PLN
      Cena byla 599 CZK                   | 599 CZK
      It was £20 more                     | £20
      """)
  void amounts(String text, String amount) {
    assertThat(KeyFactExtractor.extract(text)).containsExactly(new KeyFact(AMOUNT, amount));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Delivered on 2024-05-01.              | 2024-05-01
      Objednal jsem 1.5.2024.               | 1.5.2024
      Objednal jsem 1. 5. 2024.             | 1. 5. 2024
      Since 01/05/2024 nothing happened     | 01/05/2024
      on 12 May 2024 you charged me         | 12 May 2024
      It was May 12, 2024                   | May 12, 2024
      Dne 12. května 2024 jsem zaplatil     | 12. května 2024
      Zamówiłem 3 marca 2024 r.             | 3 marca 2024
      """)
  void dates(String text, String date) {
    assertThat(KeyFactExtractor.extract(text)).containsExactly(new KeyFact(DATE, date));
  }

  @Test
  void emails() {
    assertThat(KeyFactExtractor.extract("Write to jan.novak+shop@example.co.uk or ANNA@firma.cz."))
        .containsExactly(new KeyFact(EMAIL, "jan.novak+shop@example.co.uk"), new KeyFact(EMAIL, "ANNA@firma.cz"));
  }

  @Test
  void severalFactsInOrderOfAppearance() {
    var text = "I will contact my lawyer about the charge of 249 EUR on 12 May 2024 for order #48213. "
        + "Reach me at jan@example.com or +420 777 123 456.";

    assertThat(KeyFactExtractor.extract(text)).containsExactly(
        new KeyFact(AMOUNT, "249 EUR"),
        new KeyFact(DATE, "12 May 2024"),
        new KeyFact(ORDER_NUMBER, "48213"),
        new KeyFact(EMAIL, "jan@example.com"),
        new KeyFact(PHONE, "+420 777 123 456"));
  }

  @Test
  void nothingInOrdinaryText() {
    assertThat(KeyFactExtractor.extract("How can I reset my password? I tried 3 times, 2 days ago.")).isEmpty();
    assertThat(KeyFactExtractor.extract("My order was supposed to arrive yesterday.")).isEmpty();
    assertThat(KeyFactExtractor.extract("")).isEmpty();
  }

  @Test
  void deduplicatesAcrossTexts() {
    assertThat(KeyFactExtractor.extract(List.of("order #48213", "still waiting for #48213", "jan@example.com")))
        .containsExactly(new KeyFact(ORDER_NUMBER, "48213"), new KeyFact(EMAIL, "jan@example.com"));
  }
}
