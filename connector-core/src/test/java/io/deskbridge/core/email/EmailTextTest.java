package io.deskbridge.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** E-mails as customers' mail clients send them, in English, Czech, Polish, Slovak and Slovene. */
class EmailTextTest {

  @Test
  void anEnglishGmailReplyLosesTheQuotedHistoryAndTheSignature() {
    var mail = """
        Hi,

        the parcel still has not arrived. Where is my order 48213?

        Thanks,
        Jane Miller
        Sales Manager | Acme Ltd.
        +44 20 7946 0958

        On Tue, 1 Dec 2026 at 09:12, Web Shop Support <support@shop.example> wrote:
        > Hello Jane,
        > your order 48213 was shipped yesterday.
        > Kind regards
        """;

    assertThat(EmailText.clean(mail)).isEqualTo("the parcel still has not arrived. Where is my order 48213?");
  }

  @Test
  void aGmailReplyHeaderWrappedOntoTwoLinesStillEndsTheMessage() {
    var mail = """
        How do I return the shoes?

        On Tue, 1 Dec 2026 at 09:12, Web Shop Support <support@shop.example>
        wrote:
        > Your order was delivered.
        """;

    assertThat(EmailText.clean(mail)).isEqualTo("How do I return the shoes?");
  }

  @Test
  void aCzechReplyWithSentFromMyIphoneAndTheCzechReplyHeader() {
    var mail = """
        Dobrý den,
        objednávka č. 55120 mi stále nedorazila. Můžete mi prosím sdělit, kde je?

        Odesláno z mého iPhonu

        Dne 2. 12. 2026 v 14:03 Podpora e-shopu <podpora@eshop.example> napsal(a):
        > Dobrý den, Vaše objednávka byla odeslána.
        """;

    assertThat(EmailText.clean(mail)).isEqualTo(
        "objednávka č. 55120 mi stále nedorazila. Můžete mi prosím sdělit, kde je?");
  }

  @Test
  void aCzechOutlookReplyLosesTheOdOdeslanoBlockAndTheClosing() {
    var mail = """
        Dobrý den,

        chtěla bych změnit doručovací adresu u objednávky 77001.

        S pozdravem
        Jana Nováková

        ________________________________
        Od: Podpora <podpora@eshop.example>
        Odesláno: úterý 1. prosince 2026 10:15
        Komu: Jana Nováková <jana@example.cz>
        Předmět: Re: Objednávka 77001

        Dobrý den, děkujeme za objednávku.
        """;

    assertThat(EmailText.clean(mail)).isEqualTo(
        "chtěla bych změnit doručovací adresu u objednávky 77001.");
  }

  @Test
  void aPolishReplyWithTheWDniuHeaderAndPozdrawiam() {
    var mail = """
        Dzień dobry,
        czy mogę zwrócić buty kupione tydzień temu?

        Pozdrawiam serdecznie
        Anna Kowalska

        W dniu 3.12.2026 o 08:40, Obsługa sklepu <sklep@example.pl> napisał(a):
        > Dziękujemy za zakup.
        """;

    assertThat(EmailText.clean(mail)).isEqualTo("czy mogę zwrócić buty kupione tydzień temu?");
  }

  @Test
  void aPolishOutlookBlockWithOdWyslanoAndAPolishDisclaimer() {
    var mail = """
        Proszę o fakturę do zamówienia 90210.

        Z poważaniem
        Piotr Nowak

        Ta wiadomość jest poufna i przeznaczona wyłącznie dla adresata. Jeżeli nie jesteś zamierzonym odbiorcą, \
        usuń ją.

        -----Wiadomość oryginalna-----
        Od: Sklep <sklep@example.pl>
        Wysłano: środa, 2 grudnia 2026 12:00
        Do: Piotr Nowak
        """;

    assertThat(EmailText.clean(mail)).isEqualTo("Proszę o fakturę do zamówienia 90210.");
  }

  @Test
  void aSlovakReplyWithTheDnaHeaderAndSPozdravom() {
    var mail = """
        Dobrý deň,
        kedy mi dorazí objednávka 31337?

        S pozdravom
        Peter Horváth
        Odoslané z môjho iPhonu

        Dňa 1. 12. 2026 o 16:20 Podpora <podpora@obchod.example> napísal(a):
        > Dobrý deň, ďakujeme.
        """;

    assertThat(EmailText.clean(mail)).isEqualTo("kedy mi dorazí objednávka 31337?");
  }

  @Test
  void aSloveneReplyWithTheDneJeNapisalHeaderAndLepPozdrav() {
    var mail = """
        Pozdravljeni,
        ali lahko spremenim naslov za dostavo naročila 4455?

        Lep pozdrav,
        Maja Kranjc

        Dne 2. 12. 2026 ob 11:05 je Podpora trgovine <podpora@trgovina.example> napisal(a):
        > Pozdravljeni, hvala za naročilo.
        """;

    assertThat(EmailText.clean(mail)).isEqualTo("ali lahko spremenim naslov za dostavo naročila 4455?");
  }

  @Test
  void aSloveneOutlookBlockOdPoslanoIsCut() {
    var mail = """
        Prosim za račun za naročilo 8080.

        Od: Trgovina <info@trgovina.example>
        Poslano: torek, 1. december 2026 09:00
        Za: Maja Kranjc
        Zadeva: Naročilo 8080
        """;

    assertThat(EmailText.clean(mail)).isEqualTo("Prosim za račun za naročilo 8080.");
  }

  @Test
  void anEnglishOutlookBlockAndAnEnglishDisclaimerAreCut() {
    var mail = """
        Please cancel my subscription from next month.

        John

        This e-mail and any attachments are confidential and intended solely for the addressee. If you are not \
        the intended recipient, please delete it.

        From: Support <support@shop.example>
        Sent: Monday, November 30, 2026 5:00 PM
        To: John Smith
        Subject: Your subscription
        """;

    assertThat(EmailText.clean(mail)).isEqualTo("Please cancel my subscription from next month.\n\nJohn");
  }

  @Test
  void aQuestionRightAboveAOneLineReplyHeaderIsKept() {
    var mail = "Where is my order?\nOn Tue, 1 Dec 2026 at 09:12, Support <support@shop.example> wrote:\n> Shipped.";

    assertThat(EmailText.clean(mail)).isEqualTo("Where is my order?");
  }

  @Test
  void theStandardSignatureDelimiterCutsWhatFollows() {
    var mail = "Is the blue jacket back in stock?\n-- \nTom Baker\nwww.tombaker.example";

    assertThat(EmailText.clean(mail)).isEqualTo("Is the blue jacket back in stock?");
  }

  @Test
  void htmlWithABlockquoteKeepsOnlyTheNewTextParsedWithJsoup() {
    var html = """
        <html><head><style>p{color:red}</style></head><body>
        <div>Dobrý den,</div><div>kde je moje objednávka&nbsp;12345?</div>
        <div><br></div>
        <div class="gmail_quote">Dne 1. 12. 2026 v 9:00 Podpora &lt;podpora@eshop.example&gt; napsal(a):<br>
        <blockquote>Dobrý den, objednávka byla odeslána.<blockquote>starší zpráva</blockquote></blockquote></div>
        </body></html>
        """;

    assertThat(EmailText.looksLikeHtml(html)).isTrue();
    assertThat(EmailText.clean(html)).isEqualTo("kde je moje objednávka 12345?");
  }

  @Test
  void aBlockquoteBecomesQuotedLinesAndAListItemsADash() {
    var html = "<p>See my two questions:</p><ul><li>Where is my order?</li><li>Can I pay by card?</li></ul>"
        + "<blockquote><p>Old text</p><blockquote>older</blockquote></blockquote>";

    assertThat(EmailText.htmlToText(html)).isEqualTo(
        "See my two questions:\n\n- Where is my order?\n- Can I pay by card?\n> Old text\n\n> > older");
  }

  @Test
  void aMessageWithNothingToStripComesBackAsItWas() {
    var mail = "Where is my order 12345? It should have arrived on Monday.";

    assertThat(EmailText.clean(mail)).isEqualTo(mail);
  }

  @Test
  void aMessageThatIsOnlyAQuoteKeepsTheQuoteRatherThanNothing() {
    var mail = "On Tue, 1 Dec 2026 at 09:12, Support <support@shop.example> wrote:\n> where is it?";

    assertThat(EmailText.clean(mail)).isNotBlank();
  }

  @Test
  void aClosingWordInsideTheMessageIsKept() {
    var mail = "Thanks\nfor the quick answer last week, but could you tell me when the refund arrives? It has "
        + "been ten days already and I have heard nothing from the bank about it at all.";

    assertThat(EmailText.clean(mail)).isEqualTo(mail);
  }

  @Test
  void twoQuestionsInTwoParagraphsAreTwoRequests() {
    var text = """
        Hello,

        I ordered a jacket last week, order 48213. Where is it now?

        Also, how do I return the shoes from my previous order? They are too small.
        """;

    assertThat(EmailText.requests(text)).containsExactly(
        "Hello, I ordered a jacket last week, order 48213. Where is it now?",
        "Also, how do I return the shoes from my previous order? They are too small.");
  }

  @Test
  void asksWithoutQuestionMarksCountInEveryLanguage() {
    assertThat(EmailText.requests("Prosím o zaslání faktury. Chtěla bych také změnit adresu.")).hasSize(2);
    assertThat(EmailText.requests("Proszę o fakturę. Chciałabym też zmienić adres.")).hasSize(2);
    assertThat(EmailText.requests("Potrebujem faktúru. Chcela by som aj zmeniť adresu.")).hasSize(2);
    assertThat(EmailText.requests("Prosim za račun. Rada bi tudi spremenila naslov.")).hasSize(2);
  }

  @Test
  void aWrappedSentenceIsOneRequestAndStatementsAloneAreOne() {
    assertThat(EmailText.requests("Could you please tell me when my\norder will arrive?")).containsExactly(
        "Could you please tell me when my order will arrive?");
    assertThat(EmailText.requests("My order arrived damaged.")).containsExactly("My order arrived damaged.");
    assertThat(EmailText.requests("  ")).isEmpty();
  }

  @Test
  void aSalutationOnItsOwnLineIsNotPartOfTheRequest() {
    assertThat(EmailText.clean("Dobrý den,\n\nchci změnit adresu doručení.\n\nS pozdravem\nJana"))
        .isEqualTo("chci změnit adresu doručení.");
    assertThat(EmailText.clean("Dear Sir or Madam,\n\nwhere is my order?")).isEqualTo("where is my order?");
    assertThat(EmailText.clean("Dobrý den, pane Nováku,\nkde je moje objednávka?")).isEqualTo("kde je moje objednávka?");
    assertThat(EmailText.clean("Hi, where is my order")).as("a greeting with the request on its line")
        .isEqualTo("Hi, where is my order");
    assertThat(EmailText.clean("Hello,")).as("nothing but a greeting stays").isEqualTo("Hello,");
  }

  @Test
  void aClosingWithMoreWordsAboveANameIsCut() {
    assertThat(EmailText.clean("Where is my order?\n\nThank you very much,\nOlivia Bennett\nOffice Manager"))
        .isEqualTo("Where is my order?");
    assertThat(EmailText.clean("Kde je moje objednávka?\n\nDěkuji za odpověď\nJana Nováková"))
        .isEqualTo("Kde je moje objednávka?");
    assertThat(EmailText.clean("Kiedy dotrze paczka?\n\nZ góry dziękuję za pomoc\nAnna"))
        .isEqualTo("Kiedy dotrze paczka?");
  }

  @Test
  void disclaimersAboutTheMessagesContentAndMailReceivedInErrorAreCut() {
    assertThat(EmailText.clean("Kde je moje objednávka?\n\nObsah této zprávy je důvěrný a může podléhat obchodnímu "
        + "tajemství. Jestliže jste ji obdrželi omylem, žádáme Vás o její smazání.")).isEqualTo("Kde je moje objednávka?");
    assertThat(EmailText.clean("Where is my order?\n\nIf you have received this email in error, please delete it."))
        .isEqualTo("Where is my order?");
    assertThat(EmailText.clean("Kdaj bo paket prispel?\n\nVsebina tega e-sporočila je zaupna. Če ste ga prejeli "
        + "pomotoma, ga izbrišite.")).isEqualTo("Kdaj bo paket prispel?");
  }

  @Test
  void thunderbirdsPolishReplyHeaderAndWindowsMailInSloveneEndTheMessage() {
    assertThat(EmailText.clean("Gdzie jest moje zamówienie?\n\nW dniu 23.11.2026 o 10:14, Sklep pisze:\n"
        + "Dziękujemy za zamówienie.")).isEqualTo("Gdzie jest moje zamówienie?");
    assertThat(EmailText.clean("Kje je moje naročilo?\n\nPoslano iz aplikacije Pošta za Windows"))
        .isEqualTo("Kje je moje naročilo?");
  }

  @Test
  void aParagraphThatOpensAsARequestIsOneThoughItAsksNothing() {
    assertThat(EmailText.requests("track order 00004587345\n\ni have to check the cancellation fee"))
        .containsExactly("track order 00004587345", "i have to check the cancellation fee");
    assertThat(EmailText.requests("where do i look for bill #00108\n\nAlso, where can i see your payment methods"))
        .hasSize(2);
    assertThat(EmailText.requests("jak změním adresu\n\na ještě: kde najdu fakturu")).hasSize(2);
    assertThat(EmailText.requests("I ordered shoes last week.\n\nWhere are they?")).as("context, then the ask")
        .containsExactly("I ordered shoes last week. Where are they?");
  }

  @Test
  void aTitleOrAnAbbreviationDoesNotEndTheRequest() {
    assertThat(EmailText.requests("where do I look for the bill from Mr. Jones?"))
        .containsExactly("where do I look for the bill from Mr. Jones?");
    assertThat(EmailText.requests("Can you send the invoice for order no. 5 to Dr. Novák? Where is it?"))
        .containsExactly("Can you send the invoice for order no. 5 to Dr. Novák?", "Where is it?");
  }
}
