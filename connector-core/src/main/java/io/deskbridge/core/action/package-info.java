/** Vendor-neutral actions that a decision turns into and a vendor client applies. */
package io.deskbridge.core.action;
