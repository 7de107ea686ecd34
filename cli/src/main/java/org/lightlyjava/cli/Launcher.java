package org.lightlyjava.cli;

import org.lightlyjava.run.Outcome;
import org.lightlyjava.run.RunContext;
import org.lightlyjava.run.Workflows;

/** Runs the workflow of a tool; {@link #WORKFLOWS} in production, a fake in tests. */
@FunctionalInterface
interface Launcher {

    /** The real entry points of {@link Workflows}. */
    Launcher WORKFLOWS =
            (tool, ctx) ->
                    switch (tool) {
                        case TRAIN -> Workflows.train(ctx);
                        case EMBED -> Workflows.embed(ctx);
                        case MAGIC -> Workflows.magic(ctx);
                        case UPLOAD, DOWNLOAD, VERSION ->
                                throw new IllegalArgumentException(
                                        tool.command() + " has no workflow");
                    };

    Outcome launch(Tool tool, RunContext ctx);
}
