/** Back-office lookups: an article's answer filled from the company's API, only with the conversation's customer's own record. */
package io.deskbridge.core.lookup;
