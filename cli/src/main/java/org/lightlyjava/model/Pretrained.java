package org.lightlyjava.model;

import org.lightlyjava.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lightly's {@code pre_trained=True} downloads SimCLR weights from its model zoo. Nothing is
 * downloaded here, ever: say so once, clearly, and go on from randomly initialised weights.
 */
public final class Pretrained {

    private static final Logger log = LoggerFactory.getLogger(Pretrained.class);

    private Pretrained() {}

    public static void warnUnavailable(Config config, ModelSpec spec) {
        if (config.bool("pre_trained")) {
            log.warn(
                    "pre_trained=True: Lightly's pretrained weights ({}) cannot be downloaded "
                            + "(lightly-java never downloads at run time); starting from randomly "
                            + "initialised weights (seed={}). Train with trainer.max_epochs>0 or pass "
                            + "checkpoint=..., and set pre_trained=False to silence this warning.",
                    spec.zooKey(),
                    config.integer("seed"));
        }
    }
}
