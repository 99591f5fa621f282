package io.deskbridge.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoopGuardTest {

  private static Message mail(String from, String text, Map<String, String> headers) {
    return new Message("m1", AuthorRole.CUSTOMER, Visibility.PUBLIC, from, text, Instant.EPOCH, headers);
  }

  private static Message mail(String text) {
    return mail("jane@example.com", text, Map.of());
  }

  @ParameterizedTest
  @CsvSource({
      "Auto-Submitted, auto-replied, auto_reply",
      "auto-submitted, auto-generated, auto_reply",
      "X-Autoreply, yes, auto_reply",
      "Precedence, bulk, mailing_list",
      "Precedence, List, mailing_list",
      "Precedence, junk, mailing_list",
      "List-Id, <news.shop.example>, mailing_list",
      "Return-Path, <>, bounce"})
  void headersSayWhatANoticeIsWhateverItSays(String name, String value, String reason) {
    var m = mail("jane@example.com", "Where is my order 12345?", Map.of(name, value));

    assertThat(LoopGuard.reason(m, "Re: order")).contains(reason);
  }

  @Test
  void autoSubmittedNoIsAPersonWriting() {
    var m = mail("jane@example.com", "Where is my order?", Map.of("Auto-Submitted", "no",
        "Return-Path", "<jane@example.com>", "Precedence", "first-class"));

    assertThat(LoopGuard.reason(m, "")).isEmpty();
  }

  @Test
  void anAutoSubmittedDeliveryFailureIsABounce() {
    var m = mail("mailer@mx.example", "Delivery has failed to these recipients or groups: shop@example.com",
        Map.of("Auto-Submitted", "auto-replied"));

    assertThat(LoopGuard.reason(m, "Undeliverable: Your order")).contains(LoopGuard.BOUNCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MAILER-DAEMON@mx.example.com", "postmaster@shop.example"})
  void aMailerDaemonSenderIsABounce(String from) {
    assertThat(LoopGuard.reason(mail(from, "Your message could not be delivered.", Map.of()), "")).contains("bounce");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I am out of the office until 14 December with limited access to e-mail. For urgent matters contact "
          + "sales@example.com.",
      "Dobrý den, jsem do 14. 12. na dovolené a e-maily nečtu. V naléhavých případech volejte 777 123 456.",
      "Dzień dobry, jestem na urlopie do 14 grudnia. W pilnych sprawach proszę o kontakt z biurem.",
      "Dobrý deň, som na dovolenke do 14. 12. Počas mojej neprítomnosti kontaktujte kolegu.",
      "Pozdravljeni, do 14. 12. sem na dopustu. V času moje odsotnosti pišite na info@podjetje.example.",
      "I am out of the office until Monday. For urgent matters please contact sales@example.com.",
      "I am on annual leave until 4 January. Please note that your e-mail will not be forwarded.",
      "Jsem na dovolené do pondělí. V naléhavých případech prosím kontaktujte kolegu.",
      "Jestem na urlopie do 14 grudnia. Proszę kontaktować się z biurem.",
      "Som mimo kancelárie do piatku, v naliehavých prípadoch prosím kontaktujte kolegu.",
      "Do petka sem na dopustu. Prosimo, kontaktirajte sodelavca.",
      "Do 10. 12. jsem mimo kancelář. V naléhavých případech kontaktujte prosím kolegu."})
  void outOfOfficeWordingInFiveLanguagesIsAnAutoReply(String text) {
    assertThat(LoopGuard.reason(mail(text), "Re: Vaše objednávka")).contains(LoopGuard.AUTO_REPLY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Automatic reply: Your order", "Automatická odpověď: Objednávka",
      "Odpowiedź automatyczna: Zamówienie", "Automatická odpoveď: Objednávka", "Samodejni odgovor: Naročilo"})
  void anAutoReplySubjectInFiveLanguagesIsAnAutoReply(String subject) {
    assertThat(LoopGuard.reason(mail("Thank you for your message."), subject)).contains(LoopGuard.AUTO_REPLY);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "I am on holiday next week, can you deliver the order on 20 December instead?",
      "Jsem na dovolené, můžete mi poslat zásilku až po 14. 12.?",
      "Where is my order 12345? It should have arrived on Monday.",
      "My colleague is out of office, so please send the invoice to me instead?",
      "I'm away until Monday, please deliver after.",
      "Jsem na dovolené do 14. 12., prosím doručte zásilku až potom.",
      "Jestem na urlopie do piątku, proszę wstrzymać wysyłkę do poniedziałku.",
      "Som na dovolenke, prosím pošlite balík až budúci týždeň.",
      "Do petka sem na dopustu, prosim dostavite paket v ponedeljek."})
  void aCustomerWhoAsksSomethingIsAnsweredThoughTheWordsLookAlike(String text) {
    assertThat(LoopGuard.reason(mail(text), "Order 12345")).isEmpty();
  }

  @Test
  void outOfOfficeWordingInTheQuotedHistoryDoesNotCount() {
    var text = "Please send the parcel to my office address instead.\n\nOn Mon, 30 Nov 2026 at 10:00, Jane <jane@example.com> wrote:\n"
        + "> I am out of the office until Monday.";

    assertThat(LoopGuard.reason(mail(text), "Re: order")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Dobrý den, od 1. 12. do 14. 12. čerpám dovolenou. Na Váš e-mail odpovím po návratu.",
      "Dobrý den, v současné době nejsem v kanceláři. Vrátím se 14. 12.",
      "Dzień dobry, do 14 grudnia nie ma mnie w biurze. Wiadomość zostanie odczytana po powrocie.",
      "Dzień dobry, przebywam na urlopie macierzyńskim do 14 grudnia.",
      "Dobrý deň, od 1. 12. čerpám dovolenku. Na Vašu správu odpoviem po návrate.",
      "V súčasnosti nie som v kancelárii. Vrátim sa 14. 12.",
      "Trenutno me ni v pisarni. Vaše sporočilo bom prebrala po 14. 12.",
      "Pozdravljeni, zaradi letnega dopusta do 14. 12. ne bom odgovarjal na e-pošto.",
      "Thanks for your message. I will be on leave until 14 December."})
  void leaveAndAbsenceWordingIsAnAutoReply(String text) {
    assertThat(LoopGuard.reason(mail(text), "Re: Objednávka")).contains(LoopGuard.AUTO_REPLY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dovolená do 14. 12.", "Urlop do 14 grudnia", "Odsotnost: Naročilo", "Away until Monday"})
  void aVacationResponderSubjectIsAnAutoReply(String subject) {
    assertThat(LoopGuard.reason(mail("Thank you for your message."), subject)).contains(LoopGuard.AUTO_REPLY);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Nedoručitelné: Vaše objednávka|Doručení následujícím příjemcům nebo skupinám se nezdařilo: jan@example.cz",
      "Niedostarczalne: Zamówienie|Dostarczenie do tych adresatów lub grup nie powiodło się: jan@example.pl",
      "Nedoručiteľné: Objednávka|Doručenie nasledujúcim príjemcom alebo skupinám zlyhalo: jan@example.sk",
      "Ni mogoče dostaviti: Naročilo|Dostava tem prejemnikom ali skupinam ni uspela: jan@example.si",
      "Failure Notice|Sorry, we were unable to deliver your message to the following address.",
      "Vrácená zpráva|Vaše zpráva pro <jan@example.cz> ze dne 30.11.2026 nemohla být doručena.",
      "Mail delivery failed|This message was created automatically by mail delivery software."})
  void nonDeliveryReportsKnownOnlyByTheirWordingAreBounces(String subject, String text) {
    var m = mail("MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.cz", text, Map.of());

    assertThat(LoopGuard.reason(m, subject)).contains(LoopGuard.BOUNCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Zásilka nemohla být doručena, kurýr mě nezastihl. Pošlete ji prosím znovu.",
      "Nie ma mnie w domu do piątku, proszę dostarczyć paczkę w poniedziałek.",
      "The parcel was returned to you, please send it again to my new address."})
  void aCustomerWritingAboutADeliveryIsNoNotice(String text) {
    assertThat(LoopGuard.reason(mail(text), "Order 12345")).isEmpty();
  }
}
