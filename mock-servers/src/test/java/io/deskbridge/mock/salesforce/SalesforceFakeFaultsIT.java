package io.deskbridge.mock.salesforce;

import static io.deskbridge.mock.salesforce.SalesforceFakePartnerApiIT.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import io.deskbridge.mock.base.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Limits, injected faults and per-record errors, as the SDK sees them; unmatched requests. */
class SalesforceFakeFaultsIT {
  @RegisterExtension
  static final SalesforceFakeExtension EXT = new SalesforceFakeExtension(
      SalesforceFakeConfig.defaults().withDailyApiLimit(1_000));

  private static SObject owner(String caseId, String ownerId) {
    SObject s = new SObject("Case");
    s.setId(caseId);
    s.setField("OwnerId", ownerId);
    return s;
  }

  private static ExceptionCode code(Throwable t) {
    return ((UnexpectedErrorFault) t).getExceptionCode();
  }

  @Test
  void everyCallCarriesTheLimitInfoHeaderAndPastTheLimitEveryCallFaults() throws Exception {
    SalesforceFake fake = EXT.fake();
    PartnerConnection pc = connect(fake, true);
    pc.getUserInfo();
    pc.query("SELECT Id FROM Case");
    LimitInfo info = pc.getLimitInfoHeader().getLimitInfo()[0];
    assertThat(info.getType()).isEqualTo("API REQUESTS");
    assertThat(info.getCurrent()).isEqualTo(2);
    assertThat(info.getLimit()).isEqualTo(1_000);

    fake.setApiUsage(999);
    pc.getUserInfo();
    assertThat(pc.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(1_000);
    assertThatThrownBy(pc::getUserInfo).satisfies(t -> {
      assertThat(code(t)).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED);
      assertThat(((UnexpectedErrorFault) t).getExceptionMessage()).isEqualTo("TotalRequests Limit exceeded.");
    });
    assertThat(fake.apiUsage()).isEqualTo(1_000);
  }

  @Test
  void unableToLockRowPerRecordAndForTheWholeCall() throws Exception {
    SalesforceFake fake = EXT.fake();
    String a = fake.customerCreatesCase("a@example.com", "A", "A", "a", "Web");
    String b = fake.customerCreatesCase("b@example.com", "B", "B", "b", "Web");
    String tier1 = fake.queues().get("Tier1");
    PartnerConnection pc = connect(fake, true);

    fake.failRecordsNext(1, "UNABLE_TO_LOCK_ROW");
    SaveResult[] r = pc.update(new SObject[] {owner(a, tier1), owner(b, tier1)});
    assertThat(r[0].isSuccess()).isFalse();
    assertThat(r[0].getErrors()[0].getStatusCode().name()).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(r[0].getErrors()[0].getMessage()).contains("unable to obtain exclusive access").contains(a);
    assertThat(r[1].isSuccess()).isTrue();
    assertThat(fake.caseRecord(a).orElseThrow().ownerId()).isEqualTo(fake.queues().get("Bot_Intake"));
    assertThat(fake.caseRecord(b).orElseThrow().ownerId()).isEqualTo(tier1);

    fake.failNext(1, "UNABLE_TO_LOCK_ROW");
    assertThatThrownBy(() -> pc.update(new SObject[] {owner(a, tier1)}))
        .satisfies(t -> assertThat(code(t)).isEqualTo(ExceptionCode.UNABLE_TO_LOCK_ROW));
    assertThat(fake.caseRecord(a).orElseThrow().ownerId()).isEqualTo(fake.queues().get("Bot_Intake"));
    assertThat(pc.update(new SObject[] {owner(a, tier1)})[0].isSuccess()).isTrue();
    assertThat(fake.injectedFailures()).isEqualTo(1);
  }

  @Test
  void theNthWriteFaultsOnceAndReadsPass() throws Exception {
    SalesforceFake fake = EXT.fake();
    String a = fake.customerCreatesCase("a@example.com", "A", "A", "a", "Web");
    PartnerConnection pc = connect(fake, false);
    fake.failNthWrite(2, "SERVER_UNAVAILABLE");
    SObject note = new SObject("CaseComment");
    note.setField("ParentId", a);
    note.setField("CommentBody", "note");
    assertThat(pc.create(new SObject[] {note})[0].isSuccess()).isTrue();
    pc.query("SELECT Id FROM Case WHERE Id = '" + a + "'");
    assertThatThrownBy(() -> pc.update(new SObject[] {owner(a, fake.queues().get("Tier2"))}))
        .satisfies(t -> assertThat(code(t)).isEqualTo(ExceptionCode.SERVER_UNAVAILABLE));
    assertThat(pc.update(new SObject[] {owner(a, fake.queues().get("Tier2"))})[0].isSuccess()).isTrue();
    assertThat(fake.journal().calls(a)).extracting(c -> c.query() + " " + c.status())
        .containsExactly("create 200", "query 200", "update 500", "update 200");
  }

  @Test
  void aRandomShareOfCallsFaultsUntilStopped() throws Exception {
    SalesforceFake fake = EXT.fake();
    PartnerConnection pc = connect(fake, true);
    fake.failRandomly(1.0, "SERVER_UNAVAILABLE");
    assertThatThrownBy(pc::getUserInfo)
        .satisfies(t -> assertThat(code(t)).isEqualTo(ExceptionCode.SERVER_UNAVAILABLE));
    fake.failRandomly(0, "SERVER_UNAVAILABLE");
    assertThat(pc.getUserInfo().getUserId()).isEqualTo(fake.integrationUserId());
  }

  @Test
  void aRuleOnTheOperationStrikesOnlyThatOperation() throws Exception {
    SalesforceFake fake = EXT.fake();
    String a = fake.customerCreatesCase("a@example.com", "A", "A", "a", "Web");
    PartnerConnection pc = connect(fake, true);
    fake.injectFault(FaultRule.on("POST", ".*#update", SalesforceFake.soapFault("INSUFFICIENT_ACCESS")));
    pc.getUserInfo();
    assertThatThrownBy(() -> pc.update(new SObject[] {owner(a, fake.agentUserId())}))
        .satisfies(t -> assertThat(code(t)).isEqualTo(ExceptionCode.INSUFFICIENT_ACCESS));
    assertThat(pc.update(new SObject[] {owner(a, fake.agentUserId())})[0].isSuccess()).isTrue();
  }

  @Test
  void writesOnADeletedCaseAndToAQueueThatTakesNoCasesAreRefusedPerRecord() throws Exception {
    SalesforceFake fake = SalesforceFake.start(SalesforceFakeConfig.defaults().withQueueNotForCases("Billing"));
    try (fake) {
      String a = fake.customerCreatesCase("a@example.com", "A", "A", "a", "Web");
      PartnerConnection pc = connect(fake, true);
      SaveResult billing = pc.update(new SObject[] {owner(a, fake.queues().get("Billing"))})[0];
      assertThat(billing.getErrors()[0].getStatusCode().name()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
      fake.agentDeletesCase(a);
      SaveResult deleted = pc.update(new SObject[] {owner(a, fake.queues().get("Tier1"))})[0];
      assertThat(deleted.getErrors()[0].getStatusCode().name()).isEqualTo("ENTITY_IS_DELETED");
      assertThat(pc.query("SELECT Id FROM Case").getSize()).isZero();
      assertThatThrownBy(() -> fake.failNext(1, "ENTITY_IS_DELETED"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failRecordsNext");
    }
  }

  @Test
  void requestsTheFakeDoesNotServeAreRecordedAndAnsweredLoudly() throws Exception {
    SalesforceFake fake = SalesforceFake.start();
    try (fake) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(fake.baseUrl() + "/services/data/v64.0/sobjects/Case")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(404);
      PartnerConnection pc = connect(fake, true);
      assertThatThrownBy(() -> pc.describeSObject("Case")).isInstanceOf(Exception.class);
      assertThat(fake.unmatchedRequests()).containsExactly("GET /services/data/v64.0/sobjects/Case",
          "POST /services/Soap/u/65.0/00D5g000000ABCD describeSObject");
    }
  }
}
