/** Personal data found in text and replaced with typed placeholders: for logs, audit exports and LLM prompts. */
package io.deskbridge.core.privacy;
