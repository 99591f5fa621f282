package io.deskbridge.mock.shop;

import io.deskbridge.mock.base.FakeExtension;

/**
 * JUnit 5 extension that runs a {@link ShopFake}: on a static field one fake serves the whole class (reset after each
 * test), on an instance field each test gets its own; a test fails on unmatched requests.
 *
 * <p>Not thread-safe itself; use one instance per test class (the fake it exposes is thread-safe).
 */
public final class ShopFakeExtension extends FakeExtension<ShopFake> {

  public ShopFakeExtension() {
    super("shop fake");
  }

  /** The running fake. @throws IllegalStateException outside a test's lifecycle */
  @Override
  public ShopFake fake() {
    return super.fake();
  }

  @Override
  protected ShopFake start() {
    return ShopFake.start();
  }
}
