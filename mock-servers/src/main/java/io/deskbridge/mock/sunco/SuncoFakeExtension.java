package io.deskbridge.mock.sunco;

import io.deskbridge.mock.base.FakeExtension;

/**
 * JUnit 5 extension that runs a {@link SuncoFake}. Register it with {@code @RegisterExtension}: on a static field one
 * fake serves the whole class (reset after each test), on an instance field each test gets its own. After each test it
 * fails the test if the fake saw unmatched requests ({@link FakeExtension}).
 *
 * <p>Not thread-safe itself; use one instance per test class (the fake it exposes is thread-safe).
 */
public final class SuncoFakeExtension extends FakeExtension<SuncoFake> {
  private final SuncoFake.Config config;

  public SuncoFakeExtension() {
    this(SuncoFake.Config.defaults());
  }

  public SuncoFakeExtension(SuncoFake.Config config) {
    super("SunCo fake");
    this.config = config;
  }

  /** The running fake. @throws IllegalStateException outside a test's lifecycle */
  @Override
  public SuncoFake fake() {
    return super.fake();
  }

  @Override
  protected SuncoFake start() {
    return SuncoFake.start(config);
  }
}
