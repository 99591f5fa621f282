package io.deskbridge.salesforce.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.error.VendorException.Kind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SalesforceErrorMapperTest {
  private final SalesforceErrorMapper mapper = new SalesforceErrorMapper();

  /** Every failure force-wsc and the client throw, and the kind it must become; together every kind the mapper gives. */
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("REQUEST_LIMIT_EXCEEDED fault", fault(ExceptionCode.REQUEST_LIMIT_EXCEEDED), Kind.RATE_LIMITED),
        Arguments.of("SINGLE_EMAIL_LIMIT_EXCEEDED record", record("SINGLE_EMAIL_LIMIT_EXCEEDED"), Kind.RATE_LIMITED),
        Arguments.of("UNABLE_TO_LOCK_ROW fault", fault(ExceptionCode.UNABLE_TO_LOCK_ROW), Kind.NOT_PROCESSED),
        Arguments.of("UNABLE_TO_LOCK_ROW record", record("UNABLE_TO_LOCK_ROW"), Kind.NOT_PROCESSED),
        Arguments.of("SERVER_UNAVAILABLE fault", fault(ExceptionCode.SERVER_UNAVAILABLE), Kind.UNAVAILABLE),
        Arguments.of("QUERY_TIMEOUT fault", fault(ExceptionCode.QUERY_TIMEOUT), Kind.UNAVAILABLE),
        Arguments.of("read timeout", (Supplier<Throwable>) () -> new ConnectionException("Failed to send request",
            new SocketTimeoutException("Read timed out")), Kind.UNAVAILABLE),
        Arguments.of("connection refused", (Supplier<Throwable>) () -> new ConnectionException("Failed to send request",
            new ConnectException("Connection refused")), Kind.UNAVAILABLE),
        Arguments.of("INVALID_SESSION_ID after renewal", fault(ExceptionCode.INVALID_SESSION_ID), Kind.AUTH),
        Arguments.of("INVALID_LOGIN", (Supplier<Throwable>) () -> {
          var f = new LoginFault();
          f.setExceptionCode(ExceptionCode.INVALID_LOGIN);
          f.setExceptionMessage("Invalid username, password, security token; or user locked out.");
          return f;
        }, Kind.AUTH),
        Arguments.of("INSUFFICIENT_ACCESS fault", fault(ExceptionCode.INSUFFICIENT_ACCESS), Kind.FORBIDDEN),
        Arguments.of("INSUFFICIENT_ACCESS_OR_READONLY record", record("INSUFFICIENT_ACCESS_OR_READONLY"), Kind.FORBIDDEN),
        Arguments.of("ENTITY_IS_DELETED record", record("ENTITY_IS_DELETED"), Kind.NOT_FOUND),
        Arguments.of("INVALID_FIELD fault", (Supplier<Throwable>) () -> {
          var f = new InvalidFieldFault();
          f.setExceptionCode(ExceptionCode.INVALID_FIELD);
          f.setExceptionMessage("No such column 'Colour' on entity 'Case'");
          return f;
        }, Kind.INVALID),
        Arguments.of("STRING_TOO_LONG record", record("STRING_TOO_LONG"), Kind.INVALID),
        Arguments.of("a fault wsc has no type for", (Supplier<Throwable>) () -> new SoapFaultException(
            new QName("urn:fault.partner.soap.sforce.com", "SERVER_UNAVAILABLE"), "down"), Kind.UNAVAILABLE),
        Arguments.of("a failed renewal inside force-wsc", (Supplier<Throwable>) () -> new ConnectionException(
            "renewal failed", new VendorException(Kind.AUTH, "Salesforce refused the client credentials", null)),
            Kind.AUTH),
        Arguments.of("a bug", (Supplier<Throwable>) () -> new NullPointerException("bug"), Kind.INVALID),
        Arguments.of("already mapped", (Supplier<Throwable>) () -> new VendorException(Kind.PAUSED, "circuit open",
            Duration.ofSeconds(5), null), Kind.PAUSED));
  }

  private static Supplier<Throwable> fault(ExceptionCode code) {
    return () -> {
      var f = new UnexpectedErrorFault();
      f.setExceptionCode(code);
      f.setExceptionMessage(code.name().toLowerCase());
      return f;
    };
  }

  private static Supplier<Throwable> record(String statusCode) {
    return () -> new SalesforceRecordError("create CaseComment", statusCode, "refused");
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("failures")
  void mapsEachFailureToItsKind(String what, Supplier<Throwable> failure, Kind kind) {
    var thrown = failure.get();
    var mapped = mapper.map(thrown);
    assertThat(mapped.kind()).isEqualTo(kind);
    if (!(thrown instanceof VendorException) && !(thrown.getCause() instanceof VendorException)) {
      assertThat(mapped.getCause()).isSameAs(thrown);
    }
  }

  @Test
  void theTableCoversEveryKindTheMapperGives() {
    var kinds = EnumSet.noneOf(Kind.class);
    failures().forEach(a -> kinds.add((Kind) a.get()[2]));
    assertThat(kinds).containsAll(EnumSet.complementOf(EnumSet.of(Kind.CONFLICT)))
        .as("Salesforce has no conditional writes, so nothing is a conflict").doesNotContain(Kind.CONFLICT);
  }

  @Test
  void theConcurrentRequestLimitWaitsSeconds() {
    var f = new UnexpectedErrorFault();
    f.setExceptionCode(ExceptionCode.REQUEST_LIMIT_EXCEEDED);
    f.setExceptionMessage("ConcurrentPerOrgLongTxn Limit exceeded.");
    assertThat(mapper.map(f).retryAfter()).contains(SalesforceErrorMapper.CONCURRENCY_PAUSE);
  }

  @Test
  void theDailyLimitWaitsMinutesNotSeconds() {
    var mapped = mapper.map(fault(ExceptionCode.REQUEST_LIMIT_EXCEEDED).get());
    assertThat(mapped.retryAfter()).contains(SalesforceErrorMapper.LIMIT_PAUSE);
    assertThat(SalesforceErrorMapper.LIMIT_PAUSE).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(mapped.getMessage()).contains("REQUEST_LIMIT_EXCEEDED");
  }
}
