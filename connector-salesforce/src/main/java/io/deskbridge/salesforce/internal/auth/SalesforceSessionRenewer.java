package io.deskbridge.salesforce.internal.auth;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews an expired session for force-wsc, which calls it on an {@code INVALID_SESSION_ID} fault and retries the
 * failed call once with the header returned. It also fixes force-wsc's renewal bug: the {@link PartnerConnection}
 * keeps the {@code SessionHeader} it was built with, so without {@link PartnerConnection#setSessionHeader} every
 * later call would send the old session, fault and renew again. Thread-safe (renewals are serialised).
 */
public final class SalesforceSessionRenewer implements SessionRenewer {
  private static final Logger log = LoggerFactory.getLogger(SalesforceSessionRenewer.class);
  private static final QName SESSION_HEADER = new QName("urn:partner.soap.sforce.com", "SessionHeader");

  private final String installationId;
  private final SalesforceLogin login;
  private final AtomicInteger renewals = new AtomicInteger();
  private volatile PartnerConnection connection;

  public SalesforceSessionRenewer(String installationId, SalesforceLogin login) {
    this.installationId = installationId;
    this.login = login;
  }

  /** The connection whose session header is replaced on renewal; set once it is built. */
  public void attach(PartnerConnection partnerConnection) {
    this.connection = partnerConnection;
  }

  /** How many times the session was renewed. */
  public int renewals() {
    return renewals.get();
  }

  /**
   * Authenticates again, stores the new session in the config and the connection, and returns its header.
   *
   * @throws io.deskbridge.core.error.VendorException when the new authentication fails (force-wsc passes it on)
   */
  @Override
  public synchronized SessionRenewalHeader renewSession(ConnectorConfig config) {
    var session = login.authenticate();
    config.setSessionId(session.sessionId());
    config.setServiceEndpoint(session.serviceEndpoint());
    var pc = connection;
    if (pc != null) {
      pc.setSessionHeader(session.sessionId()); // the fix: later calls carry the new session
    }
    log.info("{}: Salesforce session renewed (renewal {})", installationId, renewals.incrementAndGet());
    var element = new SessionHeader_element();
    element.setSessionId(session.sessionId());
    var header = new SessionRenewalHeader();
    header.name = SESSION_HEADER;
    header.headerElement = element;
    return header;
  }
}
