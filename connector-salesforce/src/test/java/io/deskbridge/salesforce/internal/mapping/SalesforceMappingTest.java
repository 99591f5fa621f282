package io.deskbridge.salesforce.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Cases built in memory as force-wsc parses a query answer: fields as strings, subqueries as {@code records}. */
class SalesforceMappingTest {
  private static final String BOT = "0055g00000BOT01AAA";
  private static final String AGENT = "0055g00000AGNT1AAA";
  private static final String PORTAL = "0055g00000CUST1AAA";
  private static final String BOT_QUEUE = "00G5g00000QBOT1AAA";
  private static final String TIER2 = "00G5g00000QTR21AAA";
  private static final String CASE = "5005g00000CASE1AAA";
  private static final ConversationKey KEY = new ConversationKey("salesforce", "acme", CASE);

  private static SObject kase(String origin, String description, String ownerId) {
    var c = new SObject("Case");
    c.setField("Id", CASE);
    c.setField("Subject", "Printer on fire");
    c.setField("Description", description);
    c.setField("Origin", origin);
    c.setField("OwnerId", ownerId);
    c.setField("IsClosed", "false");
    c.setField("SuppliedEmail", "jane@customer.example");
    c.setField("SuppliedName", "Jane Doe");
    c.setField("CreatedById", "0055g00000SITE1AAA");
    c.setField("CreatedDate", "2026-12-03T10:00:00.000Z");
    c.setField("SystemModstamp", "2026-12-03T10:05:00.000Z");
    return c;
  }

  private static void children(SObject c, String relationship, XmlObject... records) {
    var rel = new XmlObject();
    for (XmlObject r : records) {
      rel.addField("records", r);
    }
    c.addField(relationship, rel);
  }

  private static SObject comment(String id, String author, String userType, boolean published, String body, String at) {
    var r = new SObject("CaseComment");
    r.setField("Id", id);
    r.setField("CommentBody", body);
    r.setField("IsPublished", String.valueOf(published));
    r.setField("CreatedById", author);
    var createdBy = new SObject("User");
    createdBy.setField("UserType", userType);
    r.addField("CreatedBy", createdBy);
    r.setField("CreatedDate", at);
    return r;
  }

  private static SObject email(String id, boolean incoming, String author, String text, String at, String messageId) {
    var r = new SObject("EmailMessage");
    r.setField("Id", id);
    r.setField("Incoming", String.valueOf(incoming));
    r.setField("FromAddress", incoming ? "jane@customer.example" : "support@acme.example");
    r.setField("TextBody", text);
    r.setField("CreatedById", author);
    r.setField("MessageDate", at);
    r.setField("MessageIdentifier", messageId);
    return r;
  }

  private static Conversation map(SObject c) {
    return SalesforceMapping.conversation(KEY, c, BOT, UnaryOperator.identity());
  }

  @Test
  void aWebCaseOpensWithItsDescriptionAndEachAuthorGetsItsRole() {
    var c = kase("Web", "My printer is on fire.", BOT_QUEUE);
    children(c, "CaseComments",
        comment("00a5g00000CMT01AAA", BOT, "Standard", true, "Unplug it, please.", "2026-12-03T10:01:00.000Z"),
        comment("00a5g00000CMT02AAA", PORTAL, "PowerCustomerSuccess", true, "Done, still smoking.", "2026-12-03T10:02:00.000Z"),
        comment("00a5g00000CMT03AAA", AGENT, "Standard", false, "Calling the fire brigade.", "2026-12-03T10:03:00.000Z"),
        comment("00a5g00000CMT04AAA", AGENT, "Standard", true, "Alice here, on my way.", "2026-12-03T10:04:00.000Z"));
    children(c, "EmailMessages");

    var conversation = map(c);

    assertThat(conversation.channel()).isEqualTo(Channel.WEB_FORM);
    assertThat(conversation.subject()).isEqualTo("Printer on fire");
    assertThat(conversation.customer().email()).isEqualTo("jane@customer.example");
    assertThat(conversation.customer().name()).isEqualTo("Jane Doe");
    assertThat(conversation.version()).isEqualTo("2026-12-03T10:05:00.000Z");
    assertThat(conversation.messages()).extracting(Message::id, Message::role, Message::visibility).containsExactly(
        org.assertj.core.groups.Tuple.tuple(CASE, AuthorRole.CUSTOMER, Visibility.PUBLIC),
        org.assertj.core.groups.Tuple.tuple("00a5g00000CMT01AAA", AuthorRole.BOT, Visibility.PUBLIC),
        org.assertj.core.groups.Tuple.tuple("00a5g00000CMT02AAA", AuthorRole.CUSTOMER, Visibility.PUBLIC),
        org.assertj.core.groups.Tuple.tuple("00a5g00000CMT03AAA", AuthorRole.AGENT, Visibility.INTERNAL),
        org.assertj.core.groups.Tuple.tuple("00a5g00000CMT04AAA", AuthorRole.AGENT, Visibility.PUBLIC));
    assertThat(conversation.messages().get(0).text()).isEqualTo("My printer is on fire.");
    assertThat(conversation.messages().get(0).createdAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
  }

  @Test
  void anEmailCaseOpensWithItsFirstIncomingEmailNotTheDescriptionCopiedFromIt() {
    var c = kase("Email", "My printer is on fire.", BOT_QUEUE);
    children(c, "CaseComments");
    children(c, "EmailMessages",
        email("02s5g00000EML01AAA", true, "0055g00000E2C01AAA", "My printer is on fire.", "2026-12-03T10:00:00.000Z",
            "<first@customer.example>"),
        email("02s5g00000EML02AAA", false, BOT, "Unplug it, please.", "2026-12-03T10:01:00.000Z", "<r1@sfdc.fake>"),
        email("02s5g00000EML03AAA", true, "0055g00000E2C01AAA", "Still smoking.", "2026-12-03T10:02:00.000Z",
            "<second@customer.example>"),
        email("02s5g00000EML04AAA", false, AGENT, "Alice here.", "2026-12-03T10:03:00.000Z", "<r2@sfdc.fake>"));

    var conversation = map(c);

    assertThat(conversation.channel()).isEqualTo(Channel.EMAIL);
    assertThat(conversation.messages()).extracting(Message::id).doesNotContain(CASE);
    assertThat(conversation.messages()).extracting(Message::role).containsExactly(AuthorRole.CUSTOMER, AuthorRole.BOT,
        AuthorRole.CUSTOMER, AuthorRole.AGENT);
    assertThat(conversation.messages().get(0).authorId()).as("never the Email-to-Case user, who may be anyone")
        .isEqualTo("jane@customer.example");
    assertThat(SalesforceMapping.newestIncomingMessageId(c)).contains("<second@customer.example>");
  }

  @Test
  void anIncomingEmailCarriesItsHeadersAndAnHtmlOnlyOneItsTextParsed() {
    var c = kase("Email", "Out of office", BOT_QUEUE);
    children(c, "CaseComments");
    var auto = email("02s5g00000EML01AAA", true, "0055g00000E2C01AAA", "I am away.", "2026-12-03T10:00:00.000Z",
        "<ooo@customer.example>");
    auto.setField("Headers", "Return-Path: <>\r\nAuto-Submitted: auto-replied\r\nX-Mailer: Exchange\r\n  Server 2019\r\n");
    var html = email("02s5g00000EML02AAA", true, "0055g00000E2C01AAA", "", "2026-12-03T10:01:00.000Z",
        "<html@customer.example>");
    html.setField("HtmlBody", "<div>Where is it?</div><blockquote>old</blockquote>");
    var sent = email("02s5g00000EML03AAA", false, BOT, "Unplug it.", "2026-12-03T10:02:00.000Z", "<r1@sfdc.fake>");
    sent.setField("Headers", "X-Sent-By: Salesforce");
    children(c, "EmailMessages", auto, html, sent);

    var messages = map(c).messages();

    assertThat(messages.get(0).header("auto-submitted")).contains("auto-replied");
    assertThat(messages.get(0).header("Return-Path")).contains("<>");
    assertThat(messages.get(0).header("x-mailer")).contains("Exchange Server 2019");
    assertThat(messages.get(1).text()).isEqualTo("Where is it?\n> old");
    assertThat(messages.get(2).headers()).as("the bot's own e-mail needs none").isEmpty();
  }

  @Test
  void anEmailCaseWithoutAnIncomingEmailStillOpensWithTheDescription() {
    var c = kase("Email", "Typed in by an agent on the phone.", BOT_QUEUE);
    children(c, "EmailMessages");
    assertThat(map(c).messages()).extracting(Message::id).containsExactly(CASE);
    assertThat(SalesforceMapping.newestIncomingMessageId(c)).isEmpty();
  }

  @Test
  void theOwnerIsTheBotForTheIntegrationUserAndTheBotQueueAndPeopleOtherwise() {
    var ownership = new SalesforceOwnership(() -> BOT, () -> BOT_QUEUE);

    assertThat(ownership.of(BOT)).isEqualTo(Owner.BOT);
    assertThat(ownership.of(BOT_QUEUE.substring(0, 15))).as("the 15-character form of the same id").isEqualTo(Owner.BOT);
    assertThat(ownership.of(AGENT)).isEqualTo(Owner.human("owner " + AGENT));
    assertThat(ownership.of(TIER2)).isEqualTo(Owner.human("owner " + TIER2));
    assertThat(ownership.botOwnerIds()).containsExactlyInAnyOrder(BOT, BOT_QUEUE);
    assertThat(new SalesforceOwnership(() -> "", () -> "").botOwnerIds()).as("before the start-up call").isEmpty();
  }

  @Test
  void aQueueOwnerIsTheGroupAsTheInstallationNamesItAndAUserOwnerTheAssignee() {
    var inQueue = SalesforceMapping.conversation(KEY, kase("Web", "x", TIER2), BOT,
        id -> Map.of(TIER2.substring(0, 15), "Tier2").getOrDefault(id.substring(0, 15), id));
    assertThat(inQueue.groupId()).isEqualTo("Tier2");
    assertThat(inQueue.assigneeId()).isEmpty();

    var unknownQueue = map(kase("Web", "x", "00G5g00000OTHR1AAA"));
    assertThat(unknownQueue.groupId()).isEqualTo("00G5g00000OTHR1AAA");

    var taken = map(kase("Web", "x", AGENT));
    assertThat(taken.assigneeId()).isEqualTo(AGENT);
    assertThat(taken.groupId()).isEmpty();
  }

  @Test
  void aNoteOverFourThousandBytesIsSplitAndReadBackAsOneMessage() {
    String text = ("Zákazník píše, že tiskárna hoří a že čeká na odpověď už příliš dlouho. ").repeat(90).strip();
    assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(SalesforceMapping.MAX_COMMENT_BYTES);
    assertThat(text.length()).as("fits core's 4,000 characters").isLessThanOrEqualTo(8000);

    var bodies = SalesforceMapping.commentBodies(text);

    assertThat(bodies).hasSizeGreaterThan(1);
    assertThat(bodies).allSatisfy(b -> assertThat(b.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(SalesforceMapping.MAX_COMMENT_BYTES));
    var c = kase("Web", "", BOT_QUEUE);
    var records = new XmlObject[bodies.size() + 1];
    for (int i = 0; i < bodies.size(); i++) {
      records[i] = comment("00a5g00000PRT0" + i + "AAA", BOT, "Standard", false, bodies.get(i), "2026-12-03T10:01:00.000Z");
    }
    records[bodies.size()] = comment("00a5g00000CUST1AAA", PORTAL, "PowerCustomerSuccess", true, "Hello?",
        "2026-12-03T10:02:00.000Z");
    children(c, "CaseComments", records);

    var messages = map(c).messages();

    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).id()).isEqualTo("00a5g00000PRT00AAA");
    assertThat(messages.get(0).sameText(new Message("x", AuthorRole.BOT, Visibility.INTERNAL, BOT, text, Instant.EPOCH)))
        .as("the parts joined give the note back").isTrue();
    assertThat(messages.get(1).text()).isEqualTo("Hello?");
  }

  @Test
  void aShortNoteIsOneCommentAsItIs() {
    assertThat(SalesforceMapping.commentBodies("Customer needs a refund.")).containsExactly("Customer needs a refund.");
  }

  @Test
  void theLoadIsTheOneQueryOfTheContract() {
    assertThat(SalesforceMapping.loadQuery(CASE, false)).isEqualTo("SELECT Id, CaseNumber, Subject, Description, "
        + "Status, IsClosed, Origin, OwnerId, ContactEmail, SuppliedEmail, SuppliedName, CreatedById, CreatedDate, "
        + "LastModifiedById, SystemModstamp, (SELECT Id, CommentBody, IsPublished, CreatedById, CreatedBy.UserType, "
        + "CreatedDate FROM CaseComments ORDER BY CreatedDate), (SELECT Id, Incoming, FromAddress, FromName, ToAddress, "
        + "Subject, TextBody, HtmlBody, Headers, Status, CreatedById, MessageDate, MessageIdentifier FROM EmailMessages "
        + "ORDER BY MessageDate) FROM Case WHERE Id = '" + CASE + "'");
    assertThatThrownBy(() -> SalesforceMapping.loadQuery("500' OR Id != '", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SalesforceMapping.literal("O'Brien\\")).isEqualTo("'O\\'Brien\\\\'");
  }

  @Test
  void aClosedCaseIsClosed() {
    var c = kase("Web", "x", AGENT);
    c.setField("IsClosed", "true");
    assertThat(map(c).closed()).isTrue();
  }
}
