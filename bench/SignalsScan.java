import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.escalation.AngerSignal;
import io.deskbridge.core.escalation.HumanRequestSignal;
import io.deskbridge.core.escalation.KeywordSignal;
import io.deskbridge.core.escalation.SarcasmSignal;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The rule signals alone, without the Bot, on every text of `datasets` output files: each case's "text" and each
 * article's sample "questions". Prints one line per text: file, expectation, the flags (A anger, H person request,
 * S sarcasm rules, K critical words) and the text, so that two builds' outputs can be compared line by line
 * (docs/quality.md, "Fifth round"). Run with a build's jar and lib on the class path:
 *
 *   java -cp "connector-app/target/deskbridge.jar:connector-app/target/lib/*" bench/SignalsScan.java out.tsv \
 *       /tmp/data/clinc/cases.jsonl /tmp/data/clinc/kb.jsonl ...
 */
public class SignalsScan {
  public static void main(String[] args) throws Exception {
    var json = new ObjectMapper();
    var human = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());
    var keywords = new KeywordSignal(KeywordSignal.defaults());
    var anger = new AngerSignal();
    try (var out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
      for (int f = 1; f < args.length; f++) {
        var file = Path.of(args[f]);
        for (var line : Files.readAllLines(file)) {
          if (line.isBlank()) {
            continue;
          }
          var node = json.readTree(line);
          var texts = new ArrayList<String>();
          if (node.has("text")) {
            texts.add(node.get("text").asText());
          }
          node.path("questions").forEach(q -> texts.add(q.asText()));
          for (var text : texts) {
            var flags = new StringBuilder();
            flags.append(anger.isAngry(anger.score(text)) ? "A" : "");
            flags.append(human.matches(text) ? "H" : "");
            flags.append(SarcasmSignal.supportSarcasm(text) ? "S" : "");
            flags.append(keywords.reasons(text).isEmpty() ? "" : "K");
            out.println(file.getParent().getFileName() + "/" + file.getFileName() + "\t"
                + node.path("expect").asText("article") + "/" + node.path("reason").asText("") + "\t" + flags + "\t"
                + text.replaceAll("[\\t\\r\\n\\u0085\\u2028\\u2029]", " "));
          }
        }
      }
    }
  }
}
