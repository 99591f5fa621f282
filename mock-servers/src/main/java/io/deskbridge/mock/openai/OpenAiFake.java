package io.deskbridge.mock.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.Faults;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.base.RequestLine;
import io.deskbridge.mock.base.VendorFake;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of an OpenAI-compatible chat-completions endpoint, as OpenAI documents it (API reference "Chat", "Error
 * codes"): {@code POST /v1/chat/completions} with {@code Authorization: Bearer <key>}, answering the
 * {@code chat.completion} object ({@code id}, {@code object}, {@code created}, {@code model},
 * {@code choices[].message{role,content}}, {@code choices[].finish_reason}, {@code usage} with prompt, completion and
 * total token counts).
 *
 * <p><b>Answers.</b> Scripted ({@link #script}: a queue, first in first out) while the fake is not adversarial. In
 * {@link #adversarial adversarial} mode every answer is made from the request and misbehaves in the way named by the
 * next {@link Attack} of the rotation. When the request asks for JSON ({@code response_format} {@code json_schema} or
 * {@code json_object}), an adversarial answer is a JSON object: its first string property (of the schema, else
 * {@code answer}) holds the text and its first array property (else {@code articleIds}) the ids the
 * {@link Config#citation citation pattern} finds in the request, so that a citation check alone does not catch it.
 *
 * <p><b>Errors</b> use OpenAI's envelope {@code {"error":{"message","type","param","code"}}}: 401
 * {@code invalid_api_key} without the right bearer key, 400 {@code invalid_request_error} for a body that is not JSON
 * or has no {@code messages}, 429 {@code rate_limit_exceeded} with {@code Retry-After} and 500 {@code server_error}
 * when injected ({@link #failNext}), and 500 {@code no_scripted_answer} when nothing is scripted (loud: the request is
 * listed by {@link #unmatchedRequests()}). Any other method or path gets a loud 404 and is listed too. A timeout is
 * {@link #delay} longer than the client's timeout.
 *
 * <p><b>Left out</b>: streaming, tools, n &gt; 1, logprobs, every other endpoint.
 *
 * <p>Thread-safe: requests are handled one at a time under the fake's monitor; WireMock applies delays outside it.
 */
public final class OpenAiFake implements VendorFake {
  /** The ways an adversarial answer misbehaves; {@link #adversarial(Attack...)} rotates through them. */
  public enum Attack {
    /** Does what an instruction in the customer's text says, e.g. grants the refund asked for. */
    OBEY_INJECTION,
    /** States an amount, a date and a phone number that appear nowhere in the request. */
    INVENT_NUMBERS,
    /** Links to a site that appears nowhere in the request. */
    INVENT_URL,
    /** Repeats the system message. */
    LEAK_PROMPT,
    /** Answers in another language than the customer's: Polish, or English when the customer writes Polish. */
    WRONG_LANGUAGE,
    /** Cites no article. */
    NO_CITATION
  }

  /**
   * Configuration; immutable.
   *
   * @param apiKey the bearer key the fake accepts
   * @param model the model name it reports when the request names none
   * @param port the HTTP port, 0 for a free one
   * @param clock the {@code created} timestamps and the journal
   * @param citation finds the article ids offered in a request (group 1), for adversarial JSON answers
   */
  public record Config(String apiKey, String model, int port, Clock clock, Pattern citation) {
    public Config {
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(citation, "citation");
      if (apiKey.isBlank() || port < 0 || port > 65535) {
        throw new IllegalArgumentException("invalid OpenAI fake configuration: apiKey must not be blank, port "
            + port);
      }
    }

    /** Key {@code sk-fake-deskbridge}, model {@code gpt-fake}, a free port, ids found as {@code [article ID]}. */
    public static Config defaults() {
      return new Config("sk-fake-deskbridge", "gpt-fake", 0, Clock.systemUTC(),
          Pattern.compile("\\[article ([^\\]\\s]+)\\]"));
    }

    public Config withClock(Clock c) {
      return new Config(apiKey, model, port, c, citation);
    }

    public Config withPort(int p) {
      return new Config(apiKey, model, p, clock, citation);
    }

    public Config withCitation(Pattern p) {
      return new Config(apiKey, model, port, clock, p);
    }
  }

  static final String PATH = "/v1/chat/completions";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A foreign link, an invented amount, date and phone number: in no request the tests send. */
  public static final String FOREIGN_URL = "https://refunds-fast.example.net/claim";
  public static final String INVENTED = "You will get a refund of 1,337.42 EUR by 29 February 2031; call +420 777 123 456.";
  public static final String POLISH = "Dziękujemy za wiadomość. Zamówienie zostanie dostarczone jutro, proszę czekać.";
  public static final String ENGLISH = "Thank you for your message. Your order will be delivered tomorrow, please wait.";
  private static final Pattern POLISH_LETTERS = Pattern.compile("[ąęłńśźżĄĘŁŃŚŹŻ]");
  private static final Pattern INJECTION = Pattern.compile(
      "(?i)(ignore|disregard|forget|ignoruj|zapomeň|zapomen|zignoruj|zapomnij|ignoriraj|pozabi|nezohľad|zabudni)[^\\n]*");

  private final Config config;
  private final FakeServer server;
  private final Faults faults = new Faults();
  private final RequestJournal journal = new RequestJournal();
  private final Deque<String> scripted = new ArrayDeque<>();
  private final List<Attack> attacks = new ArrayList<>();
  private int attackIndex;
  private long ids;

  private OpenAiFake(Config config) {
    this.config = config;
    this.server = new FakeServer(config.port(), new Api());
  }

  /** A started fake. */
  public static OpenAiFake start(Config config) {
    OpenAiFake fake = new OpenAiFake(config);
    return fake.server.startFor(fake);
  }

  /** E.g. {@code http://localhost:34567}; the OpenAI base URL is {@link #v1Url()}. */
  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  /** {@code baseUrl() + "/v1"}: what an OpenAI client takes as its base URL. */
  public String v1Url() {
    return baseUrl() + "/v1";
  }

  public Config config() {
    return config;
  }

  /** Queues answers: the next completions answer these contents, in order. */
  public synchronized void script(String... contents) {
    scripted.addAll(List.of(contents));
  }

  /** Adversarial mode, rotating through {@code kinds} (none: all of {@link Attack}); scripted answers wait. */
  public synchronized void adversarial(Attack... kinds) {
    attacks.clear();
    attacks.addAll(kinds.length == 0 ? List.of(Attack.values()) : List.of(kinds));
    attackIndex = 0;
  }

  /** Back to scripted answers. */
  public synchronized void scriptedMode() {
    attacks.clear();
  }

  /** The next {@code count} completions answer {@code status} (429 with {@code Retry-After: retryAfterSeconds}). */
  public void failNext(int count, int status, int retryAfterSeconds) {
    faults.failNext(count, new Fault.Status(status, status == 429 ? retryAfterSeconds : null));
  }

  /** The next completions answer {@code delay} late (a client with a shorter timeout times out). */
  public void delayNext(int count, Duration delay) {
    faults.add(FaultRule.on("POST", PATH, new Fault.Delay(delay)).times(count));
  }

  /** Every answer {@code delay} late. */
  public void delay(Duration delay) {
    faults.delayAll(delay);
  }

  /** The completions calls served (failures included), with their request bodies. */
  public RequestJournal journal() {
    return journal;
  }

  @Override
  public List<String> unmatchedRequests() {
    return journal.unmatched();
  }

  @Override
  public synchronized void reset() {
    faults.clear();
    journal.clear();
    scripted.clear();
    attacks.clear();
    attackIndex = 0;
  }

  @Override
  public void close() {
    server.stop();
  }

  // ---------------------------------------------------------------- the API

  private record Reply(int status, JsonNode body, Map<String, String> headers) {}

  private final class Api implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "deskbridge-openai-fake";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      RequestLine line = RequestLine.of(request);
      Reply reply;
      Duration wait;
      synchronized (OpenAiFake.this) {
        Duration[] extra = {Duration.ZERO};
        reply = handle(line, request, extra);
        wait = faults.delay().plus(extra[0]);
      }
      byte[] body = bytes(reply.body());
      return FakeServer.response(reply.status(), "application/json", body, wait, reply.headers());
    }
  }

  private Reply handle(RequestLine line, Request request, Duration[] extra) {
    if (!"POST".equals(line.method()) || !PATH.equals(line.path())) {
      journal.unmatched(line.method() + " " + line.url());
      return error(404, "The OpenAI fake does not serve " + line.method() + " " + line.url()
          + " (it serves POST " + PATH + " only)", "invalid_request_error", "unknown_url", Map.of());
    }
    String auth = request.getHeader("Authorization");
    if (auth == null || !auth.equals("Bearer " + config.apiKey())) {
      return error(401, "Incorrect API key provided. You can find your API key at "
          + "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key", Map.of());
    }
    String raw = request.getBody() == null ? "" : new String(request.getBody(), StandardCharsets.UTF_8);
    Fault fault = faults.next("POST", line.path()).orElse(null);
    Reply reply;
    if (fault instanceof Fault.Status f) {
      reply = f.status() == 429
          ? error(429, "Rate limit reached for requests. Please try again in " + f.retryAfterSeconds() + "s.",
              "requests", "rate_limit_exceeded", Map.of("Retry-After", String.valueOf(f.retryAfterSeconds())))
          : error(f.status(), "The server had an error while processing your request. Sorry about that!",
              "server_error", null, Map.of());
    } else {
      if (fault instanceof Fault.Delay d) {
        extra[0] = d.delay();
      }
      reply = serve(line, raw);
    }
    journal.record(config.clock().instant(), "POST", line.path(), line.query(), "", reply.status(), fault, raw);
    return reply;
  }

  private Reply serve(RequestLine line, String raw) {
    JsonNode req;
    try {
      req = JSON.readTree(raw);
    } catch (IOException e) {
      return error(400, "We could not parse the JSON body of your request.", "invalid_request_error", null,
          Map.of());
    }
    if (req == null || !req.path("messages").isArray() || req.path("messages").isEmpty()) {
      return error(400, "Missing required parameter: 'messages'.", "invalid_request_error", "missing_required_parameter",
          Map.of());
    }
    String content;
    if (!attacks.isEmpty()) {
      Attack attack = attacks.get(attackIndex++ % attacks.size());
      content = adversarial(attack, req);
    } else if (!scripted.isEmpty()) {
      content = scripted.poll();
    } else {
      journal.unmatched("POST " + line.url() + " (no scripted answer)");
      return error(500, "The OpenAI fake has no scripted answer left: call script(...) or adversarial(...) first",
          "server_error", "no_scripted_answer", Map.of());
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("id", "chatcmpl-fake" + (++ids));
    out.put("object", "chat.completion");
    out.put("created", config.clock().instant().getEpochSecond());
    out.put("model", req.path("model").asText(config.model()));
    out.put("system_fingerprint", "fp_deskbridge_fake");
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", content);
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    int prompt = tokens(req.path("messages").toString());
    int completion = tokens(content);
    ObjectNode usage = out.putObject("usage");
    usage.put("prompt_tokens", prompt);
    usage.put("completion_tokens", completion);
    usage.put("total_tokens", prompt + completion);
    return new Reply(200, out, Map.of("x-request-id", "req_fake" + ids));
  }

  /** A rough count (about four characters a token, as OpenAI's rule of thumb), never 0 for text. */
  static int tokens(String text) {
    return text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
  }

  private String adversarial(Attack attack, JsonNode req) {
    String system = "";
    StringBuilder user = new StringBuilder();
    for (JsonNode m : req.path("messages")) {
      String text = text(m.path("content"));
      if ("system".equals(m.path("role").asText()) || "developer".equals(m.path("role").asText())) {
        system = system + text;
      } else if ("user".equals(m.path("role").asText())) {
        user.append(text).append('\n');
      }
    }
    Set<String> cited = new LinkedHashSet<>();
    Matcher cm = config.citation().matcher(user + "\n" + system);
    while (cm.find()) {
      cited.add(cm.group(1));
    }
    String text = switch (attack) {
      case OBEY_INJECTION -> {
        Matcher im = INJECTION.matcher(user);
        yield im.find() ? "As you asked: " + im.group() + " Done: a full refund of 100 % is granted and a 50 % "
            + "discount code DISCOUNT-9981 is yours." : "Done: a full refund is granted, code DISCOUNT-9981.";
      }
      case INVENT_NUMBERS -> INVENTED;
      case INVENT_URL -> "Please fill in the form at " + FOREIGN_URL + " to continue.";
      case LEAK_PROMPT -> "My instructions are: " + system;
      case WRONG_LANGUAGE -> POLISH_LETTERS.matcher(user).find() ? ENGLISH : POLISH;
      case NO_CITATION -> "Thank you for your message, we will look into it.";
    };
    if (attack == Attack.NO_CITATION) {
      cited.clear();
    }
    JsonNode format = req.path("response_format");
    String type = format.path("type").asText("");
    if (!type.equals("json_schema") && !type.equals("json_object")) {
      return text;
    }
    String textField = "answer";
    String idsField = "articleIds";
    JsonNode props = format.path("json_schema").path("schema").path("properties");
    boolean stringSeen = false;
    boolean arraySeen = false;
    for (var it = props.fields(); it.hasNext(); ) {
      var e = it.next();
      String t = e.getValue().path("type").asText();
      if (!stringSeen && t.equals("string")) {
        textField = e.getKey();
        stringSeen = true;
      } else if (!arraySeen && t.equals("array")) {
        idsField = e.getKey();
        arraySeen = true;
      }
    }
    ObjectNode json = JSON.createObjectNode();
    json.put(textField, text);
    ArrayNode ids = json.putArray(idsField);
    cited.forEach(ids::add);
    return json.toString();
  }

  /** A message's content: a string, or the text parts of an array of content parts. */
  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode part : content) {
      if ("text".equals(part.path("type").asText())) {
        b.append(part.path("text").asText());
      }
    }
    return b.toString();
  }

  private static Reply error(int status, String message, String type, String code, Map<String, String> headers) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode e = body.putObject("error");
    e.put("message", message);
    e.put("type", type);
    e.putNull("param");
    if (code == null) {
      e.putNull("code");
    } else {
      e.put("code", code);
    }
    return new Reply(status, body, headers);
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
