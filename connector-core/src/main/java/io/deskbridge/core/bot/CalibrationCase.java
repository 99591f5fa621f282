package io.deskbridge.core.bot;

import java.util.Objects;

/**
 * A customer message labelled by the admin for fitting the bot's confidence ({@code bot.calibrationCases}): the
 * article that answers it, or none when the knowledge base does not cover it. The application reads them from a
 * file in the {@code eval} command's case format.
 *
 * @param id        the case's id, for error messages
 * @param text      the message
 * @param articleId the article that answers it; empty when none does
 */
public record CalibrationCase(String id, String text, String articleId) {

  /** The fewest answerable messages (with an article) a calibration is fitted on. */
  public static final int MIN_ANSWERABLE = 20;

  public CalibrationCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(articleId, "articleId");
  }
}
