package org.lightlyjava.upload;

import org.lightlyjava.dataset.Sample;

/** Makes a sample ready for upload; thread-safe, reports a bad image as a failed result. */
interface Preparer {

    PreparedSample prepare(Sample sample);
}
