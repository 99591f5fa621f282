package io.deskbridge.core.spi;

import io.deskbridge.core.error.VendorException;

/** Maps a vendor SDK's failures to core's exceptions, split by whether retrying can help. */
@FunctionalInterface
public interface ErrorMapper {

  /** Returns the exception for a failure; a {@link VendorException} passed in is returned as it is. */
  VendorException map(Throwable failure);
}
