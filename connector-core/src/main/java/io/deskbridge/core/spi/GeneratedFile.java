package io.deskbridge.core.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A file an installer generates (a metadata package's part, a template to paste, a secret it fetched), written only
 * when missing or different, so that running {@code install} twice reports it {@link InstallStep.Kind#PRESENT}.
 *
 * @param file    where it goes
 * @param content its text, UTF-8
 * @param secret  whether it holds a secret: then it is readable by its owner only, and the step does not show it
 * @param label   what it is, for the step's line, e.g. {@code Salesforce metadata package.xml}
 */
public record GeneratedFile(Path file, String content, boolean secret, String label) {

  /** Writes the file when it is missing or differs (not in a dry run) and says which. */
  public InstallStep write(boolean dryRun) {
    var current = read();
    if (current.isPresent() && same(current.get())) {
      return InstallStep.present(label + " " + file);
    }
    if (!dryRun) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".deskbridge-", ".tmp");
        if (secret) {
          try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
          } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's permissions must protect it
          }
        }
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": check the folder exists and is writable", e);
      }
    }
    return current.isPresent() ? InstallStep.updated(label + " " + file) : InstallStep.created(label + " " + file);
  }

  /** Removes the file when it is there (not in a dry run). */
  public InstallStep remove(boolean dryRun) {
    if (!Files.exists(file)) {
      return InstallStep.absent(label + " " + file);
    }
    if (!dryRun) {
      try {
        Files.delete(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + file, e);
      }
    }
    return InstallStep.removed(label + " " + file);
  }

  /** A problem when the file is missing or differs from what {@code install} would write now. */
  public Optional<InstallProblem> problem(String installationId) {
    var current = read();
    if (current.isEmpty()) {
      return Optional.of(new InstallProblem(label + " " + file, "is missing: run install --installation "
          + installationId));
    }
    if (!same(current.get())) {
      return Optional.of(new InstallProblem(label + " " + file, "differs from what the configuration gives now: run "
          + "install --installation " + installationId + (secret ? "" : " and apply it again")));
    }
    return Optional.empty();
  }

  /** A secret file is read as {@code Secret.fromFile} reads it: surrounding white space does not count. */
  private boolean same(String current) {
    return secret ? current.strip().equals(content.strip()) : current.equals(content);
  }

  private Optional<String> read() {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public String toString() {
    return "GeneratedFile[" + file + (secret ? ", ****]" : "]");
  }
}
