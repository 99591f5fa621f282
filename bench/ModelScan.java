import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.escalation.AngerSignal;
import io.deskbridge.core.escalation.HumanRequestSignal;
import io.deskbridge.core.escalation.SarcasmSignal;
import io.deskbridge.core.escalation.SignalModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The rule decisions, the guards and a learned signal model's three class scores for every "text" of cases files
 * (docs/quality.md, "Held-out-17 and the twenty-first round"), one tab-separated line per text: file, id, language,
 * expect, reason, anger rule, person rule, sarcasm rules (1/0), names a person, asks about the bot, questions the bot
 * (1/0), the anger / person / sarcasm scores, the three class thresholds, the text. bench/signal_bars.py sweeps the
 * bot's bars over such files. Run with a build's jar and lib on the class path:
 *
 *   java -cp "connector-app/target/deskbridge.jar:connector-app/target/lib/*" bench/ModelScan.java model.txt.gz \
 *       out.tsv connector-core/src/test/resources/signals/escalation-held-out-16.jsonl ...
 */
public class ModelScan {
  public static void main(String[] args) throws Exception {
    var json = new ObjectMapper();
    var human = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());
    var anger = new AngerSignal();
    byte[] gz = Files.readAllBytes(Path.of(args[0]));
    var model = SignalModel.parse(new String(new GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8));
    try (var out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
      for (int f = 2; f < args.length; f++) {
        var file = Path.of(args[f]);
        for (var line : Files.readAllLines(file)) {
          if (line.isBlank()) continue;
          var node = json.readTree(line);
          if (!node.has("text")) continue;
          var text = node.get("text").asText();
          double[] s = text.isBlank() ? new double[3] : model.scores(text);
          out.println(String.join("\t", file.getFileName().toString(), node.path("id").asText(""),
              node.path("language").asText(""), node.path("expect").asText(""), node.path("reason").asText(""),
              anger.isAngry(anger.score(text)) ? "1" : "0", human.matches(text) ? "1" : "0",
              SarcasmSignal.bundled().isSarcastic(SarcasmSignal.ruleScore(text)) ? "1" : "0",
              human.mentionsAPerson(text) ? "1" : "0", human.asksAboutTheBot(text) ? "1" : "0",
              human.questionsTheBot(text) ? "1" : "0",
              String.valueOf(s[0]), String.valueOf(s[1]), String.valueOf(s[2]),
              String.valueOf(model.threshold(0)), String.valueOf(model.threshold(1)), String.valueOf(model.threshold(2)),
              text.replaceAll("[\\t\\r\\n\\u0085\\u2028\\u2029]", " ")));
        }
      }
    }
  }
}
