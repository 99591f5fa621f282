/** Approved help articles, loaded from Markdown folders or JSONL files, that the bot answers from. */
package io.deskbridge.core.knowledge;
