package io.deskbridge.mock.salesforce;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.deskbridge.mock.base.ControlInput;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.Faults;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.salesforce.Model.SObjectIn;
import io.deskbridge.mock.salesforce.Model.SaveOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension serving the partner SOAP API ({@code POST /services/Soap/u/{version}[/{orgId}]}) and the
 * OAuth token endpoint: parsing, sessions, the daily API allocation and its {@code LimitInfoHeader}, injected faults,
 * the journal of calls, and the loud answer to anything not faked. Faults are matched by {@link FaultRule} on the
 * method {@code POST} and the "path" {@code {path}#{operation}}, e.g. {@code FaultRule.on("POST", ".*#update", f)}.
 *
 * <p>Thread-safe: SOAP calls are handled one at a time under this object's monitor; WireMock applies the delay
 * afterwards, outside the lock.
 */
final class PartnerApi implements ResponseDefinitionTransformerV2 {
  private static final Logger LOG = LoggerFactory.getLogger(PartnerApi.class);
  private static final Pattern SOAP_PATH = Pattern.compile("/services/Soap/u/(\\d{1,3})\\.0(?:/([A-Za-z0-9]{15,18}))?");
  private static final Pattern METADATA_PATH =
      Pattern.compile("/services/Soap/m/(\\d{1,3})\\.0(?:/([A-Za-z0-9]{15,18}))?");
  private static final Pattern CASE_OR_CHILD =
      Pattern.compile("(?<![A-Za-z0-9])(?:500|00a|02s|0D5)[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?(?![A-Za-z0-9])");
  private static final Set<String> OPERATIONS =
      Set.of("getUserInfo", "query", "queryMore", "retrieve", "create", "update", "delete", "sendEmail");
  private static final Set<String> WRITES = Set.of("create", "update", "delete", "sendEmail");
  static final String TEXT_XML = "text/xml; charset=utf-8";

  private record Reply(int status, String contentType, byte[] body, Duration delay) {}

  private final SalesforceFakeConfig config;
  private final Model model;
  private final QueryEngine queries;
  private final Sessions sessions;
  private final OAuthEndpoint oauth;
  private final MetadataApi metadata;
  private final Faults faults = new Faults();
  private final RequestJournal journal = new RequestJournal();
  private String baseUrl = "http://localhost";
  private volatile SalesforceControl control;
  private int usage;
  private int logins;
  private int recordFailures;
  private String recordFailureCode;

  PartnerApi(SalesforceFakeConfig config, Model model, Sessions sessions) {
    this.config = config;
    this.model = model;
    this.queries = new QueryEngine(model);
    this.sessions = sessions;
    this.oauth = new OAuthEndpoint(config, sessions, model.integrationUserId());
    this.metadata = new MetadataApi(model);
  }

  /** The Metadata API's state (call under this object's lock: {@link #withMetadata}). */
  synchronized <T> T withMetadata(java.util.function.Function<MetadataApi, T> use) {
    return use.apply(metadata);
  }

  @Override
  public String getName() {
    return "deskbridge-salesforce-fake";
  }

  void control(SalesforceControl control) {
    this.control = control;
  }

  synchronized void baseUrl(String url) {
    this.baseUrl = url;
    oauth.baseUrl(url);
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request r = serveEvent.getRequest();
    String path = r.getUrl().replaceFirst("\\?.*", "");
    String method = r.getMethod().getName();
    Reply reply;
    SalesforceControl control = this.control;
    if (control != null && ControlInput.isControlPath(path)) {
      // the fake's own controls: outside the API's lock, budget, faults and delay
      SalesforceControl.Reply c = control.handle(method, path, r.getBody());
      if (c == null) {
        synchronized (this) {
          reply = unmatched(method + " " + r.getUrl());
        }
      } else {
        reply = new Reply(c.status(), "application/json; charset=utf-8", c.body(), Duration.ZERO);
      }
    } else if ("POST".equals(method) && "/services/oauth2/token".equals(path)) {
      OAuthEndpoint.Answer a = oauth.token(r.getBody(), r.getHeader("Authorization"));
      synchronized (this) {
        logins++;
      }
      reply = new Reply(a.status(), "application/json;charset=UTF-8", a.body(), Duration.ZERO);
    } else {
      Matcher m = SOAP_PATH.matcher(path);
      Matcher md = METADATA_PATH.matcher(path);
      synchronized (this) {
        reply = "POST".equals(method) && m.matches() ? soap(r, path, m)
            : "POST".equals(method) && md.matches() ? metadata(r, path, md) : unmatched(method + " " + r.getUrl());
        reply = new Reply(reply.status(), reply.contentType(), reply.body(), reply.delay().plus(faults.delay()));
      }
    }
    return FakeServer.response(reply.status(), reply.contentType(), reply.body(), reply.delay());
  }

  // guarded by this
  private Reply soap(Request r, String path, Matcher m) {
    int version = Integer.parseInt(m.group(1));
    String org = m.group(2);
    if (org != null && !Ids.key(org).equals(Ids.key(config.orgId()))) {
      return unmatched("POST " + path + " (another org's endpoint)");
    }
    SoapRequest req;
    try {
      req = SoapRequest.parse(r.getBody() == null ? new byte[0] : r.getBody());
    } catch (IllegalArgumentException e) {
      Fault.SoapFault f = Fault.SoapFault.of("soapenv:Client", e.getMessage());
      journal.record(config.clock().instant(), "POST", path, "", "", 500, null, "");
      return new Reply(500, TEXT_XML, f.body(), Duration.ZERO);
    }
    if ("login".equals(req.operation())) {
      logins++;
      return login(version, req);
    }
    if (!OPERATIONS.contains(req.operation())) {
      return unmatched("POST " + path + " " + req.operation());
    }
    String conversation = conversation(req.text());
    String user = sessions.use(req.sessionId());
    Fault fault = user == null ? null : faults.next("POST", path + "#" + req.operation()).orElse(null);
    Reply reply;
    if (user == null) {
      reply = fault(ApiFault.invalidSession());
    } else if (fault instanceof Fault.SoapFault sf) {
      usage += sf.faultcode().equals("sf:REQUEST_LIMIT_EXCEEDED") ? 0 : 1;
      reply = new Reply(sf.status(), TEXT_XML, sf.body(), Duration.ZERO);
    } else if (fault instanceof Fault.Status s) {
      reply = new Reply(s.status(), "text/html;charset=UTF-8", ("<html><body>" + s.status() + " Service Unavailable"
          + "</body></html>").getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    } else if (usage >= config.dailyApiLimit()) {
      reply = fault(new ApiFault("REQUEST_LIMIT_EXCEEDED", ApiFault.LIMIT_MESSAGE));
    } else {
      usage++;
      try {
        String body = serve(req, user);
        reply = new Reply(200, TEXT_XML, PartnerXml.envelope(new int[] {usage, config.dailyApiLimit()}, body)
            .getBytes(StandardCharsets.UTF_8), Duration.ZERO);
      } catch (ApiFault e) {
        reply = fault(e);
      } catch (RuntimeException e) {
        LOG.error("Salesforce fake: {} failed unexpectedly", req.operation(), e);
        reply = fault(new ApiFault("UNKNOWN_EXCEPTION", "An unexpected error occurred in the fake: " + e));
      }
    }
    Duration delay = fault instanceof Fault.Delay d ? d.delay() : Duration.ZERO;
    journal.record(config.clock().instant(), "POST", path, req.operation(), conversation, reply.status(), fault,
        req.text());
    return new Reply(reply.status(), reply.contentType(), reply.body(), delay);
  }

  // guarded by this
  private Reply metadata(Request r, String path, Matcher m) {
    String org = m.group(2);
    if (org != null && !Ids.key(org).equals(Ids.key(config.orgId()))) {
      return unmatched("POST " + path + " (another org's endpoint)");
    }
    byte[] raw = r.getBody() == null ? new byte[0] : r.getBody();
    org.w3c.dom.Element op;
    String sessionId;
    try {
      org.w3c.dom.Element envelope = Xml.parse(raw).getDocumentElement();
      org.w3c.dom.Element body = Xml.child(envelope, Xml.SOAP_ENV, "Body");
      if (!Xml.SOAP_ENV.equals(envelope.getNamespaceURI()) || body == null || Xml.children(body).isEmpty()) {
        throw new IllegalArgumentException("the request is not a SOAP 1.1 Envelope with a Body");
      }
      op = Xml.children(body).get(0);
      if (!MetadataApi.NS.equals(op.getNamespaceURI())) {
        throw new IllegalArgumentException("unexpected element {" + op.getNamespaceURI() + "}" + op.getLocalName()
            + " in the SOAP Body; the Metadata API's namespace is " + MetadataApi.NS);
      }
      org.w3c.dom.Element header = Xml.child(envelope, Xml.SOAP_ENV, "Header");
      org.w3c.dom.Element session = header == null ? null : Xml.child(header, MetadataApi.NS, "SessionHeader");
      sessionId = session == null ? null : Xml.text(session, "sessionId");
    } catch (IllegalArgumentException e) {
      journal.record(config.clock().instant(), "POST", path, "", "", 500, null, "");
      return new Reply(500, TEXT_XML, Fault.SoapFault.of("soapenv:Client", e.getMessage()).body(), Duration.ZERO);
    }
    if (!MetadataApi.OPERATIONS.contains(op.getLocalName())) {
      return unmatched("POST " + path + " " + op.getLocalName());
    }
    String text = new String(Xml.gzipped(raw) ? Xml.gunzip(raw) : raw, StandardCharsets.UTF_8);
    String user = sessions.use(sessionId);
    Fault fault = user == null ? null : faults.next("POST", path + "#" + op.getLocalName()).orElse(null);
    Reply reply;
    if (user == null) {
      reply = new Reply(500, TEXT_XML, new MetadataApi.MetadataFault("INVALID_SESSION_ID",
          ApiFault.INVALID_SESSION_MESSAGE).toSoap().body(), Duration.ZERO);
    } else if (fault instanceof Fault.SoapFault sf) {
      reply = new Reply(sf.status(), TEXT_XML, sf.body(), Duration.ZERO);
    } else if (fault instanceof Fault.Status s) {
      reply = new Reply(s.status(), "text/html;charset=UTF-8", ("<html><body>" + s.status() + " Service Unavailable"
          + "</body></html>").getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    } else {
      try {
        String body = metadata.serve(op, user);
        reply = new Reply(200, TEXT_XML, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
            + Xml.SOAP_ENV + "\" xmlns=\"" + MetadataApi.NS + "\" xmlns:xsi=\"" + Xml.XSI + "\"><soapenv:Body>" + body
            + "</soapenv:Body></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8), Duration.ZERO);
      } catch (MetadataApi.MetadataFault e) {
        reply = new Reply(500, TEXT_XML, e.toSoap().body(), Duration.ZERO);
      } catch (RuntimeException e) {
        LOG.error("Salesforce fake: {} failed unexpectedly", op.getLocalName(), e);
        reply = new Reply(500, TEXT_XML, new MetadataApi.MetadataFault("UNKNOWN_EXCEPTION", "An unexpected error "
            + "occurred in the fake: " + e).toSoap().body(), Duration.ZERO);
      }
    }
    journal.record(config.clock().instant(), "POST", path, op.getLocalName(), "", reply.status(), fault, text);
    Duration delay = fault instanceof Fault.Delay d ? d.delay() : Duration.ZERO;
    return new Reply(reply.status(), reply.contentType(), reply.body(), delay);
  }

  private String serve(SoapRequest req, String user) {
    return switch (req.operation()) {
      case "getUserInfo" -> PartnerXml.userInfo(userInfo(user));
      case "query" -> PartnerXml.query("queryResponse", queries.query(req.arg("queryString"), batchSize(req)));
      case "queryMore" -> PartnerXml.query("queryMoreResponse", queries.queryMore(req.arg("queryLocator")));
      case "retrieve" -> PartnerXml.retrieve(queries.retrieve(req.arg("fieldList"), req.arg("sObjectType"),
          req.args("ids")));
      case "create", "update" -> PartnerXml.save(req.operation() + "Response", write(req, user));
      case "sendEmail" -> PartnerXml.sendEmail(model.sendEmail(user, req.emails()));
      case "delete" -> PartnerXml.save("deleteResponse", model.delete(req.args("ids")));
      default -> throw new IllegalStateException(req.operation());
    };
  }

  /** A create or update, with the per-record failures injected by {@link #failRecordsNext}. */
  private List<SaveOutcome> write(SoapRequest req, String user) {
    List<SObjectIn> in = req.sObjects();
    if (in.isEmpty() || in.size() > 200) {
      throw new ApiFault("INVALID_OPERATION", "between 1 and 200 sObjects per call, were " + in.size());
    }
    boolean[] fail = new boolean[in.size()];
    List<SObjectIn> pass = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      fail[i] = recordFailures > 0;
      if (fail[i]) {
        recordFailures--;
      } else {
        pass.add(in.get(i));
      }
    }
    List<SaveOutcome> done = pass.isEmpty() ? List.of() : "create".equals(req.operation())
        ? model.create(user, pass, req.useDefaultRule()) : model.update(user, pass, req.useDefaultRule());
    List<SaveOutcome> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < in.size(); i++) {
      if (fail[i]) {
        String id = in.get(i).id() == null ? "" : in.get(i).id();
        String message = switch (recordFailureCode) {
          case "UNABLE_TO_LOCK_ROW" -> "unable to obtain exclusive access to this record or 1 records: " + id;
          case "ENTITY_IS_DELETED" -> "entity is deleted";
          default -> "injected failure " + recordFailureCode;
        };
        out.add(SaveOutcome.error(recordFailureCode, message));
      } else {
        out.add(done.get(next++));
      }
    }
    return out;
  }

  private static int batchSize(SoapRequest req) {
    Integer b = req.batchSize();
    return b == null ? 200 : Math.max(1, Math.min(2000, b));
  }

  private Reply login(int version, SoapRequest req) {
    if (version >= 65) {
      return fault(new ApiFault(config.loginRetiredFaultCode(), "login() is not available from API " + version
          + ".0; use OAuth 2.0 and pass the access token as the session id"));
    }
    String password = config.password() + config.securityToken();
    if (!config.integrationUsername().equals(req.arg("username")) || !password.equals(req.arg("password"))) {
      return fault(new ApiFault("INVALID_LOGIN", "Invalid username, password, security token; or user locked out."));
    }
    String org15 = config.orgId().substring(0, 15);
    String user = model.integrationUserId();
    String body = PartnerXml.login(baseUrl + "/services/Soap/u/" + version + ".0/" + org15,
        baseUrl + "/services/Soap/m/" + version + ".0/" + org15, sessions.open(user), userInfo(user));
    return new Reply(200, TEXT_XML, PartnerXml.envelope(null, body).getBytes(StandardCharsets.UTF_8), Duration.ZERO);
  }

  private PartnerXml.UserInfo userInfo(String userId) {
    Map<String, Object> u = model.read(m -> m.find(userId).orElseThrow().copy());
    return new PartnerXml.UserInfo(config.orgId(), "Acme", userId, (String) u.get("Username"), (String) u.get("Name"),
        (String) u.get("Email"), (String) u.get("UserType"), sessions.timeoutSeconds());
  }

  /** The first Case named by the request, directly or through a comment, e-mail or feed item; "" for none. */
  private String conversation(String text) {
    Matcher m = CASE_OR_CHILD.matcher(text);
    while (m.find()) {
      String id = m.group();
      String caseId = model.read(md -> md.find(id).map(r -> Schema.CASE.equals(r.type.name()) ? r.id
          : r.str("ParentId")).orElse(null));
      if (caseId != null) {
        return caseId;
      }
    }
    return "";
  }

  private static Reply fault(ApiFault e) {
    Fault.SoapFault f = e.toSoap();
    return new Reply(f.status(), TEXT_XML, f.body(), Duration.ZERO);
  }

  private Reply unmatched(String line) {
    journal.unmatched(line);
    LOG.warn("Salesforce fake: unmatched request {}", line);
    Fault.SoapFault f = Fault.SoapFault.of("soapenv:Client", line + " is not faked by the Salesforce fake");
    return new Reply(404, TEXT_XML, f.body(), Duration.ZERO);
  }

  // ---------------------------------------------------------------- controls (called by SalesforceFake)

  RequestJournal journal() {
    return journal;
  }

  int apiCalls() {
    return journal.count();
  }

  int apiCalls(String caseId) {
    return model.read(m -> m.find(caseId).map(r -> r.id).map(journal::count).orElse(0));
  }

  synchronized int logins() {
    return logins;
  }

  int injectedFailures() {
    return journal.injectedFailures();
  }

  synchronized int apiUsage() {
    return usage;
  }

  synchronized void apiUsage(int current) {
    if (current < 0) {
      throw new IllegalArgumentException("API usage cannot be negative: " + current);
    }
    usage = current;
  }

  void failNext(int count, String code) {
    faults.failNext(count, ApiFault.of(code).toSoap());
  }

  void failRandomly(double share, String code) {
    faults.failRandomly(share, ApiFault.of(code).toSoap());
  }

  void failNthWrite(int nth, String code) {
    faults.add(FaultRule.on("POST", ".*#(" + String.join("|", WRITES) + ")", ApiFault.of(code).toSoap()).nth(nth));
  }

  void inject(FaultRule rule) {
    faults.add(rule);
  }

  synchronized void failRecordsNext(int k, String statusCode) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, was " + k);
    }
    recordFailures = k;
    recordFailureCode = statusCode;
  }

  void delay(Duration d) {
    faults.delayAll(d);
  }

  synchronized void clearFaults() {
    faults.clear();
    recordFailures = 0;
  }

  synchronized void reset() {
    clearFaults();
    journal.clear();
    queries.reset();
    metadata.reset();
    usage = 0;
    logins = 0;
  }
}
