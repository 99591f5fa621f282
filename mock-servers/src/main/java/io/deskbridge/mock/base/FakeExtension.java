package io.deskbridge.mock.base;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit 5 extension base every vendor fake's extension subclasses: register the subclass with
 * {@code @RegisterExtension}; on a static field one fake serves the whole class (reset after each test), on an
 * instance field each test gets its own (closed after it). After each test it fails the test if the fake saw
 * requests it does not serve.
 *
 * <p>Not thread-safe itself; use one instance per test class (the fake it exposes is thread-safe).
 *
 * @param <F> the fake
 */
public abstract class FakeExtension<F extends VendorFake>
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final String name;
  private F fake;
  private boolean perClass;

  /** @param name the fake's name in messages, e.g. {@code "Zendesk fake"} */
  protected FakeExtension(String name) {
    this.name = name;
  }

  /** Starts a new fake. */
  protected abstract F start();

  /** The running fake. @throws IllegalStateException outside a test's lifecycle */
  public F fake() {
    if (fake == null) {
      throw new IllegalStateException("the " + name + " is not running");
    }
    return fake;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    fake = start();
    perClass = true;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (fake == null) {
      fake = start();
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
      throw new AssertionError("The " + name + " received requests it does not fake: " + unmatched);
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
