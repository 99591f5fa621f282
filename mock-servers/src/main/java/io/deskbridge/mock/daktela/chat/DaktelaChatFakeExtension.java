package io.deskbridge.mock.daktela.chat;

import io.deskbridge.mock.base.FakeExtension;

/**
 * JUnit 5 extension that runs a {@link DaktelaChatFake}: on a static field one fake serves the whole class (reset
 * after each test), on an instance field each test gets its own; a test fails on unmatched requests.
 *
 * <p>Not thread-safe itself; use one instance per test class (the fake it exposes is thread-safe).
 */
public final class DaktelaChatFakeExtension extends FakeExtension<DaktelaChatFake> {
  private final DaktelaChatFake.Config config;

  public DaktelaChatFakeExtension() {
    this(DaktelaChatFake.Config.defaults());
  }

  public DaktelaChatFakeExtension(DaktelaChatFake.Config config) {
    super("Daktela web-chat fake");
    this.config = config;
  }

  /** The running fake. @throws IllegalStateException outside a test's lifecycle */
  @Override
  public DaktelaChatFake fake() {
    return super.fake();
  }

  @Override
  protected DaktelaChatFake start() {
    return DaktelaChatFake.start(config);
  }
}
