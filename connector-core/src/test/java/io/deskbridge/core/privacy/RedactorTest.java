package io.deskbridge.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the redactor replaces, what it keeps, and how an answer written from redacted text gets its values back. */
class RedactorTest {
  private final Redactor redactor = Redactor.standard();

  @Test
  void eachTypeIsReplacedByItsPlaceholder() {
    assertThat(redactor.redact("Write to jana.novakova+shop@seznam.cz please"))
        .isEqualTo("Write to [email] please");
    assertThat(redactor.redact("Zavolejte mi na +420 602 123 456 nebo 737 111 222."))
        .isEqualTo("Zavolejte mi na [phone] nebo [phone].");
    assertThat(redactor.redact("Karta 4111 1111 1111 1111, platnost 12/27"))
        .isEqualTo("Karta [card], platnost 12/27");
    assertThat(redactor.redact("Amex 3782 822463 10005 ok")).isEqualTo("Amex [card] ok");
    assertThat(redactor.redact("účet CZ65 0800 0000 1920 0014 5399 prosím"))
        .isEqualTo("účet [iban] prosím");
    assertThat(redactor.redact("konto PL61109010140000071219812874.")).isEqualTo("konto [iban].");
    assertThat(redactor.redact("RČ 800101/1238, PESEL 44051401359, EMŠO 0101006500006"))
        .isEqualTo("RČ [national-id], PESEL [national-id], EMŠO [national-id]");
  }

  @Test
  void lookalikesStay() {
    String text = "Objednávka č. 602123456 ze dne 18.05.2026 za 1 299,00 Kč, faktura 2026001234, "
        + "karta 4111 1111 1111 1112, účet CZ65 0800 0000 1920 0014 5398, RČ 800101/1239, PSČ 110 00, 14:30";
    assertThat(redactor.find(text)).isEmpty();
    assertThat(redactor.redact("order #737111222 arrived")).as("a number after an order label")
        .isEqualTo("order #737111222 arrived");
    assertThat(redactor.redact("zavolejte na 737111222")).as("the same digits unlabelled").contains("[phone]");
  }

  @Test
  void aLogLineKeepsItsTimestampAndIds() {
    String line = "03:14:22.123 WARN  i.d.core.engine.Workers - event e-1001 of acme/4711 failed (attempt 2 of 5): "
        + "Zendesk answered 422 for jan.kovac@azet.sk";
    assertThat(redactor.redact(line)).isEqualTo(line.replace("jan.kovac@azet.sk", "[email]"));
  }

  @Test
  void anAnswerWrittenFromRedactedTextGetsItsValuesBack() {
    var r = redactor.redaction("Please call +420 777 123 456, or mail a@b.cz or c@d.cz");
    assertThat(r.text()).isEqualTo("Please call [phone], or mail [email] or [email]");
    assertThat(r.restore("We will call you at [phone].")).isEqualTo("We will call you at +420 777 123 456.");
    assertThat(r.holdsPlaceholder(r.restore("We wrote to [email]."))).as("two addresses: ambiguous").isTrue();
    assertThat(r.replaced().get(PiiType.EMAIL)).containsExactly("a@b.cz", "c@d.cz");
  }

  @Test
  void spansDoNotOverlapAndNullStaysNull() {
    assertThat(redactor.redact(null)).isNull();
    var spans = redactor.find("IBAN SK31 1200 0000 1987 4263 7541 a tel. 0903 123 456");
    assertThat(spans).extracting(PiiSpan::type).containsExactly(PiiType.IBAN, PiiType.PHONE);
  }

  @Test
  void regionsMustBePhoneRegions() {
    assertThat(Redactor.forRegions(List.of("DE")).redact("030 12345678")).isEqualTo("[phone]");
    assertThatThrownBy(() -> Redactor.forRegions(List.of("XX"))).hasMessageContaining("'XX'");
  }
}
