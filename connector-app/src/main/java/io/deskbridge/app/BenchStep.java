package io.deskbridge.app;

import io.deskbridge.app.DemoVendor.Author;
import io.deskbridge.app.DemoVendor.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One step of the benchmark: new tickets at a fixed rate for a number of seconds, then waiting until each
 * has its bot reaction, then counting everything from the fake's own state.
 *
 * <ul>
 *   <li><b>Events</b> are the events in webhook deliveries the connectors acknowledged for the step's tickets (on
 *       Zendesk the {@code ticket.created} of each ticket and the {@code ticket.comment_added} echo of each bot
 *       comment, about 2.2 per ticket with 20 % handovers; on Salesforce the Outbound Message notifications of the
 *       Case and of each comment or e-mail, several in one message when they queue up; on Daktela one trigger per
 *       ticket creation or update and per activity). The connector must receive, store and process them all. A
 *       polled vendor ({@code daktela-polling}) sends none: its events, throughput and acknowledgement are 0, and
 *       webhook to reply includes the wait for the next poll.
 *   <li><b>Throughput</b> is events divided by the time from the first ticket's creation to the last
 *       observable work of the step (the last bot comment stored, the last delivery acknowledged). When the
 *       connectors keep up, it equals the offered rate; when they do not, the backlog drains after the
 *       producer stops and the throughput is their capacity.
 *   <li><b>Webhook to reply</b> is from just before the ticket is created in the fake (which fires the
 *       webhook) to the moment the fake stored the bot's first write on it (to the microsecond; the write's
 *       HTTP response leaves right after): the answer or clarifying question, or for a handover the
 *       internal note with group and tags, which comes before the message to the customer.
 *   <li><b>Acknowledgement</b> is the time the fake's webhook sender waited for each delivery's response.
 *   <li><b>Drain</b> is the time from the last ticket's creation to the last work of the step: how long the
 *       connectors needed after the producer stopped (never negative; see {@link Timing}).
 *   <li><b>Resident memory</b> (RSS) of each connector process is sampled every {@value #RSS_SAMPLE_MS} ms from the
 *       step's start until its last work: the step's median and peak; also the peak since the process started.
 *   <li><b>API calls</b> per answered and per handed-over ticket: the calls the fake's journal attributes to the
 *       ticket (its reads and writes), averaged over the tickets of each kind.
 *   <li><b>Lost</b>: tickets without any bot comment at the end; <b>duplicates</b>: bot public comments
 *       beyond the first on a ticket; <b>after handover</b>: bot public comments after the bot's handover
 *       note (internal note, group and tag are written first) other than the handover's own message to the
 *       customer.
 * </ul>
 */
final class BenchStep {
  static final List<String> QUESTIONS = List.of(
      "How can I reset my password? I can't log in.",
      "How long does delivery take to Brno?",
      "Jak dlouho trvá doručení do Brna?",
      "Jak mogę zwrócić towar, który kupiłem w zeszłym tygodniu?",
      "Where is my order? It was supposed to arrive yesterday.",
      "Kiedy jesteście otwarci w sobotę?",
      "I need a copy of the invoice for my last purchase.",
      "Which payment methods do you accept?");
  static final List<String> HANDOVERS = List.of(
      "I want to talk to a real person, please.",
      "Please cancel my order 55120 immediately.",
      "Chci mluvit s operátorem.");
  /** A step gives up waiting for the remaining reactions after this long without progress. */
  private static final Duration STALL = Duration.ofSeconds(30);
  private static final AtomicInteger CUSTOMERS = new AtomicInteger();
  static final int RSS_SAMPLE_MS = 200;

  /**
   * A step's time spans in seconds.
   *
   * @param producing the producer's span: from the first ticket's creation to the last one's, plus one interval
   *                  ({@code n} tickets at {@code rate} take {@code n / rate} seconds to offer)
   * @param elapsed   from the first ticket's creation to the last work seen
   * @param drain     from the last ticket's creation to the last work seen; 0 or more
   */
  record Timing(double producing, double elapsed, double drain) {
    /** @param end the last work seen; not before {@code lastCreated} (the last ticket's own reply comes after it) */
    static Timing of(Instant first, Instant lastCreated, Instant end, int rate) {
      if (end.isBefore(lastCreated) || lastCreated.isBefore(first)) {
        throw new IllegalArgumentException("need first <= last created <= end: " + first + ", " + lastCreated + ", "
            + end);
      }
      return new Timing(seconds(first, lastCreated) + 1.0 / rate, seconds(first, end), seconds(lastCreated, end));
    }

    private static double seconds(Instant from, Instant to) {
      return Duration.between(from, to).toNanos() / 1e9;
    }
  }

  /** Latency percentiles in milliseconds. */
  record Millis(double p50, double p90, double p99, double max) {
    static Millis of(List<Double> values) {
      var sorted = new ArrayList<>(values);
      sorted.sort(Double::compare);
      return new Millis(pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
      if (sorted.isEmpty()) {
        return 0;
      }
      int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
  }

  /**
   * What one step measured.
   *
   * @param rate               tickets per second asked for
   * @param elapsedSeconds     from the first ticket's creation to the last work seen
   * @param offeredPerSecond   events per second offered (events over the time tickets were being created)
   * @param eventsPerSecond    the throughput, events per second processed end to end
   * @param ticketsPerSecond   the same in tickets
   * @param drainSeconds       how long after the last ticket's creation the last work was seen
   * @param sustained          whether the connectors kept up: throughput at least 95 % of the offered rate,
   *                           p99 webhook to reply under 1 s, nothing lost
   * @param reply              webhook to reply (first bot comment), ms
   * @param ack                webhook acknowledgement as the sender measured it, ms
   * @param deliveryFailures   delivery attempts that got no 2xx (retried by the fake or not)
   * @param apiCallsPerTicket  API calls per ticket, all tickets
   * @param apiCallsPerAnswered API calls per ticket the bot answered (or asked a clarifying question on)
   * @param apiCallsPerHandover API calls per ticket the bot handed over
   * @param rssMb              VmRSS of each connector process at the end of the step
   * @param medianRssMb        median of each connector process's VmRSS samples during the step
   * @param stepPeakRssMb      highest of each connector process's VmRSS samples during the step
   * @param peakRssMb          VmHWM (peak resident set) of each connector process since it started
   * @param connectorCpuSeconds CPU time each connector process used during the step
   * @param benchCpuSeconds    CPU time of this JVM (the fake, its webhook sender, the producer) during the step
   * @param postgresCpuSeconds CPU time of the PostgreSQL server processes during the step (0 on H2)
   * @param otherCpuSeconds    CPU time of everything else on the machine during the step: kernel work not
   *                           charged to a process, and other programs, which make the run less trustworthy
   * @param machineBusyPercent share of all cores busy during the step (100 = every core all the time)
   */
  record Result(String config, boolean warmup, int rate, int seconds, int tickets, int answered, int handedOver,
      long events, double elapsedSeconds, double offeredPerSecond, double eventsPerSecond, double ticketsPerSecond,
      double drainSeconds,
      boolean sustained, Millis reply, Millis ack, int deliveryFailures, int lost, int duplicates, int afterHandover,
      double apiCallsPerTicket, double apiCallsPerAnswered, double apiCallsPerHandover, List<Long> rssMb,
      List<Long> medianRssMb, List<Long> stepPeakRssMb,
      List<Long> peakRssMb, List<Double> connectorCpuSeconds,
      double benchCpuSeconds, double postgresCpuSeconds, double otherCpuSeconds, double machineBusyPercent) {}

  private BenchStep() {}

  static Result run(BenchRig rig, String config, int rate, int seconds, double handoverShare, boolean warmup)
      throws InterruptedException {
    DemoVendor fake = rig.vendor;
    var pids = rig.connectors.stream().map(c -> c.process.pid()).toList();
    var cpuBefore = pids.stream().map(Proc::cpuSeconds).toList();
    double benchBefore = Proc.cpuSeconds(ProcessHandle.current().pid());
    var postgresBefore = Proc.cpuSecondsOfTree(rig.postgresPid());
    long[] machineBefore = Proc.machineTicks();
    var rss = new RssSampler(pids);

    var created = new ConcurrentHashMap<String, Instant>();
    var handovers = ConcurrentHashMap.<String>newKeySet();
    var counter = new AtomicInteger();
    int total = rate * seconds;
    var scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "bench-producer");
      t.setDaemon(true);
      return t;
    });
    var task = scheduler.scheduleAtFixedRate(() -> {
      int n = counter.getAndIncrement();
      if (n >= total) {
        return;
      }
      boolean handover = (int) ((n + 1) * handoverShare) > (int) (n * handoverShare); // spread evenly
      String text = handover ? HANDOVERS.get(n % HANDOVERS.size()) : QUESTIONS.get(n % QUESTIONS.size());
      int customer = CUSTOMERS.incrementAndGet();
      Instant at = Instant.now();
      String id = fake.customerOpens("c" + customer + "@example.com", "Customer " + customer,
          "Question " + customer, text);
      if (handover) {
        handovers.add(id);
      }
      created.put(id, at);
    }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
    while (counter.get() < total) {
      scheduler.awaitTermination(20, TimeUnit.MILLISECONDS);
    }
    task.cancel(false);
    scheduler.shutdown();
    scheduler.awaitTermination(10, TimeUnit.SECONDS);

    awaitReactions(rig, created, handovers);
    fake.awaitIdle(Duration.ofSeconds(30)); // the echoes of the last bot comments
    rss.stop();

    var cpuAfter = pids.stream().map(Proc::cpuSeconds).toList();
    double benchAfter = Proc.cpuSeconds(ProcessHandle.current().pid());
    var postgresAfter = Proc.cpuSecondsOfTree(rig.postgresPid());
    long[] machineAfter = Proc.machineTicks();
    double postgres = 0;
    for (var e : postgresAfter.entrySet()) { // the pools' connections (backends) live as long as the connectors
      postgres += e.getValue() - postgresBefore.getOrDefault(e.getKey(), 0.0);
    }
    double connectors = 0;
    for (int i = 0; i < pids.size(); i++) {
      connectors += cpuAfter.get(i) - cpuBefore.get(i);
    }
    double busy = (machineAfter[0] - machineBefore[0]) / Proc.TICKS_PER_SECOND;
    double other = busy - connectors - (benchAfter - benchBefore) - postgres;
    return measure(rig, config, rate, seconds, warmup, created, rss, cpuBefore, cpuAfter, benchAfter - benchBefore,
        postgres, other, Proc.busyPercent(machineBefore, machineAfter));
  }

  /**
   * Waits until every ticket has its bot reaction, or nothing moved for {@link #STALL}. Polls every 200 ms: the
   * latencies come from the fake's timestamps, not from this loop, and with a backlog of open tickets a tighter loop
   * takes a core from the connectors it measures (reading a Salesforce Case's e-mails, comments and feed).
   */
  private static void awaitReactions(BenchRig rig, Map<String, Instant> created, Set<String> handovers) {
    var open = new HashSet<>(created.keySet());
    long lastProgress = System.nanoTime();
    while (!open.isEmpty() && System.nanoTime() - lastProgress < STALL.toNanos() && rig.allAlive()) {
      int before = open.size();
      open.removeIf(id -> complete(rig.vendor, id, handovers.contains(id)));
      if (open.size() < before) {
        lastProgress = System.nanoTime();
      }
      if (!open.isEmpty()) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      }
    }
  }

  /** A reply or a clarifying question (one public comment), or a handover (a public message and a note). */
  private static boolean complete(DemoVendor fake, String ticket, boolean handover) {
    boolean publicReply = false;
    boolean note = false;
    for (var c : fake.entries(ticket)) {
      if (c.author() == Author.BOT) {
        publicReply |= c.isPublic();
        note |= !c.isPublic();
      }
    }
    return publicReply && (note || !handover);
  }

  private static Result measure(BenchRig rig, String config, int rate, int seconds, boolean warmup,
      Map<String, Instant> created, RssSampler rss, List<Double> cpuBefore, List<Double> cpuAfter, double benchCpu,
      double postgresCpu, double otherCpu, double busy) {
    DemoVendor fake = rig.vendor;
    var replyMs = new ArrayList<Double>();
    int answered = 0;
    int handedOver = 0;
    int lost = 0;
    int duplicates = 0;
    int afterHandover = 0;
    long apiCalls = 0;
    long answeredCalls = 0;
    long handoverCalls = 0;
    Instant first = created.values().stream().min(Instant::compareTo).orElseThrow();
    Instant lastCreated = created.values().stream().max(Instant::compareTo).orElseThrow();
    Instant end = lastCreated;
    for (var e : created.entrySet()) {
      List<Entry> mine = fake.entries(e.getKey()).stream().filter(c -> c.author() == Author.BOT).toList();
      int calls = fake.apiCalls(e.getKey());
      apiCalls += calls;
      if (mine.isEmpty()) {
        lost++;
        continue;
      }
      replyMs.add(Duration.between(e.getValue(), mine.get(0).at()).toNanos() / 1e6);
      int publicComments = 0;
      int publicAfterNote = 0;
      boolean noteSeen = false;
      for (var c : mine) {
        if (c.at().isAfter(end)) {
          end = c.at();
        }
        if (!c.isPublic()) {
          noteSeen = true;
        } else {
          publicComments++;
          if (noteSeen) {
            publicAfterNote++;
          }
        }
      }
      duplicates += Math.max(0, publicComments - 1);
      afterHandover += Math.max(0, publicAfterNote - 1); // the handover's own message follows its note
      if (noteSeen) {
        handedOver++;
        handoverCalls += calls;
      } else {
        answered++;
        answeredCalls += calls;
      }
    }
    long events = 0;
    int failures = 0;
    var ackMs = new ArrayList<Double>();
    for (var d : fake.deliveries()) {
      if (d.conversations().stream().noneMatch(created::containsKey)) {
        continue;
      }
      ackMs.add(d.elapsed().toNanos() / 1e6);
      Instant acknowledged = d.sentAt().plus(d.elapsed());
      if (acknowledged.isAfter(end)) {
        end = acknowledged;
      }
      if (d.acknowledged()) {
        events += d.events();
      } else {
        failures++;
      }
    }
    var timing = Timing.of(first, lastCreated, end, rate);
    double elapsed = timing.elapsed();
    double offered = events / timing.producing();
    double throughput = events / elapsed;
    var reply = Millis.of(replyMs);
    boolean sustained = throughput >= 0.95 * offered && reply.p99() < 1000 && lost == 0;
    var pids = rig.connectors.stream().map(c -> c.process.pid()).toList();
    var cpu = new ArrayList<Double>();
    for (int i = 0; i < pids.size(); i++) {
      cpu.add(round(cpuAfter.get(i) - cpuBefore.get(i)));
    }
    return new Result(config, warmup, rate, seconds, created.size(), answered, handedOver, events, round(elapsed),
        round(offered),
        round(throughput), round(created.size() / elapsed), round(timing.drain()), sustained, reply,
        Millis.of(ackMs), failures, lost, duplicates, afterHandover, round((double) apiCalls / created.size()),
        round(answered == 0 ? 0 : (double) answeredCalls / answered),
        round(handedOver == 0 ? 0 : (double) handoverCalls / handedOver),
        pids.stream().map(p -> Proc.rssMb(p, "VmRSS")).toList(), rss.medians(), rss.peaks(),
        pids.stream().map(p -> Proc.rssMb(p, "VmHWM")).toList(),
        cpu, round(benchCpu), round(postgresCpu), round(otherCpu), round(busy));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** Samples each process's VmRSS every {@value #RSS_SAMPLE_MS} ms on a daemon thread until stopped. */
  static final class RssSampler {
    private final List<Long> pids;
    private final List<List<Long>> samples = new ArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService timer;

    RssSampler(List<Long> pids) {
      this.pids = List.copyOf(pids);
      pids.forEach(p -> samples.add(new ArrayList<>()));
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "bench-rss");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleAtFixedRate(this::sample, 0, RSS_SAMPLE_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
      for (int i = 0; i < pids.size(); i++) {
        long mb = Proc.rssMb(pids.get(i), "VmRSS");
        if (mb >= 0) {
          samples.get(i).add(mb);
        }
      }
    }

    void stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(5, TimeUnit.SECONDS);
      sample(); // the state at the end
    }

    synchronized List<Long> medians() {
      return samples.stream().map(RssSampler::median).toList();
    }

    synchronized List<Long> peaks() {
      return samples.stream().map(l -> l.stream().mapToLong(Long::longValue).max().orElse(-1)).toList();
    }

    /** The middle sample (the lower of the two middle ones); -1 without samples. */
    static long median(List<Long> values) {
      if (values.isEmpty()) {
        return -1;
      }
      var sorted = new ArrayList<>(values);
      sorted.sort(Long::compare);
      return sorted.get((sorted.size() - 1) / 2);
    }
  }

  /** Linux {@code /proc} readings; -1 where they are not available. */
  static final class Proc {
    /** USER_HZ: the unit of the CPU times in {@code /proc}; 100 on Linux x86-64. */
    static final double TICKS_PER_SECOND = 100;

    private Proc() {}

    static long rssMb(long pid, String field) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith(field + ":")) {
            return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
          }
        }
      } catch (IOException | NumberFormatException e) {
        // not Linux, or the process is gone
      }
      return -1;
    }

    /** User plus system CPU time of a process so far. */
    static double cpuSeconds(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // utime, stime
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }

    /** CPU time so far of a process and its children, by pid; empty for pid -1. */
    static Map<Long, Double> cpuSecondsOfTree(long root) {
      var found = new java.util.HashMap<Long, Double>();
      if (root < 0) {
        return found;
      }
      found.put(root, cpuSeconds(root));
      try (var procs = Files.list(Path.of("/proc"))) {
        procs.map(p -> p.getFileName().toString()).filter(f -> f.chars().allMatch(Character::isDigit))
            .forEach(f -> {
              try {
                String stat = Files.readString(Path.of("/proc", f, "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (Long.parseLong(fields[1]) == root) { // ppid
                  found.put(Long.parseLong(f), cpuSeconds(Long.parseLong(f)));
                }
              } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile
              }
            });
      } catch (IOException | RuntimeException e) {
        // not Linux
      }
      return found;
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them; "?" when not available. */
    static String loadAverage() {
      try {
        var f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return f[0] + ", " + f[1] + ", " + f[2];
      } catch (IOException | RuntimeException e) {
        return "?";
      }
    }

    /** {busy, total} CPU ticks of the whole machine so far. */
    static long[] machineTicks() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
          total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
      } catch (IOException | RuntimeException e) {
        return new long[] {0, 0};
      }
    }

    static double busyPercent(long[] before, long[] after) {
      long total = after[1] - before[1];
      return total <= 0 ? -1 : 100.0 * (after[0] - before[0]) / total;
    }
  }
}
