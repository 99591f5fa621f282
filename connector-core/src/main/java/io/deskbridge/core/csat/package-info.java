/**
 * Customer satisfaction (CSAT) for the admin dashboard (issue #16 item 4): {@code serve}'s poll of each connector's
 * {@link io.deskbridge.core.spi.SatisfactionSource} into the store, and the store's view of the ratings. The dashboard's
 * figure is {@code io.deskbridge.core.admin.Csat}.
 */
package io.deskbridge.core.csat;
