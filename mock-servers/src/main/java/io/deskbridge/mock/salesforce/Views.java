package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.salesforce.Model.Rec;

/** Records to their public views; called with the model's lock held. */
final class Views {
  private Views() {}

  static CaseView caseView(Rec r) {
    return new CaseView(r.id, r.str("CaseNumber"), r.str("Subject"), r.str("Description"), r.str("Status"),
        r.bool("IsClosed"), r.str("Origin"), r.str("Priority"), r.str("OwnerId"), r.str("ContactId"),
        r.str("ContactEmail"), r.str("SuppliedEmail"), r.str("SuppliedName"), r.str("CreatedById"),
        r.instant("CreatedDate"), r.str("LastModifiedById"), r.instant("LastModifiedDate"),
        r.instant("SystemModstamp"));
  }

  static CommentView commentView(Model m, Rec r) {
    String userType = m.find(r.str("CreatedById")).map(u -> u.str("UserType")).orElse(null);
    return new CommentView(r.id, r.str("ParentId"), r.str("CommentBody"), r.bool("IsPublished"),
        r.str("CreatedById"), r.instant("CreatedDate"), userType);
  }

  static EmailView emailView(Rec r) {
    return new EmailView(r.id, r.str("ParentId"), r.bool("Incoming"), r.str("FromAddress"), r.str("FromName"),
        r.str("ToAddress"), r.str("Subject"), r.str("TextBody"), r.str("HtmlBody"), r.str("Status"),
        r.instant("MessageDate"), r.str("MessageIdentifier"), r.str("ThreadIdentifier"), r.str("CreatedById"),
        r.instant("CreatedDate"));
  }

  static FeedView feedView(Rec r) {
    return new FeedView(r.id, r.str("ParentId"), r.str("Body"), r.str("Type"), r.str("Visibility"),
        r.bool("IsRichText"), r.str("CreatedById"), r.instant("CreatedDate"));
  }
}
