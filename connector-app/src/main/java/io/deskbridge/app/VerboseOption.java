package io.deskbridge.app;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}, mixed into commands: an error then shows its stack trace besides the one line. (The demo has
 * its own {@code --verbose}, which does this too.)
 */
final class VerboseOption {
  /** The option's name, which {@link UserErrors} looks for among the matched options. */
  static final String NAME = "--verbose";

  @Option(names = NAME, description = "show the stack trace of an error")
  boolean verbose;
}
