package org.lightlyjava.run;

/**
 * The entry points the commands call; each returns how it went or throws a {@link ToolException}.
 */
public final class Workflows {

    private Workflows() {}

    public static Outcome train(RunContext ctx) {
        throw new ToolException(ExitCode.INTERNAL, "lightly-train is being built");
    }

    public static Outcome embed(RunContext ctx) {
        throw new ToolException(ExitCode.INTERNAL, "lightly-embed is being built");
    }

    public static Outcome magic(RunContext ctx) {
        throw new ToolException(ExitCode.INTERNAL, "lightly-magic is being built");
    }
}
