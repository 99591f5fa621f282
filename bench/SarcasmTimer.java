import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.escalation.SarcasmSignal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The sarcasm signal's rules alone, without the Bot or the model: {@code SarcasmSignal.ruleScore} and {@code
 * isPlainRequest}, and {@code isPlainThanks} where the build has it (the work the signal does besides the
 * embedding's dot product) on every "text" of the given
 * `datasets` case files, five passes; prints the last pass's time per message and the number flagged. Compare two
 * builds by running it with each build's jar and lib on the class path, alternating (docs/quality.md, "Twelfth
 * round"):
 *
 *   java -cp "connector-app/target/deskbridge.jar:connector-app/target/lib/*" bench/SarcasmTimer.java \
 *       /tmp/data/clinc/cases.jsonl
 */
public class SarcasmTimer {
  public static void main(String[] args) throws Exception {
    var json = new ObjectMapper();
    var texts = new ArrayList<String>();
    for (var arg : args) {
      for (var line : Files.readAllLines(Path.of(arg))) {
        if (!line.isBlank()) {
          texts.add(json.readTree(line).get("text").asText());
        }
      }
    }
    java.lang.reflect.Method thanks = null;
    try {
      thanks = SarcasmSignal.class.getMethod("isPlainThanks", String.class);
    } catch (NoSuchMethodException e) {
      // a build before the twelfth round
    }
    long nanos = 0;
    int flagged = 0;
    for (int pass = 0; pass < 5; pass++) {
      flagged = 0;
      long start = System.nanoTime();
      for (var text : texts) {
        if (SarcasmSignal.ruleScore(text) > 0 | SarcasmSignal.isPlainRequest(text)
            | (thanks != null && (boolean) thanks.invoke(null, text))) {
          flagged++;
        }
      }
      nanos = System.nanoTime() - start;
    }
    System.out.printf("%d texts, last of 5 passes: %.4f ms a message, %d flagged, plain requests or plain thanks%n", texts.size(),
        nanos / 1e6 / texts.size(), flagged);
  }
}
