package io.deskbridge.mock.zendesk;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that runs a {@link ZendeskFake}. Register it with {@code @RegisterExtension}:
 * on a static field one fake serves the whole class, on an instance field each test gets its own.
 * After each test it resets the fake and fails the test if the fake saw unmatched requests.
 *
 * <p>Not thread-safe itself; use one instance per test class (the fake it exposes is thread-safe).
 */
public final class ZendeskFakeExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final ZendeskFake.Config config;
  private ZendeskFake fake;
  private boolean perClass;

  public ZendeskFakeExtension() {
    this(ZendeskFake.Config.defaults());
  }

  public ZendeskFakeExtension(ZendeskFake.Config config) {
    this.config = config;
  }

  /** The running fake. @throws IllegalStateException outside a test's lifecycle */
  public ZendeskFake fake() {
    if (fake == null) {
      throw new IllegalStateException("the Zendesk fake is not running");
    }
    return fake;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    fake = ZendeskFake.start(config);
    perClass = true;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (fake == null) {
      fake = ZendeskFake.start(config);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> unmatched = fake.unmatchedRequests();
    if (perClass) {
      fake.reset();
    } else {
      fake.close();
      fake = null;
    }
    if (!unmatched.isEmpty()) {
      throw new AssertionError("The Zendesk fake received requests it does not fake: " + unmatched);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (fake != null) {
      fake.close();
      fake = null;
    }
  }
}
