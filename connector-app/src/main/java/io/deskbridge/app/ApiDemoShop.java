package io.deskbridge.app;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.lookup.BackOfficeConfig;
import io.deskbridge.mock.shop.ShopFake;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The web shop's order API fake (mock-servers) behind the API session's back office, holding the order the session
 * asks about: {@value #ORDER}, Liam's. Only touched when the fakes are on the class path ({@code lib-demo/}), so the
 * session still runs without them (its order question then gets the article's generic answer).
 */
final class ApiDemoShop implements AutoCloseable {
  /** The order the session's customer asks about. */
  static final String ORDER = "48213";
  /** Its owner, as the client identifies them to the API. */
  static final String OWNER_EMAIL = "liam@example.com";

  private final ShopFake fake;

  private ApiDemoShop(ShopFake fake) {
    this.fake = fake;
  }

  /** The shop, serving, when the fakes are on the class path. */
  static Optional<ApiDemoShop> startIfAvailable() {
    if (DemoLibraries.missing("demo", "io.deskbridge.mock.shop.ShopFake").isPresent()) {
      return Optional.empty();
    }
    var fake = ShopFake.start();
    fake.put(new ShopFake.Order(ORDER, "shipped", "2026-12-09", "PPL", "59.90", "EUR", List.of("Trail shoes"),
        new ShopFake.Customer("c-2001", "Liam@Example.com", "Liam Walker")));
    return Optional.of(new ApiDemoShop(fake));
  }

  /** The installation's back office: the shop's API, the customer identified by the order's customer e-mail. */
  BackOfficeConfig backOffice() {
    return new BackOfficeConfig(URI.create(fake.apiBaseUrl()), "Authorization", Secret.of("Bearer " + ShopFake.TOKEN),
        Duration.ofSeconds(2), Duration.ofSeconds(30), 1000, Duration.ofSeconds(30),
        new BackOfficeConfig.Identity("customer.email", null));
  }

  /** The shop's base URL, for the printed session. */
  String baseUrl() {
    return fake.apiBaseUrl();
  }

  @Override
  public void close() {
    fake.close();
  }
}
