/**
 * What the commands of the command line share: how people call it, for the commands a command
 * suggests ({@link Invocation}), where the repository is, for the options whose defaults lie in it
 * ({@link ProjectDirectory}), how durations are written in options and messages
 * ({@link DurationConverter}), the file {@code -}, which is standard input or output
 * ({@link CommandLineFiles}), the progress line of long runs ({@link ProgressBar}: publishing,
 * generating, the local run's demo data and projection, the benchmark's history), and the layout of
 * every command's help ({@link UsageHelp}: lines break between words only). All but the progress
 * line, which belongs to one run, and the help, which picocli makes anew for each use, are stateless
 * and thread-safe; depends on no other package of the tools.
 */
package com.accountview.tools.cli;
