package io.deskbridge.mock.daktela;

import io.deskbridge.mock.base.FakeExtension;

/**
 * JUnit 5 extension that runs a {@link DaktelaFake}. Register it with {@code @RegisterExtension}: on a static field
 * one fake serves the whole class (reset after each test), on an instance field each test gets its own. After each
 * test it fails the test if the fake saw unmatched requests ({@link FakeExtension}).
 *
 * <p>Not thread-safe itself; use one instance per test class (the fake it exposes is thread-safe).
 */
public final class DaktelaFakeExtension extends FakeExtension<DaktelaFake> {
  private final DaktelaFake.Config config;

  public DaktelaFakeExtension() {
    this(DaktelaFake.Config.defaults());
  }

  public DaktelaFakeExtension(DaktelaFake.Config config) {
    super("Daktela fake");
    this.config = config;
  }

  /** The running fake. @throws IllegalStateException outside a test's lifecycle */
  @Override
  public DaktelaFake fake() {
    return super.fake();
  }

  @Override
  protected DaktelaFake start() {
    return DaktelaFake.start(config);
  }
}
