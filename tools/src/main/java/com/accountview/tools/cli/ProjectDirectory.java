package com.accountview.tools.cli;

/**
 * Where the repository is, for the options whose defaults lie in it. The {@code ./accountview} script
 * runs in its caller's directory, so that relative paths given on the command line mean what the caller
 * sees, and hands the jar the repository as the system property {@code accountview.project-dir}; the
 * jar run on its own takes the current directory.
 */
public final class ProjectDirectory {

    /** A picocli default value: the repository, as the script names it, else the current directory. */
    public static final String DEFAULT = "${sys:accountview.project-dir:-.}";

    /** The default data directory of a local run, which {@code rebuild} reads the admin token from. */
    public static final String RUN_DATA = DEFAULT + "/.run-data";

    private ProjectDirectory() {
    }
}
