package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.FakeExtension;

/**
 * JUnit 5 extension that runs a {@link SalesforceFake}. Register it with {@code @RegisterExtension}: on a static
 * field one fake serves the whole class (reset after each test), on an instance field each test gets its own. After
 * each test it fails the test if the fake saw unmatched requests ({@link FakeExtension}).
 *
 * <p>Not thread-safe itself; use one instance per test class (the fake it exposes is thread-safe).
 */
public final class SalesforceFakeExtension extends FakeExtension<SalesforceFake> {
  private final SalesforceFakeConfig config;

  public SalesforceFakeExtension() {
    this(SalesforceFakeConfig.defaults());
  }

  public SalesforceFakeExtension(SalesforceFakeConfig config) {
    super("Salesforce fake");
    this.config = config;
  }

  /** The running fake. @throws IllegalStateException outside a test's lifecycle */
  @Override
  public SalesforceFake fake() {
    return super.fake();
  }

  @Override
  protected SalesforceFake start() {
    return SalesforceFake.start(config);
  }
}
