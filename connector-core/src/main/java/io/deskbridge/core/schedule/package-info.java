/** {@code serve}'s background rounds (the knowledge sync, the CSAT poll, the human reply poll) on one small class. */
package io.deskbridge.core.schedule;
