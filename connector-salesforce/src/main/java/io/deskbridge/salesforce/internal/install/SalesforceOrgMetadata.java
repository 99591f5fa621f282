package io.deskbridge.salesforce.internal.install;

import com.sforce.soap.metadata.DeployMessage;
import com.sforce.soap.metadata.DeployOptions;
import com.sforce.soap.metadata.DeployResult;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import com.sforce.ws.SoapFaultException;
import io.deskbridge.core.error.VendorErrors;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.salesforce.internal.auth.SalesforceLogin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.namespace.QName;

/**
 * One org's Metadata API (force-metadata-api, the newest on Maven Central, at {@value #METADATA_VERSION}) and the
 * partner calls install needs, on one session: {@code readMetadata}, {@code deploy} of a zipped package polled with
 * {@code checkDeployStatus}, and the integration user's permission set assignment. The Metadata endpoint is the
 * partner endpoint with {@code /Soap/u/{v}} replaced by {@code /Soap/m/}{@value #METADATA_VERSION}: the client reads
 * that version's schema, whatever the package's own {@code <version>}. Both connections are built with the auth
 * endpoint, the service endpoint and the session set explicitly (the prebuilt jars' defaults are internal Salesforce
 * hosts). An expired session is renewed by replacing the connection's session header (force-wsc keeps the old one
 * otherwise): on the partner connection through force-wsc's renewer; on the Metadata connection here, retrying the
 * call once after an {@code INVALID_SESSION_ID} fault, because force-wsc calls a renewer only for a fault with a
 * {@code detail}, which the Metadata API's faults lack. Not thread-safe; one per
 * install run.
 */
public final class SalesforceOrgMetadata {
  /** The Metadata API version the client was generated from. */
  public static final String METADATA_VERSION = "62.0";
  /** Waits between status checks: short first, then every {@link #MAX_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  /** Waits between deploy status checks; production sleeps, tests record. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  /** Salesforce refused a Metadata call because the user may not use the Metadata API (no "Modify Metadata"). */
  public static final class NoMetadataAccess extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoMetadataAccess(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final SalesforceLogin login;
  private final Clock clock;
  private final Pause pause;
  private final Duration timeout;
  private final MetadataConnection metadata;
  private final PartnerConnection partner;

  /**
   * Authenticates and builds the two connections; no Metadata call yet.
   *
   * @throws VendorException when authentication fails (naming the settings)
   */
  public SalesforceOrgMetadata(SalesforceLogin login, Duration connectTimeout, Duration readTimeout, Clock clock,
      Pause pause, Duration timeout) {
    this.login = login;
    this.clock = clock;
    this.pause = pause;
    this.timeout = timeout;
    var session = login.authenticate();
    try {
      var mc = config(session.serviceEndpoint().replaceFirst("/services/Soap/u/[^/]+", "/services/Soap/m/"
          + METADATA_VERSION), session.sessionId(), connectTimeout, readTimeout);
      var pc = config(session.serviceEndpoint(), session.sessionId(), connectTimeout, readTimeout);
      this.metadata = new MetadataConnection(mc);
      this.partner = new PartnerConnection(pc);
      metadata.setSessionHeader(session.sessionId());
      partner.setSessionHeader(session.sessionId());
      pc.setSessionRenewer(partnerRenewer());
    } catch (ConnectionException e) {
      throw VendorErrors.forIo("cannot build the Salesforce connections: " + e, e);
    }
  }

  /** A Metadata call. */
  @FunctionalInterface
  private interface Call<T> {
    T call() throws ConnectionException;
  }

  /** Runs {@code call}; after an INVALID_SESSION_ID fault authenticates again and runs it once more. */
  private <T> T renewing(Call<T> call) throws ConnectionException {
    try {
      return call.call();
    } catch (SoapFaultException f) {
      if (f.getFaultCode() == null || !"INVALID_SESSION_ID".equals(f.getFaultCode().getLocalPart())) {
        throw f;
      }
      var session = login.authenticate();
      metadata.getConfig().setSessionId(session.sessionId());
      metadata.setSessionHeader(session.sessionId());
      return call.call();
    }
  }

  private ConnectorConfig config(String endpoint, String sessionId, Duration connect, Duration read) {
    var c = new ConnectorConfig();
    c.setAuthEndpoint(login.authEndpoint());
    c.setServiceEndpoint(endpoint);
    c.setSessionId(sessionId);
    c.setManualLogin(true);
    c.setConnectionTimeout((int) connect.toMillis());
    c.setReadTimeout((int) read.toMillis());
    return c;
  }

  /** force-wsc's renewal for the partner connection (its faults carry a detail), replacing the connection's header. */
  private SessionRenewer partnerRenewer() {
    return config -> {
      var session = login.authenticate();
      config.setSessionId(session.sessionId());
      partner.setSessionHeader(session.sessionId());
      var e = new com.sforce.soap.partner.SessionHeader_element();
      e.setSessionId(session.sessionId());
      var header = new SessionRenewer.SessionRenewalHeader();
      header.name = new QName("urn:partner.soap.sforce.com", "SessionHeader");
      header.headerElement = e;
      return header;
    };
  }

  /**
   * The components of a type by full name; a name not in the org is absent from the map.
   *
   * @throws NoMetadataAccess when the user may not use the Metadata API
   */
  public Map<String, com.sforce.soap.metadata.Metadata> read(String type, List<String> fullNames) {
    try {
      var result = renewing(() -> metadata.readMetadata(type, fullNames.toArray(String[]::new)));
      var out = new java.util.LinkedHashMap<String, com.sforce.soap.metadata.Metadata>();
      for (var m : result.getRecords() == null ? new com.sforce.soap.metadata.Metadata[0] : result.getRecords()) {
        if (m != null && m.getFullName() != null) {
          out.put(m.getFullName(), m);
        }
      }
      return out;
    } catch (ConnectionException e) {
      throw mapped("readMetadata " + type, e);
    }
  }

  /**
   * Deploys a package (relative path to content, {@code package.xml} included) and waits until Salesforce is done:
   * all or nothing ({@code rollbackOnError}), no tests named (Salesforce runs the org's local tests in production only
   * when the package holds Apex, which this one does not).
   *
   * @return the components deployed or deleted, {@code Type fullName} each
   * @throws VendorException naming each component Salesforce refused and why, or the deploy's id on time-out
   * @throws NoMetadataAccess when the user may not use the Metadata API
   */
  public List<String> deploy(Map<String, String> files) {
    try {
      var options = new DeployOptions();
      options.setRollbackOnError(true);
      options.setSinglePackage(true);
      byte[] zip = zip(files);
      var async = renewing(() -> metadata.deploy(zip, options));
      Instant deadline = clock.instant().plus(timeout);
      Duration wait = FIRST_PAUSE;
      DeployResult result = renewing(() -> metadata.checkDeployStatus(async.getId(), true));
      while (!result.isDone()) {
        if (!clock.instant().isBefore(deadline)) {
          throw new VendorException(VendorException.Kind.UNAVAILABLE, "the Salesforce deploy " + async.getId()
              + " was not done after " + timeout.toMinutes() + " minutes (status " + result.getStatus() + "): see "
              + "Setup > Deployment Status, then run install again", null);
        }
        pause.pause(wait);
        wait = wait.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait.multipliedBy(2);
        result = renewing(() -> metadata.checkDeployStatus(async.getId(), true));
      }
      var details = result.getDetails();
      if (!result.isSuccess()) {
        var failures = details == null || details.getComponentFailures() == null ? new DeployMessage[0]
            : details.getComponentFailures();
        String why = failures.length == 0 ? String.valueOf(result.getErrorMessage())
            : String.join("; ", Arrays.stream(failures).map(f -> f.getComponentType() + " " + f.getFullName() + ": "
                + f.getProblem()).toList());
        throw new VendorException(VendorException.Kind.INVALID, "Salesforce refused the deploy " + async.getId()
            + " (status " + result.getStatus() + "): " + why, null);
      }
      var done = new ArrayList<String>();
      if (details != null && details.getComponentSuccesses() != null) {
        for (var s : details.getComponentSuccesses()) {
          done.add(s.getComponentType() + " " + s.getFullName());
        }
      }
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw VendorErrors.forIo("interrupted while waiting for a Salesforce deploy", e);
    } catch (ConnectionException e) {
      throw mapped("deploy", e);
    }
  }

  /** The id of the user with this username, or empty. */
  public Optional<String> userId(String username) {
    return one("SELECT Id FROM User WHERE Username = '" + soql(username) + "'");
  }

  /** The id of the permission set with this name, or empty. */
  public Optional<String> permissionSetId(String name) {
    return one("SELECT Id FROM PermissionSet WHERE Name = '" + soql(name) + "'");
  }

  /** The id of the assignment of the permission set to the user, or empty. */
  public Optional<String> assignmentId(String userId, String permissionSetId) {
    return one("SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '" + soql(userId)
        + "' AND PermissionSetId = '" + soql(permissionSetId) + "'");
  }

  /**
   * Assigns the permission set to the user.
   *
   * @throws VendorException {@link VendorException.Kind#FORBIDDEN} when the session's user may not assign it
   */
  public void assign(String userId, String permissionSetId) {
    var psa = new SObject("PermissionSetAssignment");
    psa.setField("AssigneeId", userId);
    psa.setField("PermissionSetId", permissionSetId);
    try {
      var r = partner.create(new SObject[] {psa})[0];
      if (!r.isSuccess()) {
        var e = r.getErrors()[0];
        String code = e.getStatusCode() == null ? "" : e.getStatusCode().name();
        throw new VendorException(code.startsWith("INSUFFICIENT_ACCESS") ? VendorException.Kind.FORBIDDEN
            : VendorException.Kind.INVALID, "Salesforce refused the permission set assignment (" + code + ": "
            + e.getMessage() + ")", null);
      }
    } catch (ConnectionException e) {
      throw mapped("create PermissionSetAssignment", e);
    }
  }

  /** Deletes an assignment. */
  public void unassign(String assignmentId) {
    try {
      var r = partner.delete(new String[] {assignmentId})[0];
      if (!r.isSuccess()) {
        var e = r.getErrors()[0];
        throw new VendorException(VendorException.Kind.INVALID, "Salesforce refused to delete the permission set "
            + "assignment " + assignmentId + " (" + e.getStatusCode() + ": " + e.getMessage() + ")", null);
      }
    } catch (ConnectionException e) {
      throw mapped("delete PermissionSetAssignment", e);
    }
  }

  private Optional<String> one(String soql) {
    try {
      var records = partner.query(soql).getRecords();
      return records == null || records.length == 0 ? Optional.empty() : Optional.of(records[0].getId());
    } catch (ConnectionException e) {
      throw mapped("query", e);
    }
  }

  private static String soql(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }

  /** INSUFFICIENT_ACCESS on a Metadata call is {@link NoMetadataAccess}; the rest as the connector maps them. */
  private static RuntimeException mapped(String call, ConnectionException e) {
    String code = e instanceof SoapFaultException f && f.getFaultCode() != null ? f.getFaultCode().getLocalPart()
        : e instanceof ApiFault a && a.getExceptionCode() != null ? a.getExceptionCode().name() : "";
    String message = e instanceof ApiFault a ? a.getExceptionMessage() : e.getMessage();
    if (code.equals("INSUFFICIENT_ACCESS") && !call.contains(" PermissionSetAssignment") && !call.equals("query")) {
      return new NoMetadataAccess("Salesforce refused " + call + " (INSUFFICIENT_ACCESS: " + message + ")", e);
    }
    if (code.equals("INSUFFICIENT_ACCESS")) {
      return new VendorException(VendorException.Kind.FORBIDDEN, "Salesforce refused " + call + " ("
          + code + ": " + message + ")", e);
    }
    if (e instanceof SoapFaultException || e instanceof ApiFault) {
      return new VendorException(VendorException.Kind.INVALID, "Salesforce refused " + call + " (" + code + ": "
          + message + ")", e);
    }
    return VendorErrors.forIo("Salesforce " + call + " failed: " + e, e);
  }

  /** The package as a zip, the files at its root (as {@code --metadata-dir} has them). */
  static byte[] zip(Map<String, String> files) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (var f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
