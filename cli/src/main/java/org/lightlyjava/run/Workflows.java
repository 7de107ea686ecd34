package org.lightlyjava.run;

import org.lightlyjava.embed.EmbedWorkflow;
import org.lightlyjava.magic.MagicWorkflow;
import org.lightlyjava.train.TrainWorkflow;

/**
 * The entry points the commands call; each returns how it went or throws a {@link ToolException}.
 */
public final class Workflows {

    private static final String TOOL = "lightly-java";

    private Workflows() {}

    public static Outcome train(RunContext ctx) {
        return TrainWorkflow.run(ctx, TOOL).outcome();
    }

    public static Outcome embed(RunContext ctx) {
        return EmbedWorkflow.run(ctx, false).outcome();
    }

    public static Outcome magic(RunContext ctx) {
        return MagicWorkflow.run(ctx, TOOL);
    }
}
