package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector against a real Daktela v6 instance, run only when its URL and an API user's token are in the
 * environment; skipped otherwise (an assumption, so the report says why). The instance needs the set-up of
 * connector-daktela/README.md: an API user for the connector (its token) and a ticket category it may create test
 * tickets in and hand them over to.
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><td>{@code DAKTELA_URL}</td><td>the instance, e.g. {@code https://acme.daktela.com}</td></tr>
 *   <tr><td>{@code DAKTELA_TOKEN}</td><td>the API user's access token</td></tr>
 *   <tr><td>{@code DAKTELA_CATEGORY}</td><td>the name of a ticket category ({@code categories_...}) for the test
 *       tickets and the handover</td></tr>
 *   <tr><td>{@code DAKTELA_LOGIN}</td><td>optional: the API user's login, checked against who-am-i</td></tr>
 * </table>
 *
 * <p>Each test that needs a ticket creates its own (title "Deskbridge live test …") through the REST API with the
 * same token and closes it at the end; nothing else on the instance is changed. Run: {@code mvn -B verify -Plive
 * -pl connector-daktela -am -Dit.test=DaktelaLiveIT -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false} with the variables set.
 */
class DaktelaLiveIT {
  private static final Pattern TICKET_NAME = Pattern.compile("\"name\"\\s*:\\s*\"?(\\d+)");

  private final HttpClient http = HttpClient.newHttpClient();
  private Connector connector;
  private String ticket;

  private static String env(String name) {
    return System.getenv().getOrDefault(name, "");
  }

  private static String url() {
    return env("DAKTELA_URL").replaceAll("/+$", "");
  }

  @BeforeEach
  void connect() {
    for (String name : List.of("DAKTELA_URL", "DAKTELA_TOKEN", "DAKTELA_CATEGORY")) {
      assumeTrue(!env(name).isBlank(), name + " is not set: no Daktela instance to test against");
    }
    var settings = new LinkedHashMap<String, Object>();
    settings.put("url", url());
    settings.put("accessToken", Secret.of(env("DAKTELA_TOKEN")));
    settings.put("events", "polling");
    connector = new DaktelaConnectorFactory().create(new ConnectorContext("live",
        Settings.of("installations[live].settings", settings), Clock.systemUTC()));
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (ticket != null) {
      send("PUT", "/api/v6/tickets/" + ticket + ".json", "{\"stage\":\"CLOSE\"}");
    }
    if (connector != null) {
      connector.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url() + path)).header("X-AUTH-TOKEN", env("DAKTELA_TOKEN"))
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private String createTicket() throws Exception {
    var response = send("POST", "/api/v6/tickets.json", "{\"title\":\"Deskbridge live test " + UUID.randomUUID()
        + "\",\"category\":\"" + env("DAKTELA_CATEGORY") + "\",\"stage\":\"OPEN\"}");
    assertThat(response.statusCode()).as("the test ticket was created: %s", response.body()).isIn(200, 201);
    var name = TICKET_NAME.matcher(response.body());
    assertThat(name.find()).as("the new ticket's name in %s", response.body()).isTrue();
    ticket = name.group(1);
    return ticket;
  }

  private Conversation load(String id) {
    return connector.client().load(new LoadRequest(new ConversationKey(connector.vendor(), "live", id),
        Optional.empty()));
  }

  @Test
  void whoAmINamesTheApiUser() {
    var me = connector.client().whoAmI();

    assertThat(me.userId()).isNotBlank();
    if (!env("DAKTELA_LOGIN").isBlank()) {
      assertThat(me.userId()).isEqualTo(env("DAKTELA_LOGIN"));
    }
  }

  @Test
  void theCategoryExistsAndAnInventedOneDoesNot() {
    connector.client().whoAmI();
    connector.client().checkRoutes(Set.of(env("DAKTELA_CATEGORY")));

    Throwable thrown = catchThrowable(() -> connector.client().checkRoutes(Set.of("categories_deskbridge_nope")));

    assertThat(thrown).isInstanceOf(VendorException.class).hasMessageContaining("categories_deskbridge_nope");
  }

  @Test
  void aTicketIsLoadedNotedAndHandedToTheCategory() throws Exception {
    connector.client().whoAmI();
    String id = createTicket();
    var opened = load(id);

    connector.client().apply(new ApplyRequest(opened, List.of(
        new Action.InternalNote("Deskbridge live test: summary for the agent"),
        new Action.AssignGroup(env("DAKTELA_CATEGORY")))));

    assertThat(load(id).messages()).last().satisfies(m -> {
      assertThat(m.role()).isEqualTo(AuthorRole.BOT);
      assertThat(m.visibility()).isEqualTo(Visibility.INTERNAL);
      assertThat(m.text()).contains("Deskbridge live test: summary for the agent");
    });
  }

  @Test
  void anUnknownTicketIsNotFound() {
    Throwable thrown = catchThrowable(() -> load("999999999"));

    assertThat(connector.errorMapper().map(thrown).kind()).isEqualTo(VendorException.Kind.NOT_FOUND);
  }

  @Test
  void aPollFromNowFindsNothingOlderAndReturnsACursor() {
    var poller = connector.poller().orElseThrow();

    var first = poller.poll(Optional.empty());

    assertThat(first.events()).as("the first poll only sets the watermark").isEmpty();
    assertThat(first.cursor()).isNotBlank();
  }
}
