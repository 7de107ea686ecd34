package org.lightlyjava.train;

import java.util.SplittableRandom;
import org.lightlyjava.augment.SimClrAugment;
import org.lightlyjava.dataset.Sample;
import org.lightlyjava.image.RgbImage;
import org.lightlyjava.pipeline.ImageLoader;
import org.lightlyjava.pipeline.Loaded;

/**
 * Two augmented views of one sample for one training step, made on a worker thread.
 *
 * @param visit which epoch and sample
 * @param view0 the first view as normalised CHW floats, or {@code null} on failure
 * @param view1 the second view
 * @param error why the image could not be used, or {@code null}
 */
record Views(EpochPlan.Visit visit, Sample sample, float[] view0, float[] view1, String error) {

    /** Makes the views of a visit; the random draws depend only on the seed, epoch and index. */
    static Views make(
            EpochPlan.Visit visit,
            Sample sample,
            ImageLoader loader,
            SimClrAugment augment,
            int inputSize,
            long seed) {
        Loaded loaded = loader.load(sample);
        if (!loaded.ok()) {
            return new Views(visit, sample, null, null, loaded.error());
        }
        RgbImage image = loaded.image().image();
        SplittableRandom random =
                new SplittableRandom(Seeds.mix(seed, visit.epoch(), visit.index()));
        int length = 3 * inputSize * inputSize;
        float[] view0 = new float[length];
        float[] view1 = new float[length];
        augment.viewTensor(image, random, view0, 0);
        augment.viewTensor(image, random, view1, 0);
        return new Views(visit, sample, view0, view1, null);
    }
}
