package io.deskbridge.app;

import io.deskbridge.core.error.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How every command ends on an error. A mistake the user can fix (a {@link ConfigException}, any other
 * {@link IllegalArgumentException}, a file that cannot be read or written) prints one line {@code error: <message>}
 * on standard error and exits with 2; anything else (a bug) prints one line too, with exit code 1. With
 * {@code --verbose} the stack trace follows the line. A command-line mistake (unknown option, missing value) prints
 * picocli's one-line message and how to get help, exit code 2.
 */
final class UserErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** The exit code of a mistake the user can fix. */
  static final int USAGE = 2;

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    boolean usersMistake = isUsersMistake(failure);
    err.println("error: " + oneLine(failure, usersMistake)
        + (usersMistake || verbose(parsed) ? "" : " (an unexpected failure; --verbose shows the stack trace)"));
    if (verbose(parsed)) {
      failure.printStackTrace(err);
    }
    err.flush();
    return usersMistake ? USAGE : 1;
  }

  @Override
  public int handleParseException(ParameterException mistake, String[] args) {
    CommandLine command = mistake.getCommandLine();
    PrintWriter err = command.getErr();
    var unmatched = command.getUnmatchedArguments();
    if (!(mistake instanceof CommandLine.UnmatchedArgumentException) && !unmatched.isEmpty()) {
      // an unknown option hides behind "missing required option": name the typo first
      mistake = new CommandLine.UnmatchedArgumentException(command, unmatched);
    }
    err.println("error: " + mistake.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(mistake, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
    err.flush();
    return USAGE;
  }

  static boolean isUsersMistake(Throwable failure) {
    return failure instanceof IllegalArgumentException || failure instanceof UncheckedIOException
        || failure instanceof IOException;
  }

  private static String oneLine(Throwable failure, boolean usersMistake) {
    String message = failure.getMessage();
    if (failure instanceof UncheckedIOException u && u.getCause() != null && message != null
        && !message.contains(String.valueOf(u.getCause().getMessage()))) {
      message = message + " (" + u.getCause().getClass().getSimpleName() + ": " + u.getCause().getMessage() + ")";
    }
    if (message == null || message.isBlank() || !usersMistake) {
      message = failure.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Whether {@code --verbose} was given to any command on the line (the demo's own option counts). */
  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(VerboseOption.NAME)) {
        return true;
      }
    }
    return false;
  }
}
