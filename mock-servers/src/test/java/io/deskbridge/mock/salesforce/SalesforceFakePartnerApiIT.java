package io.deskbridge.mock.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.SendEmailResult;
import com.sforce.soap.partner.SingleEmailMessage;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.bind.XmlObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The partner SOAP API of the fake, driven by the real SDK (force-partner-api / force-wsc 65.0.0). */
class SalesforceFakePartnerApiIT {
  @RegisterExtension
  static final SalesforceFakeExtension EXT = new SalesforceFakeExtension();

  static final String LOAD = "SELECT Id, CaseNumber, Subject, Description, Status, IsClosed, Origin, OwnerId, "
      + "ContactEmail, SuppliedEmail, SuppliedName, CreatedById, CreatedDate, LastModifiedById, SystemModstamp, "
      + "(SELECT Id, CommentBody, IsPublished, CreatedById, CreatedBy.UserType, CreatedDate FROM CaseComments ORDER "
      + "BY CreatedDate), (SELECT Id, Incoming, FromAddress, FromName, ToAddress, Subject, TextBody, Status, "
      + "CreatedById, MessageDate, MessageIdentifier FROM EmailMessages ORDER BY MessageDate) FROM Case WHERE Id = '";

  static PartnerConnection connect(SalesforceFake fake, boolean compression) throws ConnectionException {
    ConnectorConfig cfg = new ConnectorConfig();
    cfg.setSessionId(fake.issueAccessToken());
    cfg.setServiceEndpoint(fake.instanceUrl() + "/services/Soap/u/65.0/" + fake.orgId().substring(0, 15));
    cfg.setAuthEndpoint(fake.instanceUrl() + "/services/Soap/u/65.0");
    cfg.setCompression(compression);
    cfg.setConnectionTimeout(5_000);
    cfg.setReadTimeout(10_000);
    return Connector.newConnection(cfg);
  }

  private static ConnectorConfig loginConfig(SalesforceFake fake, String version, String password) {
    ConnectorConfig cfg = new ConnectorConfig();
    cfg.setUsername(fake.config().integrationUsername());
    cfg.setPassword(password);
    cfg.setAuthEndpoint(fake.baseUrl() + "/services/Soap/u/" + version);
    return cfg;
  }

  @Test
  void loginWorksAtApi64AndFaultsFrom65() throws Exception {
    SalesforceFake fake = EXT.fake();
    String pw = fake.config().password() + fake.config().securityToken();
    PartnerConnection pc = Connector.newConnection(loginConfig(fake, "64.0", pw));
    assertThat(pc.getConfig().getServiceEndpoint())
        .isEqualTo(fake.baseUrl() + "/services/Soap/u/64.0/00D5g000000ABCD");
    assertThat(pc.getUserInfo().getUserId()).isEqualTo(fake.integrationUserId());
    assertThat(pc.getUserInfo().getOrganizationId()).isEqualTo(fake.orgId());

    assertThatThrownBy(() -> Connector.newConnection(loginConfig(fake, "65.0", pw)))
        .isInstanceOfSatisfying(UnexpectedErrorFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_OPERATION));
    assertThatThrownBy(() -> Connector.newConnection(loginConfig(fake, "64.0", "wrong")))
        .isInstanceOfSatisfying(LoginFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN));
    assertThat(fake.logins()).isEqualTo(3);
  }

  @Test
  void theLoadQueryWithSubqueriesParsesInWscWithTheChildrenAndTheirCreators() throws Exception {
    SalesforceFake fake = EXT.fake();
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer on fire", "It smokes.", "Email");
    fake.customerComments(caseId, "Still smoking");
    fake.agentComments(caseId, "Looking", false);
    PartnerConnection pc = connect(fake, true);

    QueryResult qr = pc.query(LOAD + caseId + "'");

    assertThat(qr.getSize()).isEqualTo(1);
    assertThat(qr.isDone()).isTrue();
    SObject c = qr.getRecords()[0];
    assertThat(c.getId()).isEqualTo(caseId);
    assertThat(c.getField("Subject")).isEqualTo("Printer on fire");
    assertThat(c.getField("IsClosed")).isEqualTo("false");
    assertThat(c.getField("OwnerId")).isEqualTo(fake.queues().get("Bot_Intake"));
    assertThat(c.getField("SuppliedEmail")).isEqualTo("ann@example.com");
    List<XmlObject> comments = records(c.getChild("CaseComments"));
    assertThat(comments).hasSize(2);
    assertThat(comments.get(0).getField("CommentBody")).isEqualTo("Still smoking");
    assertThat(comments.get(0).getChild("CreatedBy").getField("UserType")).isEqualTo("PowerCustomerSuccess");
    assertThat(comments.get(1).getField("IsPublished")).isEqualTo("false");
    assertThat(comments.get(1).getChild("CreatedBy").getField("UserType")).isEqualTo("Standard");
    List<XmlObject> emails = records(c.getChild("EmailMessages"));
    assertThat(emails).hasSize(1);
    assertThat(emails.get(0).getField("Incoming")).isEqualTo("true");
    assertThat(emails.get(0).getField("TextBody")).isEqualTo("It smokes.");
    assertThat(fake.apiCalls(caseId)).isEqualTo(1);
  }

  @Test
  void writesChangeStateThatLaterQueriesSeeAndFieldsToNullBlanksAField() throws Exception {
    SalesforceFake fake = EXT.fake();
    String caseId = fake.customerCreatesCase("bob@example.com", "Bob", "Refund", "Please refund.", "Web");
    PartnerConnection pc = connect(fake, false);

    SObject note = new SObject("CaseComment");
    note.setField("ParentId", caseId);
    note.setField("CommentBody", "Summary: wants a refund");
    note.setField("IsPublished", false);
    SaveResult created = pc.create(new SObject[] {note})[0];
    assertThat(created.isSuccess()).isTrue();
    assertThat(created.getId()).startsWith("00a").hasSize(18);

    SObject update = new SObject("Case");
    update.setId(caseId);
    update.setField("OwnerId", fake.queues().get("Tier2"));
    update.setField("Status", "Escalated");
    update.setFieldsToNull(new String[] {"Description"});
    assertThat(pc.update(new SObject[] {update})[0].isSuccess()).isTrue();

    SObject[] retrieved = pc.retrieve("Id, OwnerId, Status, Description", "Case", new String[] {caseId});
    assertThat(retrieved[0].getField("OwnerId")).isEqualTo(fake.queues().get("Tier2"));
    assertThat(retrieved[0].getField("Status")).isEqualTo("Escalated");
    assertThat(retrieved[0].getField("Description")).isNull();
    assertThat(fake.caseRecord(caseId).orElseThrow().description()).isNull();
    assertThat(fake.caseRecord(caseId).orElseThrow().lastModifiedById()).isEqualTo(fake.integrationUserId());
    QueryResult notes = pc.query("SELECT Id, CommentBody FROM CaseComment WHERE ParentId = '" + caseId
        + "' AND IsPublished = false");
    assertThat(notes.getSize()).isEqualTo(1);
    assertThat(notes.getRecords()[0].getField("CommentBody")).isEqualTo("Summary: wants a refund");

    SingleEmailMessage mail = new SingleEmailMessage();
    mail.setToAddresses(new String[] {"bob@example.com"});
    mail.setSubject("Re: Refund");
    mail.setPlainTextBody("Your refund is on its way.");
    mail.setWhatId(caseId);
    mail.setSaveAsActivity(true);
    mail.setOrgWideEmailAddressId(fake.orgWideAddressId());
    SendEmailResult sent = pc.sendEmail(new SingleEmailMessage[] {mail})[0];
    assertThat(sent.isSuccess()).isTrue();
    assertThat(fake.sentEmails()).singleElement().satisfies(s -> {
      assertThat(s.toAddresses()).containsExactly("bob@example.com");
      assertThat(s.fromAddress()).isEqualTo("support@acme.example");
      assertThat(s.whatId()).isEqualTo(caseId);
    });
    QueryResult mails = pc.query("SELECT Id, Incoming, Status, FromAddress, CreatedById FROM EmailMessage WHERE "
        + "ParentId = '" + caseId + "'");
    assertThat(mails.getSize()).isEqualTo(1);
    assertThat(mails.getRecords()[0].getField("Status")).isEqualTo("3");
    assertThat(mails.getRecords()[0].getField("Incoming")).isEqualTo("false");
    assertThat(mails.getRecords()[0].getField("CreatedById")).isEqualTo(fake.integrationUserId());

    SObject logged = new SObject("EmailMessage");
    logged.setField("ParentId", caseId);
    logged.setField("TextBody", "inserted, never sent");
    assertThat(pc.create(new SObject[] {logged})[0].isSuccess()).isTrue();
    assertThat(fake.sentEmails()).hasSize(1);
    assertThat(fake.emails(caseId)).hasSize(2);
  }

  @Test
  void aCommentOver4000BytesAndOtherBadRecordsAreRefusedPerRecord() throws Exception {
    SalesforceFake fake = EXT.fake();
    String caseId = fake.customerCreatesCase("c@example.com", "C", "S", "D", "Web");
    PartnerConnection pc = connect(fake, true);
    SObject tooLong = new SObject("CaseComment");
    tooLong.setField("ParentId", caseId);
    tooLong.setField("CommentBody", "é".repeat(2001)); // 4,002 bytes
    SObject ok = new SObject("CaseComment");
    ok.setField("ParentId", caseId);
    ok.setField("CommentBody", "x".repeat(4000));
    SObject orphan = new SObject("CaseComment");
    orphan.setField("CommentBody", "no parent");

    SaveResult[] r = pc.create(new SObject[] {tooLong, ok, orphan});

    assertThat(r[0].isSuccess()).isFalse();
    assertThat(r[0].getErrors()[0].getStatusCode().name()).isEqualTo("STRING_TOO_LONG");
    assertThat(r[0].getErrors()[0].getFields()).containsExactly("CommentBody");
    assertThat(r[1].isSuccess()).isTrue();
    assertThat(r[2].getErrors()[0].getStatusCode().name()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(fake.comments(caseId)).hasSize(1);
  }

  @Test
  void unknownSoqlFailsLoudlyWithTheMatchingFaultType() throws Exception {
    PartnerConnection pc = connect(EXT.fake(), true);
    assertThatThrownBy(() -> pc.query("SELECT Id, Bogus FROM Case"))
        .isInstanceOfSatisfying(InvalidFieldFault.class,
            f -> assertThat(f.getExceptionMessage()).contains("No such column 'Bogus' on entity 'Case'"));
    assertThatThrownBy(() -> pc.query("SELECT Id FROM Bogus__c"))
        .isInstanceOf(InvalidSObjectFault.class);
    assertThatThrownBy(() -> pc.query("SELECT Id FROM Knowledge__kav"))
        .as("Salesforce's implementation restriction: __kav needs a PublishStatus or id filter")
        .isInstanceOfSatisfying(MalformedQueryFault.class,
            f -> assertThat(f.getExceptionMessage()).contains("PublishStatus = [status]"));
    assertThatThrownBy(() -> pc.query("SELECT Id FROM Case WHERE Subject LIKE 'x%'"))
        .isInstanceOf(MalformedQueryFault.class);
    assertThatThrownBy(() -> pc.query("SELECT COUNT() FROM Case")).isInstanceOf(MalformedQueryFault.class);
    SObject bad = new SObject("Case");
    bad.setField("NoSuchField__c", "x");
    assertThatThrownBy(() -> pc.create(new SObject[] {bad})).isInstanceOf(InvalidFieldFault.class);
    assertThat(EXT.fake().cases()).isEmpty();
  }

  @Test
  void knowledgeVersionsArePublishedArchivedAndDeletedPerLanguage() throws Exception {
    SalesforceFake fake = EXT.fake();
    String article = fake.publishKnowledge(null, "en_US", "Delivery", "<p>3 days</p>", true, false);
    fake.publishKnowledge(article, "cs", "Doručení", "<p>3 dny</p>", false, true);
    fake.publishKnowledge(article, "en_US", "Delivery", "<p>2 days</p>", true, false);
    fake.draftKnowledge(article, "en_US", "Delivery", "<p>tomorrow</p>");
    PartnerConnection pc = connect(fake, true);
    QueryResult online = pc.query("SELECT Id, KnowledgeArticleId, Language, Answer__c, IsVisibleInPkb, IsVisibleInCsp, "
        + "VersionNumber FROM Knowledge__kav WHERE PublishStatus = 'Online' AND KnowledgeArticleId IN ('" + article
        + "') ORDER BY Language ASC");
    assertThat(online.getRecords()).extracting(r -> r.getField("Language") + " " + r.getField("Answer__c") + " "
        + r.getField("IsVisibleInPkb") + "/" + r.getField("IsVisibleInCsp") + " v" + r.getField("VersionNumber"))
        .containsExactly("cs <p>3 dny</p> false/true v2", "en_US <p>2 days</p> true/false v3");
    assertThat(online.getRecords()).allMatch(r -> article.equals(r.getField("KnowledgeArticleId")))
        .allMatch(r -> ((String) r.getField("Id")).startsWith("ka0"));
    assertThat(article).startsWith("kA0");
    assertThat(pc.query("SELECT Id FROM Knowledge__kav WHERE PublishStatus = 'Archived'").getSize()).isEqualTo(1);
    assertThat(pc.query("SELECT Id FROM Knowledge__kav WHERE PublishStatus = 'Draft'").getSize()).isEqualTo(1);
    fake.archiveKnowledge(article);
    assertThat(pc.query("SELECT Id FROM Knowledge__kav WHERE PublishStatus = 'Online'").getSize()).isZero();
    fake.deleteKnowledge(article);
    assertThat(pc.query("SELECT Id FROM Knowledge__kav WHERE KnowledgeArticleId = '" + article + "'").getSize())
        .isZero();
  }

  @Test
  void queriesPageByTheBatchSizeWithQueryMore() throws Exception {
    SalesforceFake fake = EXT.fake();
    for (int i = 0; i < 5; i++) {
      fake.customerCreatesCase("p" + i + "@example.com", "P", "Case " + i, "d", "Web");
    }
    PartnerConnection pc = connect(fake, true);
    pc.setQueryOptions(2);
    QueryResult first = pc.query("SELECT Id, Subject FROM Case ORDER BY Subject DESC");
    assertThat(first.isDone()).isFalse();
    assertThat(first.getSize()).isEqualTo(5);
    List<String> subjects = new ArrayList<>();
    QueryResult page = first;
    while (true) {
      for (SObject s : page.getRecords()) {
        subjects.add((String) s.getField("Subject"));
      }
      if (page.isDone()) {
        break;
      }
      page = pc.queryMore(page.getQueryLocator());
    }
    assertThat(subjects).containsExactly("Case 4", "Case 3", "Case 2", "Case 1", "Case 0");
  }

  @Test
  void queuesAndTheOrgWideAddressAnswerTheStartQueries() throws Exception {
    SalesforceFake fake = EXT.fake();
    PartnerConnection pc = connect(fake, true);
    QueryResult groups = pc.query("SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND DeveloperName IN "
        + "('Bot_Intake', 'Tier2', 'Nope')");
    assertThat(groups.getSize()).isEqualTo(2);
    QueryResult qs = pc.query("SELECT QueueId FROM QueueSobject WHERE SobjectType = 'Case' AND QueueId IN ('"
        + fake.queues().get("Tier2") + "')");
    assertThat(qs.getRecords()[0].getField("QueueId")).isEqualTo(fake.queues().get("Tier2"));
    QueryResult ow = pc.query("SELECT Id, Address FROM OrgWideEmailAddress WHERE Address = 'support@acme.example'");
    assertThat(ow.getRecords()[0].getId()).isEqualTo(fake.orgWideAddressId());
  }

  @Test
  void aGzippedRequestIsReadAndTheAnswerHasSalesforcesShapes() throws Exception {
    SalesforceFake fake = EXT.fake();
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    fake.agentComments(caseId, "note", false);
    String envelope = "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Header>"
        + "<SessionHeader xmlns=\"urn:partner.soap.sforce.com\"><sessionId>" + fake.issueAccessToken()
        + "</sessionId></SessionHeader></env:Header><env:Body><m:query xmlns:m=\"urn:partner.soap.sforce.com\">"
        + "<m:queryString>SELECT Id, Owner.Name, (SELECT Id, CreatedBy.UserType FROM CaseComments) FROM Case"
        + "</m:queryString></m:query></env:Body></env:Envelope>";
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(fake.baseUrl() + "/services/Soap/u/65.0"))
            .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
            .header("Content-Encoding", "gzip")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<soapenv:Header><LimitInfoHeader><limitInfo><current>1</current><limit>15000</limit>"
            + "<type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>")
        .contains("<records xsi:type=\"sf:sObject\"><sf:type>Case</sf:type><sf:Id>" + caseId + "</sf:Id><sf:Id>"
            + caseId + "</sf:Id>")
        .contains("<sf:Owner xsi:type=\"sf:sObject\"><sf:type>Group</sf:type><sf:Id xsi:nil=\"true\"/>"
            + "<sf:Name>Bot Intake</sf:Name></sf:Owner>")
        .contains("<sf:CaseComments xsi:type=\"QueryResult\"><done>true</done><queryLocator xsi:nil=\"true\"/>")
        .contains("<sf:CreatedBy xsi:type=\"sf:sObject\"><sf:type>User</sf:type><sf:Id xsi:nil=\"true\"/>"
            + "<sf:UserType>Standard</sf:UserType></sf:CreatedBy>");
    assertThat(fake.journal().calls()).singleElement().satisfies(c -> {
      assertThat(c.query()).isEqualTo("query");
      assertThat(c.body()).contains("SELECT Id, Owner.Name");
    });
  }

  static List<XmlObject> records(XmlObject queryResult) {
    List<XmlObject> out = new ArrayList<>();
    if (queryResult == null) {
      return out;
    }
    for (Iterator<XmlObject> it = queryResult.getChildren("records"); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  static String code(Throwable t) {
    return t instanceof ApiFault f ? f.getExceptionCode().name() : t.toString();
  }
}
