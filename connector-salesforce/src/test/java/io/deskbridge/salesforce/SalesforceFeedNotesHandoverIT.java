package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractHandoverIT;
import io.deskbridge.core.contract.VendorFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit's handover with {@code notes: feed}: the summary is a FeedItem, the rest as with comments. */
class SalesforceFeedNotesHandoverIT extends AbstractHandoverIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture("Web", Map.of("notes", "feed"));
  }

  @Test
  void theSummaryIsAFeedItemForInternalUsersAndNoCaseComment() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    var fake = ((SalesforceFixture) fixture).fake;

    assertThat(fake.feedItems(id)).singleElement().satisfies(f -> {
      assertThat(f.visibility()).isEqualTo("InternalUsers");
      assertThat(f.createdById()).isEqualTo(fake.integrationUserId());
      assertThat(f.body()).contains("48213");
    });
    assertThat(fake.comments(id)).as("only the customer's published comment, no unpublished one")
        .noneMatch(c -> !c.isPublished());
  }
}
