package io.deskbridge.core.conversation;

/**
 * The customer of a conversation, as far as the helpdesk knows them.
 *
 * @param id    the vendor's id; never null, may be empty
 * @param name  display name; may be empty
 * @param email e-mail address; may be empty
 */
public record Customer(String id, String name, String email) {
  public static final Customer UNKNOWN = new Customer("", "", "");

  public Customer {
    id = id == null ? "" : id;
    name = name == null ? "" : name;
    email = email == null ? "" : email;
  }
}
