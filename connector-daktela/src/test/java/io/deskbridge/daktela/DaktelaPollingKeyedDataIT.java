package io.deskbridge.daktela;

/** {@link DaktelaKeyedDataIT} by polling: the poller's reads of tickets and activities are keyed lists too. */
class DaktelaPollingKeyedDataIT extends DaktelaKeyedDataIT {
  @Override
  DaktelaFixture plainFixture() {
    return DaktelaFixture.polling();
  }
}
