/**
 * Knowledge synced from the helpdesks' own knowledge bases (issue #16 item 3): HTML to text, the merge rules, the
 * sync from a connector's {@link io.deskbridge.core.spi.KnowledgeSource} into the store, and {@code serve}'s schedule.
 * It sits between the SPI and the bot's knowledge: the bot itself never sees a vendor.
 */
package io.deskbridge.core.kbsync;
