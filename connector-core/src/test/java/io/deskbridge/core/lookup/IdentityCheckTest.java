package io.deskbridge.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.lookup.IdentityCheck.Verdict;
import org.junit.jupiter.api.Test;

class IdentityCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final IdentityCheck BOTH = new IdentityCheck("customer.email", "customer.id");
  private static final IdentityCheck EMAIL = new IdentityCheck("customer.email", null);

  private static JsonNode record(String customer) throws Exception {
    return JSON.readTree("{\"number\":\"10042\"" + (customer == null ? "" : ",\"customer\":" + customer) + "}");
  }

  @Test
  void theSameEmailMatchesWhateverItsCaseAndSurroundingSpace() throws Exception {
    var record = record("{\"email\":\"Jana.Novakova@Example.com\"}");
    assertThat(EMAIL.check(record, new Customer("", "Jana", " jana.novakova@example.COM "))).isEqualTo(Verdict.MATCH);
  }

  @Test
  void anotherEmailIsAMismatch() throws Exception {
    var record = record("{\"email\":\"jana.novakova@example.com\"}");
    assertThat(EMAIL.check(record, new Customer("", "Peter", "peter.smith@example.com")))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(EMAIL.check(record, new Customer("", "", "jana.novakova@example.com.evil.io")))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void anyDisagreementWinsOverAnAgreement() throws Exception {
    var record = record("{\"email\":\"jana.novakova@example.com\",\"id\":\"c-1001\"}");
    assertThat(BOTH.check(record, new Customer("c-1002", "", "jana.novakova@example.com")))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(BOTH.check(record, new Customer("c-1001", "", "peter.smith@example.com")))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(BOTH.check(record, new Customer("c-1001", "", "jana.novakova@example.com"))).isEqualTo(Verdict.MATCH);
  }

  @Test
  void theIdAloneMatchesExactly() throws Exception {
    var record = record("{\"email\":\"jana.novakova@example.com\",\"id\":\"c-1001\"}");
    assertThat(BOTH.check(record, new Customer("c-1001", "", ""))).isEqualTo(Verdict.MATCH);
    assertThat(BOTH.check(record, new Customer("C-1001", "", ""))).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void nothingToCompareIsUnverifiedNeverAMatch() throws Exception {
    var jana = new Customer("c-1001", "Jana", "jana.novakova@example.com");
    assertThat(BOTH.check(record(null), jana)).isEqualTo(Verdict.UNVERIFIED);
    assertThat(BOTH.check(record("{\"email\":null,\"id\":\"\"}"), jana)).isEqualTo(Verdict.UNVERIFIED);
    assertThat(BOTH.check(record("{\"email\":{\"x\":1}}"), jana)).isEqualTo(Verdict.UNVERIFIED);
    assertThat(BOTH.check(record("{\"email\":\"jana.novakova@example.com\",\"id\":\"c-1001\"}"), Customer.UNKNOWN))
        .isEqualTo(Verdict.UNVERIFIED);
    assertThat(EMAIL.check(record("{\"id\":\"c-1001\"}"), jana)).isEqualTo(Verdict.UNVERIFIED);
  }

  @Test
  void needsAtLeastOnePath() {
    assertThatThrownBy(() -> new IdentityCheck(null, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
