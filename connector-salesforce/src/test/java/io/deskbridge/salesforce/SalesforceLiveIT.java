package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectorConfig;
import io.deskbridge.core.action.Action;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.HelpdeskClient.ApplyRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector against a real Salesforce org (a sandbox or a Developer Edition), run only when its credentials are
 * in the environment; skipped otherwise (an assumption, so the report says why). The org needs the set-up of
 * connector-salesforce/README.md: an External Client App with the client-credentials flow and its "run as" user
 * (the integration user), and a queue that accepts Cases.
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><td>{@code SALESFORCE_LIVE_INSTANCE_URL}</td><td>the org's My Domain URL, e.g.
 *       {@code https://acme--dev.sandbox.my.salesforce.com}</td></tr>
 *   <tr><td>{@code SALESFORCE_LIVE_ORGANIZATION_ID}</td><td>the org id ({@code 00D…}, 15 or 18 characters)</td></tr>
 *   <tr><td>{@code SALESFORCE_LIVE_CLIENT_ID}</td><td>the External Client App's consumer key</td></tr>
 *   <tr><td>{@code SALESFORCE_LIVE_CLIENT_SECRET}</td><td>its consumer secret</td></tr>
 *   <tr><td>{@code SALESFORCE_LIVE_QUEUE}</td><td>the DeveloperName of a queue that accepts Cases (the handover
 *       target)</td></tr>
 *   <tr><td>{@code SALESFORCE_LIVE_BOT_QUEUE}</td><td>optional: the DeveloperName of the bot's intake queue
 *       ({@code botQueue}), when the org has one</td></tr>
 *   <tr><td>{@code SALESFORCE_LIVE_API_VERSION}</td><td>optional, default {@code 64.0}</td></tr>
 * </table>
 *
 * <p>Each test creates its own Case (Subject "Deskbridge live test …", Origin Web) as the integration user and closes
 * it at the end (the integration user is not expected to have the right to delete Cases); nothing else in the org is
 * changed. Run: {@code mvn -B verify -pl connector-salesforce -am -Dit.test=SalesforceLiveIT
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false} with the variables set.
 */
class SalesforceLiveIT {
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final Map<String, String> env = System.getenv();
  private Connector connector;
  private PartnerConnection setup;
  private String caseId;

  private String env(String name) {
    return env.getOrDefault(name, "");
  }

  @BeforeEach
  void connect() throws Exception {
    for (String name : List.of("SALESFORCE_LIVE_INSTANCE_URL", "SALESFORCE_LIVE_ORGANIZATION_ID",
        "SALESFORCE_LIVE_CLIENT_ID", "SALESFORCE_LIVE_CLIENT_SECRET", "SALESFORCE_LIVE_QUEUE")) {
      assumeTrue(!env(name).isBlank(), name + " is not set: no Salesforce org to test against");
    }
    var auth = new LinkedHashMap<String, Object>();
    auth.put("flow", "client-credentials");
    auth.put("clientId", env("SALESFORCE_LIVE_CLIENT_ID"));
    auth.put("clientSecret", Secret.of(env("SALESFORCE_LIVE_CLIENT_SECRET")));
    var settings = new LinkedHashMap<String, Object>();
    settings.put("instanceUrl", instanceUrl());
    settings.put("organizationId", env("SALESFORCE_LIVE_ORGANIZATION_ID"));
    settings.put("apiVersion", apiVersion());
    settings.put("auth", auth);
    if (!env("SALESFORCE_LIVE_BOT_QUEUE").isBlank()) {
      settings.put("botQueue", env("SALESFORCE_LIVE_BOT_QUEUE"));
    }
    settings.put("reply", Map.of("via", "comment"));
    connector = new SalesforceConnectorFactory().create(new ConnectorContext("live",
        Settings.of("installations[live].settings", settings), Clock.systemUTC()));
    setup = partnerConnection();
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (caseId != null) {
      var close = new SObject("Case");
      close.setId(caseId);
      close.setField("Status", "Closed");
      setup.update(new SObject[] {close});
    }
    if (connector != null) {
      connector.close();
    }
  }

  private String instanceUrl() {
    return env("SALESFORCE_LIVE_INSTANCE_URL").replaceAll("/+$", "");
  }

  private String apiVersion() {
    return env("SALESFORCE_LIVE_API_VERSION").isBlank() ? "64.0" : env("SALESFORCE_LIVE_API_VERSION");
  }

  /** A connection of the test's own, with a token from the same External Client App, to set up and clean up. */
  private PartnerConnection partnerConnection() throws Exception {
    String form = "grant_type=client_credentials&client_id="
        + URLEncoder.encode(env("SALESFORCE_LIVE_CLIENT_ID"), StandardCharsets.UTF_8) + "&client_secret="
        + URLEncoder.encode(env("SALESFORCE_LIVE_CLIENT_SECRET"), StandardCharsets.UTF_8);
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(instanceUrl()
            + "/services/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    var token = ACCESS_TOKEN.matcher(response.body());
    assertThat(token.find()).as("the OAuth token answer (HTTP %s)", response.statusCode()).isTrue();
    var config = new ConnectorConfig();
    config.setSessionId(token.group(1));
    String endpoint = instanceUrl() + "/services/Soap/u/" + apiVersion() + "/"
        + env("SALESFORCE_LIVE_ORGANIZATION_ID").substring(0, 15);
    config.setAuthEndpoint(endpoint);
    config.setServiceEndpoint(endpoint);
    config.setCompression(false);
    return new PartnerConnection(config);
  }

  private String createCase(String description) throws Exception {
    var c = new SObject("Case");
    c.setField("Subject", "Deskbridge live test " + UUID.randomUUID());
    c.setField("Description", description);
    c.setField("Origin", "Web");
    c.setField("SuppliedEmail", "deskbridge-live-test@example.com");
    var saved = setup.create(new SObject[] {c})[0];
    assertThat(saved.isSuccess()).as("the test Case was created: %s", (Object) saved.getErrors()).isTrue();
    caseId = saved.getId();
    return caseId;
  }

  private Conversation load(String id) {
    return connector.client().load(new LoadRequest(new ConversationKey("salesforce", "live", id), Optional.empty()));
  }

  private String queueId() throws Exception {
    var result = setup.query("SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND DeveloperName = '"
        + env("SALESFORCE_LIVE_QUEUE").replace("'", "") + "'");
    assertThat(result.getRecords()).as("the queue %s exists", env("SALESFORCE_LIVE_QUEUE")).hasSize(1);
    return result.getRecords()[0].getId();
  }

  @Test
  void whoAmINamesTheIntegrationUser() throws Exception {
    var me = connector.client().whoAmI();

    assertThat(me.userId()).startsWith("005").isEqualTo(setup.getUserInfo().getUserId());
  }

  @Test
  void aCaseIsLoadedNotedAndHandedToTheQueue() throws Exception {
    var me = connector.client().whoAmI();
    String id = createCase("I forgot my password");

    var opened = load(id);
    assertThat(opened.messages()).singleElement().satisfies(m -> {
      assertThat(m.role()).isEqualTo(AuthorRole.CUSTOMER);
      assertThat(m.text()).isEqualTo("I forgot my password");
    });

    var noted = connector.client().apply(new ApplyRequest(opened,
        List.of(new Action.InternalNote("Deskbridge live test: summary for the agent"))));
    String queue = queueId();
    connector.client().apply(new ApplyRequest(opened.withVersion(noted.version()),
        List.of(new Action.AssignGroup(queue))));

    var after = load(id);
    assertThat(after.messages()).last().satisfies(m -> {
      assertThat(m.role()).isEqualTo(AuthorRole.BOT);
      assertThat(m.visibility()).isEqualTo(Visibility.INTERNAL);
      assertThat(m.text()).isEqualTo("Deskbridge live test: summary for the agent");
    });
    var owner = setup.retrieve("OwnerId", "Case", new String[] {id})[0].getField("OwnerId");
    assertThat(owner).isEqualTo(queue);
    assertThat(me.userId()).isNotEqualTo(owner);
  }

  @Test
  void anUnknownCaseIsNotFound() {
    Throwable thrown = catchThrowable(() -> load("500000000000000AAA"));

    assertThat(connector.errorMapper().map(thrown).kind()).isEqualTo(VendorException.Kind.NOT_FOUND);
  }
}
