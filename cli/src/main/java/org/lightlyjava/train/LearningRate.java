package org.lightlyjava.train;

/**
 * The learning rate of each optimizer step: constant (Lightly's recipe), or a linear warmup
 * followed by a cosine decay to zero over the whole run (an opt-in recipe for small data sets).
 *
 * @param base {@code optimizer.lr}
 * @param cosine whether to decay ({@code optimizer.scheduler=cosine})
 * @param warmupSteps steps of linear warmup from {@code base / warmupSteps} to {@code base}
 * @param totalSteps steps of the whole run, warmup included
 */
record LearningRate(double base, boolean cosine, long warmupSteps, long totalSteps) {

    /** Lightly's schedule: the same rate at every step. */
    static LearningRate constant(double base) {
        return new LearningRate(base, false, 0, 1);
    }

    /** The rate of step {@code step}, counted from 0 over the whole run. */
    double at(long step) {
        if (step < warmupSteps) {
            return base * (step + 1) / warmupSteps;
        }
        if (!cosine) {
            return base;
        }
        long span = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / span);
        return base * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
