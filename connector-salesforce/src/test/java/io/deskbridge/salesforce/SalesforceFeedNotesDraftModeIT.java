package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractDraftModeIT;
import io.deskbridge.core.contract.VendorFixture;
import java.util.Map;

/**
 * The kit's draft mode with {@code notes: feed}: drafts and handover summaries are FeedItems visible to internal
 * users (the fixture reads them as the bot's internal notes), not unpublished CaseComments.
 */
class SalesforceFeedNotesDraftModeIT extends AbstractDraftModeIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture("Web", Map.of("notes", "feed"));
  }
}
