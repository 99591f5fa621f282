// Issue #9, item 17 by hand: a real full disk under the H2 store of a `serve` process, then freed.
// Needs root (a tmpfs) and a built connector-app (mvn -o package -pl connector-app -am -DskipTests):
//   mkdir -p /mnt/dbfull /tmp/diskfull && mount -t tmpfs -o size=48m tmpfs /mnt/dbfull
//   CP=$(ls connector-app/target/lib/*.jar | tr '\n' ':')connector-app/target/deskbridge.jar
//   jshell --class-path "$CP" -R-Xmx512m bench/disk-full.jsh      # then: cat /tmp/diskfull/result.txt
//   umount /mnt/dbfull
// It starts the Zendesk fake in jshell and `serve` (fake embeddings) on the tmpfs, opens 5 tickets a second,
// fills the disk with dd after 10 s, polls /health every 100 ms, frees the disk after 30 s, then delivers
// again every event answered 503 (as Zendesk does after a 503 with Retry-After) and counts tickets without a
// bot reply (lost) and with two (duplicates) from the fake's state. Run it from the repository's root.
import io.deskbridge.mock.zendesk.*;
import java.net.*; import java.net.http.*; import java.nio.file.*; import java.time.*; import java.util.*; import java.util.concurrent.*;
import java.util.concurrent.locks.LockSupport;

var out = new java.io.PrintStream(new java.io.FileOutputStream("/tmp/diskfull/result.txt"), true);
var fake = ZendeskFake.start(ZendeskFake.Config.defaults());
int port = 18181;
var groups = new StringBuilder("{");
for (var e : fake.groups().entrySet()) { if (groups.length() > 1) groups.append(", "); groups.append(e.getKey()).append(": \"").append(e.getValue()).append("\""); }
groups.append("}");
Files.writeString(Path.of("/tmp/diskfull/token"), fake.config().apiToken());
Files.writeString(Path.of("/tmp/diskfull/secret"), "disk-secret");
Files.writeString(Path.of("/tmp/diskfull/serve.yaml"), String.join("\n",
  "server: {host: 127.0.0.1, port: " + port + "}",
  "store: {directory: /mnt/dbfull/data}",
  "engine: {workers: 4}",
  "knowledge: " + Path.of("connector-app/src/main/resources/demo-kb").toAbsolutePath(),
  "installations:",
  "  - id: acme",
  "    vendor: zendesk",
  "    mode: auto",
  "    requestsPerMinute: 100000",
  "    routing: {defaultGroup: \"" + fake.groups().get("General") + "\", groups: " + groups + "}",
  "    settings:",
  "      url: " + fake.baseUrl(),
  "      email: " + fake.config().agentEmail(),
  "      apiToken: {file: /tmp/diskfull/token}",
  "      webhookSecret: {file: /tmp/diskfull/secret}", ""));
var pb = new ProcessBuilder("java", "-Xmx384m", "-jar", Path.of("connector-app/target/deskbridge.jar").toAbsolutePath().toString(), "serve", "--config", "/tmp/diskfull/serve.yaml");
pb.environment().put("DESKBRIDGE_FAKE_EMBEDDINGS", "true");
pb.redirectErrorStream(true).redirectOutput(new java.io.File("/tmp/diskfull/serve.log"));
var proc = pb.start();
var http = HttpClient.newHttpClient();
int health() { try { return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode(); } catch (Exception e) { return -1; } }
while (health() != 200) { Thread.onSpinWait(); LockSupport.parkNanos(200_000_000L); }
fake.registerEventWebhook(URI.create("http://127.0.0.1:" + port + "/webhooks/acme"), "disk-secret");
out.println("serving");
var tickets = new CopyOnWriteArrayList<Long>();
var sched = Executors.newScheduledThreadPool(2);
String[] qs = {"How can I reset my password? I can't log in.", "How long does delivery take to Brno?", "Which payment methods do you accept?", "How can I return an item I bought last week?"};
var n = new java.util.concurrent.atomic.AtomicInteger();
var load = sched.scheduleAtFixedRate(() -> { int i = n.getAndIncrement(); tickets.add(fake.customerCreatesTicket("c" + i + "@example.com", "C " + i, "Q " + i, qs[i % 4])); }, 0, 200, TimeUnit.MILLISECONDS);
var lastHealth = new int[] {200};
long t0 = System.nanoTime();
double secs() { return (System.nanoTime() - t0) / 1e9; }
var healthPoll = sched.scheduleAtFixedRate(() -> { int h = health(); if (h != lastHealth[0]) { out.printf("%.2f s: /health %d -> %d%n", secs(), lastHealth[0], h); lastHealth[0] = h; } }, 0, 100, TimeUnit.MILLISECONDS);
LockSupport.parkNanos(10_000_000_000L);
out.printf("%.2f s: filling the disk%n", secs());
var fill = new ProcessBuilder("sh", "-c", "dd if=/dev/zero of=/mnt/dbfull/fill bs=1M 2>&1 | tail -1; df -h /mnt/dbfull | tail -1").start();
out.println(new String(fill.getInputStream().readAllBytes()));
out.printf("%.2f s: disk full%n", secs());
LockSupport.parkNanos(30_000_000_000L);
Files.delete(Path.of("/mnt/dbfull/fill"));
long freed = System.nanoTime();
out.printf("%.2f s: disk freed%n", secs());
int ticketsAtFree = tickets.size();
while (health() != 200) { LockSupport.parkNanos(50_000_000L); }
out.printf("/health up %d ms after freeing%n", (System.nanoTime() - freed) / 1_000_000);
LockSupport.parkNanos(100_000_000L);
long probe = tickets.get(tickets.size() - 1);
while (fake.comments(probe).stream().noneMatch(c -> c.authorId() == fake.botUserId())) { LockSupport.parkNanos(50_000_000L); }
out.printf("first ticket created after freeing answered %d ms after freeing%n", (System.nanoTime() - freed) / 1_000_000);
LockSupport.parkNanos(10_000_000_000L);
load.cancel(false);
var refused = fake.deliveries().stream().filter(d -> d.statusCode() == 503).map(DeliveryRecord::eventId).distinct().toList();
out.println("deliveries answered 503 during the fault: " + refused.size() + "; other non-2xx: " + fake.deliveries().stream().filter(d -> d.statusCode() != 503 && (d.statusCode() < 200 || d.statusCode() > 299)).count());
refused.forEach(fake::redeliver);
long deadline = System.nanoTime() + 120_000_000_000L;
long unanswered = -1;
while (System.nanoTime() < deadline) { unanswered = tickets.stream().filter(t -> fake.comments(t).stream().noneMatch(c -> c.authorId() == fake.botUserId() && c.isPublic())).count(); if (unanswered == 0) break; LockSupport.parkNanos(500_000_000L); }
LockSupport.parkNanos(3_000_000_000L);
long dup = tickets.stream().filter(t -> fake.comments(t).stream().filter(c -> c.authorId() == fake.botUserId() && c.isPublic()).count() > 1).count();
for (long t : tickets) { if (fake.comments(t).stream().noneMatch(c -> c.authorId() == fake.botUserId() && c.isPublic())) { out.println("LOST ticket " + t + ": " + fake.deliveries().stream().filter(d -> d.ticketId() == t).map(d -> d.eventId().substring(0, 8) + " attempt " + d.attempt() + " -> " + d.statusCode() + " at " + d.sentAt()).toList()); } }
out.println("tickets " + tickets.size() + ", unanswered (lost) " + unanswered + ", answered twice " + dup);
healthPoll.cancel(false);
proc.destroy();
out.println("serve exit " + proc.waitFor());
sched.shutdownNow();
fake.close();
/exit
