package io.deskbridge.app;

import io.deskbridge.core.bot.LanguageDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The language {@link LanguageDetector} guesses for each labelled message of connector-core's
 * {@code language/short-texts.tsv}, one line each ({@code -} for none). Run in a JVM on the distribution's class path
 * by {@code DistributionIT}, to compare the trimmed Lingua jar with the full one.
 */
final class LanguageCheck {
  private LanguageCheck() {}

  public static void main(String[] args) throws IOException {
    guesses(Path.of(args[0])).forEach(System.out::println);
  }

  static List<String> guesses(Path tsv) throws IOException {
    var detector = new LanguageDetector("en");
    return Files.readAllLines(tsv).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
        .skip(1) // the header
        .map(l -> l.split("\t", -1)[2]).map(text -> detector.guess(text).orElse("-")).toList();
  }
}
