/**
 * Selection over embeddings, as pure computations on rows of floats: k-center greedy ({@link
 * org.lightlyjava.server.selection.KCenterGreedy}, Lightly's {@code CORESET}), seeded random choice
 * ({@link org.lightlyjava.server.selection.RandomPicks}) and near-duplicate groups ({@link
 * org.lightlyjava.server.selection.NearDuplicates}). No I/O: the services load the rows and make
 * the tags.
 */
package org.lightlyjava.server.selection;
