package io.deskbridge.mock.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.Faults;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.base.VendorFake;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo web shop's order API, the back office Deskbridge's lookups read. One resource:
 *
 * <pre>
 * GET /api/v1/orders/{number}     Authorization: Bearer {@value #TOKEN}
 *   200 {"number","status","eta","carrier","tracking_url","total":{"amount","currency"},
 *        "items":[{"name","quantity"}],"customer":{"id","email","name"}}
 *   401 {"error":"unauthorized"}      missing or wrong token
 *   404 {"error":"not_found"}         no such order
 * </pre>
 *
 * <p>A guest order has no {@code customer} object. Anything else (another path or method) is an unmatched request:
 * answered 404 {@code {"error":"not_served"}}, logged and listed by {@link #unmatchedRequests()}, so a test fails.
 * Faults ({@link #faults()}): an injected status is answered in the shop's error shape, a delay delays the real
 * answer. Seeded with {@link #SEEDED} orders of three customers and one guest. Thread-safe.
 */
public final class ShopFake implements VendorFake {
  /** The API token the fake accepts, as {@code Authorization: Bearer <token>}. */
  public static final String TOKEN = "shop-fake-token";
  /** The orders resource's path prefix. */
  public static final String ORDERS = "/api/v1/orders/";

  /**
   * A customer of the shop.
   *
   * @param id    the shop's customer id
   * @param email as the shop stored it (its case may differ from the helpdesk's)
   */
  public record Customer(String id, String email, String name) {
    public Customer {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An order.
   *
   * @param customer null for a guest order (the record then has no {@code customer} field)
   * @param eta      the expected delivery date (ISO), or null when none
   */
  public record Order(String number, String status, String eta, String carrier, String amount, String currency,
      List<String> items, Customer customer) {
    public Order {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(status, "status");
      items = List.copyOf(items);
    }
  }

  public static final Customer JANA = new Customer("c-1001", "jana.novakova@example.com", "Jana Nováková");
  public static final Customer PETER = new Customer("c-1002", "peter.smith@example.com", "Peter Smith");
  /** Stored with capitals: the helpdesk knows her as {@code ewa.kowalska@example.pl}. */
  public static final Customer EWA = new Customer("c-1003", "Ewa.Kowalska@Example.PL", "Ewa Kowalska");

  /** The seeded orders. */
  public static final List<Order> SEEDED = List.of(
      new Order("10042", "shipped", "2026-12-09", "PPL", "1290", "CZK", List.of("Rain jacket"), JANA),
      new Order("10043", "processing", "2026-12-11", "DPD", "89.90", "EUR", List.of("Hiking boots"), PETER),
      new Order("10044", "delivered", "2026-12-03", "PPL", "349", "CZK", List.of("Water bottle"), JANA),
      new Order("10045", "shipped", "2026-12-08", "InPost", "219.00", "PLN", List.of("Backpack"), EWA),
      new Order("ORD-2026-0007", "cancelled", null, null, "45.00", "EUR", List.of("Socks"), PETER),
      new Order("10099", "shipped", "2026-12-10", "GLS", "25.00", "EUR", List.of("Gift card"), null));

  static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final Faults faults = new Faults();
  private final RequestJournal journal = new RequestJournal();
  private final FakeServer server;

  private ShopFake(int port, Clock clock) {
    this.clock = clock;
    seed();
    this.server = new FakeServer(port, new ShopApi(this));
  }

  /** A fake on a free port, serving. */
  public static ShopFake start() {
    return start(0, Clock.systemUTC());
  }

  /** A fake on {@code port} (0: a free one) whose journal stamps calls with {@code clock}; serving. */
  public static ShopFake start(int port, Clock clock) {
    var fake = new ShopFake(port, clock);
    return fake.server.startFor(fake);
  }

  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The base URL to configure as the back office's {@code baseUrl}: {@code <base>/api/v1}. */
  public String apiBaseUrl() {
    return baseUrl() + "/api/v1";
  }

  /** Adds or replaces an order. */
  public synchronized void put(Order order) {
    orders.put(order.number(), order);
  }

  public synchronized Optional<Order> order(String number) {
    return Optional.ofNullable(orders.get(number));
  }

  /** Injected faults: {@code faults().failNext(1, new Fault.Status(503, null))}, a {@link Fault.Delay}. */
  public Faults faults() {
    return faults;
  }

  /** Every served call. */
  public RequestJournal journal() {
    return journal;
  }

  /** How many order reads reached the fake (refused and faulted ones included). */
  public int orderReads() {
    return journal.count("GET", "/api/v1/orders/.*");
  }

  @Override
  public List<String> unmatchedRequests() {
    return journal.unmatched();
  }

  @Override
  public synchronized void reset() {
    seed();
    faults.clear();
    journal.clear();
  }

  @Override
  public void close() {
    server.stop();
  }

  private synchronized void seed() {
    orders.clear();
    SEEDED.forEach(o -> orders.put(o.number(), o));
  }

  Clock clock() {
    return clock;
  }

  /** The order's JSON record as the API returns it. */
  synchronized Optional<byte[]> record(String number) {
    var order = orders.get(number);
    if (order == null) {
      return Optional.empty();
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("number", order.number());
    o.put("status", order.status());
    o.put("eta", order.eta());
    o.put("carrier", order.carrier());
    if (order.carrier() != null) {
      o.put("tracking_url", "https://track.example/" + order.carrier().toLowerCase(java.util.Locale.ROOT) + "/"
          + order.number());
    }
    var total = o.putObject("total");
    total.put("amount", order.amount());
    total.put("currency", order.currency());
    var items = o.putArray("items");
    order.items().forEach(name -> items.addObject().put("name", name).put("quantity", 1));
    if (order.customer() != null) {
      var c = o.putObject("customer");
      c.put("id", order.customer().id());
      c.put("email", order.customer().email());
      c.put("name", order.customer().name());
    }
    try {
      return Optional.of(JSON.writeValueAsBytes(o));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A delay to serve with, or the status fault to answer, for this call. */
  Optional<Fault> fault(String method, String path) {
    return faults.next(method, path);
  }

  Duration delayAll() {
    return faults.delay();
  }
}
