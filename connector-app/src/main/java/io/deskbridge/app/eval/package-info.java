/** The {@code eval} command's logic (the bot over labelled cases, metrics, chart) and the data set converters. */
package io.deskbridge.app.eval;
