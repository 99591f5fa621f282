/** Daktela records to core values, and Daktela failures to core exceptions. */
package io.deskbridge.daktela.internal.mapping;
