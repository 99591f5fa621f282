package io.deskbridge.salesforce.internal.auth;

import io.deskbridge.core.config.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * How the connector authenticates to Salesforce; every flow ends in a session id (an OAuth access token is one).
 * {@link #toString()} shows secrets redacted.
 */
public sealed interface SalesforceAuth {

  /** The host the flow authenticates against: the token endpoint's host, the JWT audience, the login() host. */
  URI loginUrl();

  /**
   * OAuth 2.0 client credentials of an External Client App, run as its configured integration user.
   *
   * @param loginUrl     the org's My Domain URL (Salesforce takes this flow only there)
   * @param clientId     the consumer key
   * @param clientSecret the consumer secret
   */
  record ClientCredentials(URI loginUrl, String clientId, Secret clientSecret) implements SalesforceAuth {
    public ClientCredentials {
      Objects.requireNonNull(loginUrl, "loginUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
    }
  }

  /**
   * OAuth 2.0 JWT bearer: an RS256 assertion signed with the private key whose certificate the app holds.
   *
   * @param loginUrl   the JWT audience and token host, e.g. {@code https://login.salesforce.com}
   * @param clientId   the consumer key (the JWT issuer)
   * @param username   the integration user (the JWT subject)
   * @param privateKey the PKCS#8 PEM private key
   */
  record JwtBearer(URI loginUrl, String clientId, String username, Secret privateKey) implements SalesforceAuth {
    public JwtBearer {
      Objects.requireNonNull(loginUrl, "loginUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  /**
   * SOAP {@code login()} with username, password and security token; being retired by Salesforce (not available
   * from API 65.0, off by default in orgs created from Winter '26).
   */
  record Password(URI loginUrl, String username, Secret password, Secret securityToken) implements SalesforceAuth {
    public Password {
      Objects.requireNonNull(loginUrl, "loginUrl");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }
  }
}
