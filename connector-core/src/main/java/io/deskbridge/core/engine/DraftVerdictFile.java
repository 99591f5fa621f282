package io.deskbridge.core.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The agents' verdicts on drafts as labelled messages in the {@code eval} case format, one JSON object per line:
 * {@code {"id":"draft-<installation>-<conversation>-<event>","text":"<the customer's text>","language":"en",
 * "expect":"answer","article":"<the draft's article>"}} for a draft sent as drafted or edited (the article answered
 * the message), {@code "expect":"no_answer"} for a draft replaced (it did not). The admin points {@code eval
 * --calibration} or {@code bot.calibrationCases} at the file: the people who read the drafts tune the bot.
 *
 * <p>Append-only and safe across restarts: a line is written whole and forced to disk before the verdict's state is
 * committed; the ids already in the file are read at open, so a verdict written again after a crash (the commit did
 * not happen, the event is processed again) is not written twice; a last line cut off by a crash is cut away at open.
 * One process writes one file (give each instance its own path). Thread-safe.
 */
public final class DraftVerdictFile implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final FileChannel channel;
  private final Set<String> ids = new HashSet<>();

  private DraftVerdictFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Opens (creating it and its folder when missing) the file at {@code path}.
   *
   * @throws ConfigException when the file cannot be created, read or written, naming the setting
   *                         {@code engine.draftVerdicts}
   */
  public static DraftVerdictFile open(Path path) {
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      var channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      var file = new DraftVerdictFile(path, channel);
      file.recover();
      return file;
    } catch (IOException e) {
      throw new ConfigException("engine.draftVerdicts: cannot open " + path + " (" + e.getMessage()
          + "); set engine.draftVerdicts to a writable file");
    }
  }

  /** Reads the ids of the whole lines and cuts off a last line without its line end. */
  private void recover() throws IOException {
    byte[] all = Files.readAllBytes(path);
    int end = all.length;
    while (end > 0 && all[end - 1] != '\n') {
      end--;
    }
    if (end < all.length) {
      channel.truncate(end);
      channel.force(true);
    }
    for (String line : new String(all, 0, end, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        try {
          ids.add(JSON.readTree(line).path("id").asText(""));
        } catch (IOException e) {
          throw new IOException("line is not JSON: " + line.substring(0, Math.min(60, line.length())), e);
        }
      }
    }
    channel.position(channel.size());
  }

  /** The file's path. */
  public Path path() {
    return path;
  }

  /**
   * Appends one labelled message, unless a line with its id is in the file already.
   *
   * @param id       the case id, unique per draft
   * @param text     the customer's message; a blank one is not written
   * @param language ISO 639-1, or empty
   * @param verdict  the agent's verdict
   * @param article  the draft's article
   * @return whether a line was written
   * @throws UncheckedIOException when the file cannot be written (the event is tried again)
   */
  public synchronized boolean append(String id, String text, String language, DraftVerdict verdict, String article) {
    if (text.isBlank() || ids.contains(id)) {
      return false;
    }
    ObjectNode line = JSON.createObjectNode().put("id", id).put("text", text.strip());
    if (language.matches("[a-z]{2}")) {
      line.put("language", language);
    }
    if (verdict == DraftVerdict.REPLACED) {
      line.put("expect", "no_answer");
    } else {
      line.put("expect", "answer").put("article", article);
    }
    long start = -1;
    try {
      start = channel.size();
      var bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
      channel.position(start);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      cutBackTo(start); // no torn line left for the next append
      throw new UncheckedIOException("cannot write the draft verdicts file " + path, e);
    }
    ids.add(id);
    return true;
  }

  private void cutBackTo(long size) {
    if (size >= 0) {
      try {
        channel.truncate(size);
      } catch (IOException ignored) {
        // the cut line is cut away at the next open
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing: nothing left to write
    }
  }
}
