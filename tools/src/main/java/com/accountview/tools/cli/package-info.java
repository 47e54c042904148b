/**
 * What every command of the command line shares: how people call it, for the commands a command
 * suggests ({@link Invocation}), where the repository is, for the options whose defaults lie in it
 * ({@link ProjectDirectory}), and how durations are written in options and messages
 * ({@link DurationConverter}). Stateless and thread-safe; depends on no other package of the tools.
 */
package com.accountview.tools.cli;
