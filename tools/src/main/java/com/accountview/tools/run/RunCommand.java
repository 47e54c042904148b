package com.accountview.tools.run;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code run}: the whole system locally. */
@Command(name = "run", description = "Runs AccountView locally.")
public final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }
}
