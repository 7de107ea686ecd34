package org.lightlyjava.api.model;

/** {@code {"jobId": "..."}}, the answer to a call that starts a job. */
public record AsyncTaskData(String jobId) {}
