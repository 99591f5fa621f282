package io.deskbridge.core.bot;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind the choice in {@link LanguageDetector}: the hand-written detector it replaced, Lingua in
 * both modes, and each mode with the hand-written top-two check, on {@code language/short-texts.tsv}; plus Lingua's
 * load time, heap and jar sizes. Not part of the default test run (the high-accuracy models take about 4 CPU-seconds
 * and 190 MB of heap to load); run it with {@code mvn -B -o -pl connector-core -am test
 * -Dtest=LanguageDetectionComparison -Dsurefire.failIfNoSpecifiedTests=false}.
 * Load times and heap are only indicative when measured in a JVM that has loaded other things before; the report
 * in the commit that chose the detector measured them in fresh JVMs.
 */
class LanguageDetectionComparison {

  private static final Map<Language, String> CODES = Map.of(Language.ENGLISH, "en", Language.CZECH, "cs",
      Language.POLISH, "pl", Language.SLOVAK, "sk", Language.SLOVENE, "sl");

  @Test
  void compare() {
    var samples = LanguageSamples.load();
    var out = new StringBuilder();
    out.append(LanguageSamples.measure("hand-written (FrequentWords)", FrequentWords::guess, samples).table());
    for (boolean low : List.of(true, false)) {
      long heapBefore = usedHeap();
      long start = System.nanoTime();
      var builder = LanguageDetectorBuilder.fromLanguages(CODES.keySet().toArray(Language[]::new))
          .withPreloadedLanguageModels();
      var lingua = (low ? builder.withLowAccuracyMode() : builder).build();
      long loadMs = (System.nanoTime() - start) / 1_000_000;
      long heapMb = (usedHeap() - heapBefore) >> 20;
      var mode = low ? "lingua low accuracy" : "lingua high accuracy";
      out.append(String.format(Locale.ROOT, "%s: models loaded in %d ms, heap +%d MB%n", mode, loadMs, heapMb));
      Function<String, Optional<String>> plain = t -> Optional.ofNullable(CODES.get(lingua.detectLanguageOf(t)));
      out.append(LanguageSamples.measure(mode, plain, samples).table());
      Function<String, Optional<String>> topTwo = t -> {
        var ranked = lingua.computeLanguageConfidenceValues(t).keySet().stream().map(CODES::get).toList();
        if (ranked.size() < 2) {
          return ranked.isEmpty() ? FrequentWords.guess(t) : Optional.of(ranked.get(0));
        }
        var first = ranked.get(0);
        var second = ranked.get(1);
        return Optional.of(FrequentWords.evidenceAgainst(t, second, first)
            > FrequentWords.evidenceAgainst(t, first, second) ? second : first);
      };
      out.append(LanguageSamples.measure(mode + " + top-two check", topTwo, samples).table());
    }
    out.append(LanguageSamples.measure("shipped LanguageDetector", new LanguageDetector("en")::guess, samples)
        .table());
    long bytes = 0;
    for (var entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.matches(".*/(lingua|fastutil|moshi|moshi-kotlin|okio|kotlin-reflect)-[^/]*\\.jar")) {
        var size = new File(entry).length();
        bytes += size;
        out.append(String.format(Locale.ROOT, "%8.1f MB %s%n", size / 1e6, new File(entry).getName()));
      }
    }
    out.append(String.format(Locale.ROOT, "%8.1f MB added to the class path (kotlin-stdlib was there already)%n",
        bytes / 1e6));
    System.out.println(out);
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    var rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
