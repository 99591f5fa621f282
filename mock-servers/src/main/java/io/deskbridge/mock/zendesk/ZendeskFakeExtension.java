package io.deskbridge.mock.zendesk;

import io.deskbridge.mock.base.FakeExtension;

/**
 * JUnit 5 extension that runs a {@link ZendeskFake}. Register it with {@code @RegisterExtension}:
 * on a static field one fake serves the whole class, on an instance field each test gets its own.
 * After each test it resets the fake and fails the test if the fake saw unmatched requests
 * ({@link FakeExtension}).
 *
 * <p>Not thread-safe itself; use one instance per test class (the fake it exposes is thread-safe).
 */
public final class ZendeskFakeExtension extends FakeExtension<ZendeskFake> {
  private final ZendeskFakeConfig config;

  public ZendeskFakeExtension() {
    this(ZendeskFakeConfig.defaults());
  }

  public ZendeskFakeExtension(ZendeskFakeConfig config) {
    super("Zendesk fake");
    this.config = config;
  }

  /** The running fake. @throws IllegalStateException outside a test's lifecycle */
  @Override
  public ZendeskFake fake() {
    return super.fake();
  }

  @Override
  protected ZendeskFake start() {
    return ZendeskFake.start(config);
  }
}
