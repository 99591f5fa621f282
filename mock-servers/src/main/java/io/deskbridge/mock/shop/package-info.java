/** The demo web shop's order API: a small stateful fake for Deskbridge's back-office lookups. */
package io.deskbridge.mock.shop;
