/** The Zendesk Support connector: its factory, configuration and connector. */
package io.deskbridge.zendesk;
