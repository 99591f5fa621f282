package io.deskbridge.mock.salesforce;

import java.time.Instant;
import java.util.List;

/**
 * An e-mail the org sent through {@code sendEmail} (never an inserted EmailMessage); an immutable snapshot.
 *
 * @param fromAddress the org-wide address when {@code orgWideEmailAddressId} was set, else the sender's e-mail
 * @param messageIdentifier the Message-ID the fake gave it ({@code <…@sfdc.fake>})
 * @param emailMessageId the EmailMessage logged on the Case ({@code saveAsActivity} with a Case {@code whatId}),
 *     or null
 */
public record SentEmail(List<String> toAddresses, List<String> ccAddresses, List<String> bccAddresses,
    String subject, String plainTextBody, String htmlBody, String whatId, String targetObjectId,
    boolean saveAsActivity, String fromAddress, String senderDisplayName, String inReplyTo, String references,
    String messageIdentifier, String emailMessageId, String sentById, Instant sentAt) {
  public SentEmail {
    toAddresses = List.copyOf(toAddresses);
    ccAddresses = List.copyOf(ccAddresses);
    bccAddresses = List.copyOf(bccAddresses);
  }
}
