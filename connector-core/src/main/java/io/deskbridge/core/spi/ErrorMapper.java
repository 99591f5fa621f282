package io.deskbridge.core.spi;

import io.deskbridge.core.error.VendorException;

/**
 * Maps a vendor SDK's failures (an HTTP status, a SOAP fault, an I/O error, a bug) to a {@link VendorException}
 * with the vendor-neutral {@link VendorException.Kind} core acts on. Pure and thread-safe.
 */
@FunctionalInterface
public interface ErrorMapper {

  /** Returns the exception for a failure; a {@link VendorException} passed in is returned as it is. */
  VendorException map(Throwable failure);
}
