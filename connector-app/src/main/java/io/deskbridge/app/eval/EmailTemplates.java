package io.deskbridge.app.eval;

import java.util.List;
import java.util.Map;

/**
 * The wording {@code datasets emails} wraps messages in, per language: what mail clients and people put around a
 * request (greetings, closings, signatures, "sent from" lines, disclaimers, reply headers, Outlook's header block)
 * and the automatic notices the loop guard must catch (out-of-office texts, acknowledgements, delivery failures,
 * newsletters). Written for this evaluation from how the clients and servers format them (Gmail, Outlook,
 * Thunderbird, Apple Mail, Postfix, Exim, Exchange); not taken from the rules they test. Placeholders: {@code
 * {date}}, {@code {date2}}, {@code {deputy}}, {@code {email}}, {@code {phone}}, {@code {subject}}, {@code {name}},
 * {@code {from}}, {@code {to}}.
 *
 * @param language       ISO 639-1 code
 * @param domain         the customers' mail domain
 * @param greetings      a line opening a message
 * @param closings       a line closing it, above the name
 * @param names          people writing (first name, last name)
 * @param signatureLines a line under the name (role, company, phone)
 * @param sentFrom       a mobile client's line
 * @param disclaimers    a legal disclaimer paragraph
 * @param replyHeaders   a reply header above the quote ({@code {date}}, {@code {from}})
 * @param outlook        Outlook's labels: From, Sent, To, Subject
 * @param dates          a date as the clients write it
 * @param reply          the subject prefix of a reply
 * @param outOfOffice    out-of-office bodies
 * @param outOfOfficeSubjects subjects of out-of-office notices
 * @param acknowledgements  ticket acknowledgements of another helpdesk (known only by their headers)
 * @param bounceSubjects delivery-failure subjects
 * @param bounceBodies   delivery-failure bodies
 * @param newsletters    newsletter bodies
 */
record EmailTemplates(String language, String domain, List<String> greetings, List<String> closings,
    List<String> names, List<String> signatureLines, List<String> sentFrom, List<String> disclaimers,
    List<String> replyHeaders, List<String> outlook, List<String> dates, String reply, List<String> outOfOffice,
    List<String> outOfOfficeSubjects, List<String> acknowledgements, List<String> bounceSubjects,
    List<String> bounceBodies, List<String> newsletters) {

  static final Map<String, EmailTemplates> BY_LANGUAGE = Map.of(
      "en", new EmailTemplates("en", "example.com",
          List.of("Hello,", "Hi,", "Dear Sir or Madam,", "Good morning,", "Hi team,", "Dear support team,", "Hello there,"),
          List.of("Best regards,", "Kind regards,", "Thanks,", "Thank you very much,", "Regards,", "Many thanks,",
              "Cheers,", "Thanks in advance for your help,"),
          List.of("Emma Clarke", "James Walker", "Olivia Bennett", "Daniel Hughes"),
          List.of("Procurement Manager | Northwind Ltd", "Mobile: +44 7700 900123", "www.northwind.example",
              "Office Manager, Blue Harbour Consulting", "Tel. +1 202 555 0147"),
          List.of("Sent from my iPhone", "Sent from my Galaxy", "Get Outlook for Android", "Sent from Mail for Windows"),
          List.of("This e-mail and any attachments are confidential and intended solely for the addressee. If you are "
                  + "not the intended recipient, please notify the sender and delete this message.",
              "CONFIDENTIALITY NOTICE: The information in this email may be privileged and is intended only for the "
                  + "use of the individual named above. Any review or distribution by others is prohibited."),
          List.of("On {date}, {from} wrote:", "On {date} at 10:14, {from} wrote:", "{from} wrote:"),
          List.of("From", "Sent", "To", "Subject"),
          List.of("Mon, 23 Nov 2026", "Tue, 24 Nov 2026", "Fri, 27 Nov 2026"), "Re: ",
          List.of("Thank you for your email. I am currently out of the office until {date} with limited access to "
                  + "email. For urgent matters please contact {deputy} at {email}.",
              "Hi, I'm on annual leave from {date} to {date2} and will respond to your message when I return. If your "
                  + "matter is urgent, please call {phone}.",
              "I am away from the office until {date} and will not be checking email. Your message will not be "
                  + "forwarded. For anything urgent, reach {deputy} ({email}).",
              "Thanks for your message. I'm on parental leave until {date}. In my absence, please contact {email}.",
              "I will be out of the office starting {date} and returning on {date2}. During this period I will have "
                  + "limited access to email.",
              "This is an automated response. I am travelling on business until {date} and will reply on my return.",
              "Hello, I'm on vacation until {date}. Messages received during this time will be read after my return."),
          List.of("Automatic reply: {subject}", "Out of Office: {subject}", "Re: {subject}", "Away until {date}"),
          List.of("Thank you for contacting Northwind. We have received your message and a member of our team will "
                  + "reply within two business days. Your reference number is {phone}.",
              "Your request has been received and is being reviewed by our support staff. To add comments, reply to "
                  + "this email."),
          List.of("Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)",
              "Undeliverable: {subject}", "Mail delivery failed: returning message to sender", "Failure Notice",
              "Returned mail: see transcript for details"),
          List.of("This is the mail system at host mx1.example.net.\n\nI'm sorry to have to inform you that your "
                  + "message could not be delivered to one or more recipients. It's attached below.\n\n<{to}>: host "
                  + "mx.{domain} said: 550 5.1.1 User unknown",
              "Address not found\n\nYour message wasn't delivered to {to} because the address couldn't be found, or "
                  + "is unable to receive mail.",
              "Delivery has failed to these recipients or groups:\n\n{to}\nThe email address you entered couldn't be "
                  + "found.",
              "This message was created automatically by mail delivery software.\n\nA message that you sent could not "
                  + "be delivered to one or more of its recipients. This is a permanent error.",
              "Sorry, we were unable to deliver your message to the following address.\n\n<{to}>:\n554: delivery "
                  + "error: dd This user doesn't have an account"),
          List.of("Our winter sale starts today: up to 40 % off selected items. Shop now and enjoy free delivery on "
                  + "orders over 50 EUR. To stop receiving these emails, unsubscribe here.",
              "Your weekly digest: 5 new posts in the community forum this week. Manage your notification settings "
                  + "in your profile.")),
      "cs", new EmailTemplates("cs", "example.cz",
          List.of("Dobrý den,", "Zdravím,", "Vážení,", "Dobrý den, pane Nováku,", "Ahoj,", "Vážená paní, vážený pane,"),
          List.of("S pozdravem", "Děkuji", "S přáním hezkého dne", "Děkuji za odpověď", "S pozdravem a přáním pěkného dne",
              "Předem děkuji", "Díky"),
          List.of("Jana Nováková", "Petr Svoboda", "Lucie Dvořáková", "Tomáš Černý"),
          List.of("nákupní oddělení | ACME s.r.o.", "Tel.: +420 601 234 567", "www.acme.example.cz",
              "vedoucí kanceláře, Modrý přístav s.r.o.", "mob.: +420 777 123 456"),
          List.of("Odesláno z iPhonu", "Odesláno z mého telefonu Galaxy", "Odesláno z aplikace Pošta pro Windows"),
          List.of("Tento e-mail a jeho přílohy jsou důvěrné a jsou určeny výhradně adresátovi. Pokud nejste adresátem, "
                  + "informujte prosím odesílatele a zprávu smažte.",
              "Obsah této zprávy je důvěrný a může podléhat obchodnímu tajemství. Jestliže jste ji obdrželi omylem, "
                  + "nejste oprávněni ji dále šířit a žádáme Vás o její smazání."),
          List.of("Dne {date} v 10:14 {from} napsal(a):", "{date} v 10:14 odesílatel {from} napsal:",
              "Dne {date} {from} napsal:"),
          List.of("Od", "Odesláno", "Komu", "Předmět"),
          List.of("po 23. 11. 2026", "23. 11. 2026", "út 24. 11. 2026"), "Odp: ",
          List.of("Dobrý den, děkuji za Váš e-mail. Do {date} jsem mimo kancelář s omezeným přístupem k e-mailu. V "
                  + "naléhavých případech kontaktujte prosím kolegu {deputy} na {email}.",
              "Dobrý den, od {date} do {date2} čerpám dovolenou. Na Váš e-mail odpovím po návratu. V naléhavých "
                  + "věcech volejte {phone}.",
              "Jsem na dovolené do {date}. Vaše zpráva nebude přeposlána. V naléhavých případech pište na {email}.",
              "Toto je automatická odpověď. Do {date} jsem nepřítomen, e-maily budu vyřizovat po návratu.",
              "Dobrý den, v současné době nejsem v kanceláři. Vrátím se {date}. Ve věcech, které nesnesou odkladu, "
                  + "se obraťte na {email}.",
              "Jsem na služební cestě do {date} a mám omezený přístup k poště. Odpovím, jakmile to bude možné.",
              "Děkuji za zprávu. Do {date} jsem na rodičovské dovolené. V době mé nepřítomnosti kontaktujte {email}."),
          List.of("Automatická odpověď: {subject}", "Nepřítomnost: {subject}", "Odp: {subject}", "Dovolená do {date}"),
          List.of("Děkujeme, že jste nás kontaktovali. Vaši zprávu jsme přijali a odpovíme do dvou pracovních dnů. "
                  + "Číslo Vašeho požadavku je {phone}.",
              "Váš požadavek byl zaevidován a předán našemu týmu podpory. Pro doplnění informací odpovězte na tento "
                  + "e-mail."),
          List.of("Nedoručitelné: {subject}", "Vrácená zpráva: nedoručeno", "Nedoručitelná zpráva"),
          List.of("Doručení následujícím příjemcům nebo skupinám se nezdařilo:\n\n{to}\nZadaná e-mailová adresa "
                  + "nebyla nalezena.",
              "Zprávu nebylo možné doručit jednomu nebo více příjemcům.\n\n<{to}>: 550 5.1.1 Uživatel neexistuje",
              "Vaše zpráva pro <{to}> ze dne 30.11.2026 nemohla být doručena.\nZpráva je přiložena.\n\nDůvod / "
                  + "Reason:\n5.1.1 User unknown"),
          List.of("Zimní výprodej právě začíná: slevy až 40 % na vybrané zboží. Nakupte nyní s dopravou zdarma nad "
                  + "1 000 Kč. Odhlásit odběr novinek můžete zde.",
              "Týdenní přehled: 5 nových příspěvků v diskusním fóru. Nastavení upozornění změníte ve svém profilu.")),
      "pl", new EmailTemplates("pl", "example.pl",
          List.of("Dzień dobry,", "Witam,", "Szanowni Państwo,", "Cześć,", "Dzień dobry Państwu,"),
          List.of("Pozdrawiam", "Z poważaniem", "Dziękuję", "Z góry dziękuję za pomoc", "Pozdrawiam serdecznie",
              "Łączę pozdrowienia", "Miłego dnia"),
          List.of("Anna Kowalska", "Piotr Nowak", "Katarzyna Wiśniewska", "Michał Wójcik"),
          List.of("Dział Zakupów | ACME Sp. z o.o.", "tel. +48 601 234 567", "www.acme.example.pl",
              "kierownik biura, Błękitna Przystań", "kom. +48 512 345 678"),
          List.of("Wysłane z iPhone'a", "Wysłane z mojego telefonu Galaxy", "Wysłano z aplikacji Poczta dla Windows"),
          List.of("Ta wiadomość oraz załączniki mogą zawierać informacje poufne i są przeznaczone wyłącznie dla "
                  + "adresata. Jeżeli nie jesteś adresatem tej wiadomości, prosimy o jej usunięcie i poinformowanie "
                  + "nadawcy.",
              "Treść tej wiadomości jest poufna i prawnie chroniona. Jeśli otrzymali Państwo tę wiadomość przez "
                  + "pomyłkę, prosimy o powiadomienie nadawcy i trwałe jej usunięcie."),
          List.of("W dniu {date} o 10:14 {from} napisał(a):", "{date} o 10:14 {from} napisał(a):",
              "W dniu {date} o 10:14, {from} pisze:"),
          List.of("Od", "Wysłano", "Do", "Temat"),
          List.of("pon., 23 lis 2026", "23.11.2026", "wt., 24 lis 2026"), "Odp: ",
          List.of("Dzień dobry, dziękuję za wiadomość. Do {date} jestem na urlopie z ograniczonym dostępem do poczty. "
                  + "W pilnych sprawach proszę kontaktować się z {deputy}: {email}.",
              "Witam, przebywam poza biurem od {date} do {date2}. Odpowiem na wiadomość po powrocie.",
              "Jestem nieobecny do {date}. Wiadomości nie są przekazywane. W sprawach pilnych proszę dzwonić pod "
                  + "numer {phone}.",
              "To jest automatyczna odpowiedź. Do {date} przebywam na urlopie wypoczynkowym i nie mam dostępu do "
                  + "poczty e-mail.",
              "Dzień dobry, w dniach {date}–{date2} jestem w delegacji. Na Pani/Pana wiadomość odpowiem po powrocie.",
              "Dziękuję za e-mail. Obecnie przebywam na urlopie macierzyńskim do {date}. Podczas mojej nieobecności "
                  + "proszę pisać na {email}.",
              "Dzień dobry, do {date} nie ma mnie w biurze. Wiadomość zostanie odczytana po moim powrocie."),
          List.of("Odpowiedź automatyczna: {subject}", "Poza biurem: {subject}", "Odp: {subject}", "Urlop do {date}"),
          List.of("Dziękujemy za kontakt. Otrzymaliśmy Twoją wiadomość i odpowiemy w ciągu dwóch dni roboczych. "
                  + "Numer zgłoszenia: {phone}.",
              "Twoje zgłoszenie zostało zarejestrowane i przekazane do zespołu wsparcia. Aby dodać informacje, "
                  + "odpowiedz na tę wiadomość."),
          List.of("Niedostarczalne: {subject}", "Zwrócona wiadomość: niedostarczona", "Niedostarczona wiadomość"),
          List.of("Dostarczenie do tych adresatów lub grup nie powiodło się:\n\n{to}\nNie można znaleźć podanego "
                  + "adresu e-mail.",
              "Nie można dostarczyć wiadomości do jednego lub więcej adresatów.\n\n<{to}>: 550 5.1.1 Użytkownik nie "
                  + "istnieje"),
          List.of("Zimowa wyprzedaż już trwa: rabaty do 40 % na wybrane produkty. Kup teraz z darmową dostawą od "
                  + "200 zł. Aby zrezygnować z newslettera, kliknij tutaj.",
              "Cotygodniowe podsumowanie: 5 nowych wpisów na forum. Ustawienia powiadomień zmienisz w profilu.")),
      "sk", new EmailTemplates("sk", "example.sk",
          List.of("Dobrý deň,", "Zdravím,", "Vážení,", "Ahoj,", "Dobrý deň prajem,"),
          List.of("S pozdravom", "Ďakujem", "S úctou", "Vopred ďakujem za odpoveď", "Pekný deň", "Vďaka"),
          List.of("Zuzana Horváthová", "Martin Kováč", "Lucia Vargová", "Peter Tóth"),
          List.of("nákupné oddelenie | ACME s.r.o.", "Tel.: +421 901 234 567", "www.acme.example.sk",
              "vedúca kancelárie, Modrý prístav s.r.o.", "mob.: +421 944 123 456"),
          List.of("Odoslané z iPhonu", "Odoslané z môjho telefónu Galaxy", "Odoslané z aplikácie Pošta pre Windows"),
          List.of("Tento e-mail a jeho prílohy sú dôverné a sú určené výlučne adresátovi. Ak nie ste adresátom, "
                  + "informujte, prosím, odosielateľa a správu vymažte.",
              "Obsah tejto správy je dôverný a môže byť predmetom obchodného tajomstva. Ak ste ju dostali omylom, "
                  + "nie ste oprávnený ju ďalej šíriť a žiadame Vás o jej vymazanie."),
          List.of("Dňa {date} o 10:14 {from} napísal(a):", "{date} o 10:14 {from} napísal(a):",
              "Dňa {date} {from} napísal:"),
          List.of("Od", "Odoslané", "Komu", "Predmet"),
          List.of("po 23. 11. 2026", "23. 11. 2026", "ut 24. 11. 2026"), "Re: ",
          List.of("Dobrý deň, ďakujem za Váš e-mail. Do {date} som mimo kancelárie s obmedzeným prístupom k e-mailu. "
                  + "V naliehavých prípadoch kontaktujte {deputy} na {email}.",
              "Dobrý deň, od {date} do {date2} čerpám dovolenku. Na Vašu správu odpoviem po návrate.",
              "Som na dovolenke do {date}. Vaša správa nebude preposlaná. V súrnych prípadoch píšte na {email}.",
              "Toto je automatická odpoveď. Do {date} som neprítomný, e-maily vybavím po návrate.",
              "V súčasnosti nie som v kancelárii. Vrátim sa {date}. V súrnych veciach sa obráťte na {email}.",
              "Som na služobnej ceste do {date} s obmedzeným prístupom k pošte. Odpoviem hneď, ako to bude možné.",
              "Ďakujem za správu. Do {date} som na materskej dovolenke. Počas mojej neprítomnosti kontaktujte {email}."),
          List.of("Automatická odpoveď: {subject}", "Mimo kancelárie: {subject}", "Re: {subject}", "Dovolenka do {date}"),
          List.of("Ďakujeme, že ste nás kontaktovali. Vašu správu sme prijali a odpovieme do dvoch pracovných dní. "
                  + "Číslo Vašej požiadavky je {phone}.",
              "Vaša požiadavka bola zaevidovaná a odovzdaná nášmu tímu podpory. Ak chcete doplniť informácie, "
                  + "odpovedzte na tento e-mail."),
          List.of("Nedoručiteľné: {subject}", "Vrátená správa: nedoručené", "Nedoručiteľná správa"),
          List.of("Doručenie nasledujúcim príjemcom alebo skupinám zlyhalo:\n\n{to}\nZadanú e-mailovú adresu sa "
                  + "nepodarilo nájsť.",
              "Správu nebolo možné doručiť jednému alebo viacerým príjemcom.\n\n<{to}>: 550 5.1.1 Používateľ "
                  + "neexistuje"),
          List.of("Zimný výpredaj práve začína: zľavy až 40 % na vybraný tovar. Nakúpte teraz s dopravou zadarmo nad "
                  + "50 EUR. Odhlásiť odber noviniek môžete tu.",
              "Týždenný prehľad: 5 nových príspevkov v diskusnom fóre. Nastavenia upozornení zmeníte vo svojom "
                  + "profile.")),
      "sl", new EmailTemplates("sl", "example.si",
          List.of("Pozdravljeni,", "Spoštovani,", "Dober dan,", "Živjo,", "Lep pozdrav,"),
          List.of("Lep pozdrav", "Hvala", "Lp", "Hvala za pomoč", "S spoštovanjem", "Lepo pozdravljeni",
              "Najlepša hvala"),
          List.of("Maja Novak", "Luka Horvat", "Nina Kranjc", "Matej Zupančič"),
          List.of("Nabava | ACME d.o.o.", "Tel.: +386 41 234 567", "www.acme.example.si",
              "vodja pisarne, Modri pristan d.o.o.", "GSM: +386 31 123 456"),
          List.of("Poslano iz iPhona", "Poslano iz mojega telefona Galaxy", "Poslano iz aplikacije Pošta za Windows"),
          List.of("To sporočilo in morebitne priloge so zaupne in namenjene izključno naslovniku. Če niste naslovnik, "
                  + "prosimo, obvestite pošiljatelja in sporočilo izbrišite.",
              "Vsebina tega e-sporočila je zaupna in je lahko poslovna skrivnost. Če ste ga prejeli pomotoma, ga ne "
                  + "smete razširjati; prosimo, da ga izbrišete."),
          List.of("Dne {date} ob 10:14 je {from} napisal(a):", "V {date} ob 10:14 je oseba {from} napisala:",
              "{date} ob 10:14 je {from} napisal:"),
          List.of("Od", "Poslano", "Za", "Zadeva"),
          List.of("pon., 23. nov. 2026", "23. 11. 2026", "tor., 24. nov. 2026"), "Odg: ",
          List.of("Pozdravljeni, hvala za vaše sporočilo. Do {date} sem odsoten z omejenim dostopom do e-pošte. V "
                  + "nujnih primerih pokličite {phone} ali pišite na {email}.",
              "Od {date} do {date2} sem na dopustu. Na vaše sporočilo bom odgovorila po vrnitvi.",
              "Spoštovani, trenutno sem izven pisarne. Vrnem se {date}. V nujnih zadevah se obrnite na {deputy} "
                  + "({email}).",
              "To je samodejni odgovor. Do {date} sem na službeni poti in nimam dostopa do e-pošte.",
              "Hvala za e-pošto. Do {date} sem na porodniškem dopustu. V času moje odsotnosti pišite na {email}.",
              "Pozdravljeni, zaradi letnega dopusta do {date} ne bom odgovarjal na e-pošto. Sporočila ne bodo "
                  + "posredovana.",
              "Trenutno me ni v pisarni. Vaše sporočilo bom prebrala po {date}."),
          List.of("Samodejni odgovor: {subject}", "Odsotnost: {subject}", "Odg: {subject}", "Dopust do {date}"),
          List.of("Hvala, ker ste nas kontaktirali. Vaše sporočilo smo prejeli in odgovorili bomo v dveh delovnih "
                  + "dneh. Številka vašega zahtevka je {phone}.",
              "Vaš zahtevek je bil evidentiran in posredovan naši ekipi za podporo. Za dodatne informacije "
                  + "odgovorite na to e-sporočilo."),
          List.of("Ni mogoče dostaviti: {subject}", "Vrnjeno sporočilo: ni dostavljeno", "Nedostavljivo sporočilo"),
          List.of("Dostava tem prejemnikom ali skupinam ni uspela:\n\n{to}\nVnesenega e-poštnega naslova ni bilo "
                  + "mogoče najti.",
              "Sporočila ni bilo mogoče dostaviti enemu ali več prejemnikom.\n\n<{to}>: 550 5.1.1 Uporabnik ne "
                  + "obstaja"),
          List.of("Zimska razprodaja se začenja: popusti do 40 % na izbrane izdelke. Nakupujte zdaj z brezplačno "
                  + "dostavo nad 50 EUR. Odjava od e-novic je mogoča tukaj.",
              "Tedenski pregled: 5 novih objav na forumu. Nastavitve obvestil spremenite v svojem profilu.")));
}
