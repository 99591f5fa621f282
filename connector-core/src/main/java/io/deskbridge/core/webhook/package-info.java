/**
 * The webhook values a vendor's endpoint works with: the received request, the answer, the refusal and the
 * decoded events. Values only: this package uses nothing of core but {@code conversation}; hosting them is
 * {@code io.deskbridge.core.hosting}'s job.
 */
package io.deskbridge.core.webhook;
