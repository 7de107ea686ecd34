/**
 * What the API does, apart from HTTP: datasets, samples, tags, embeddings (with their CSV check,
 * reordering and PCA), selection jobs, users and the web page's sessions. Every method validates
 * its input completely before it writes anything, and reports a refusal as an {@link
 * org.lightlyjava.server.service.ApiProblem} carrying Lightly's status and error code.
 */
package org.lightlyjava.server.service;
