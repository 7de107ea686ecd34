// Calls to lightly-server. The session cookie authenticates them: no token in any URL.

/** An answer other than 2xx, with Lightly's error code. */
export class ApiError extends Error {
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}

let onSignedOut = () => {};

/** What to do when the server answers 401 (the session ended). */
export function whenSignedOut(handler) {
    onSignedOut = handler;
}

/** A request; JSON in and out. */
export async function api(path, { method = 'GET', body } = {}) {
    const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let json = null;
    if (text) {
        try {
            json = JSON.parse(text);
        } catch (e) {
            json = null;
        }
    }
    if (!response.ok) {
        const error = new ApiError(
            response.status,
            json && json.code ? json.code : 'HTTP_' + response.status,
            json && json.message ? json.message : `${method} ${path} answered ${response.status}`);
        if (response.status === 401 && !path.endsWith('/lightly-java/session')) {
            onSignedOut();
        }
        throw error;
    }
    return json;
}

/** The path of a dataset's routes. */
export function ds(datasetId, rest = '') {
    return `/v1/datasets/${encodeURIComponent(datasetId)}${rest}`;
}

/** An image URL for <img>: the server redirects to a fresh signed URL (cookie-authenticated). */
export function imageUrl(datasetId, sampleId, type) {
    return ds(datasetId, `/samples/${encodeURIComponent(sampleId)}/readurlRedirect?type=${type}`);
}

/**
 * A thumbnail that falls back to the full image when the sample has none (the redirect answers
 * 404 then, or the bucket does).
 */
export function thumbnail(img, datasetId, sampleId) {
    img.addEventListener('error', () => {
        if (!img.dataset.fallback) {
            img.dataset.fallback = 'full';
            img.src = imageUrl(datasetId, sampleId, 'full');
        } else {
            img.classList.add('broken');
            explain(img, datasetId, sampleId);
        }
    });
    img.src = imageUrl(datasetId, sampleId, 'thumbnail');
    return img;
}

/**
 * Why a sample's thumbnail (else its image) cannot be shown, from the server, which asks the
 * storage with the stored credentials: "S3: AccessDenied: ... (key ...)", "datasource unusable:
 * ...", "never uploaded ...".
 */
export async function imageProblem(datasetId, sampleId) {
    const ask = (type) => api(ds(datasetId,
        `/samples/${encodeURIComponent(sampleId)}/imageProblem?type=${type}`));
    try {
        const thumb = await ask('thumbnail');
        const problem = thumb.source === 'none' ? await ask('full') : thumb;
        if (problem.reason) {
            return problem.reason;
        }
        return problem.readable ? 'the browser cannot show this file' : 'cannot be shown';
    } catch (e) {
        return e.message;
    }
}

/** Writes the reason over an image that failed to load, instead of a blank tile. */
async function explain(img, datasetId, sampleId) {
    const reason = await imageProblem(datasetId, sampleId);
    const why = document.createElement('span');
    why.className = 'why';
    why.textContent = reason;
    why.title = reason;
    img.after(why);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls GET /v1/jobs/{id} until the job finishes; returns its status (result.data is the new
 * tag's id for selections). Throws with the job's error when it failed.
 */
export async function pollJob(jobId, onProgress = () => {}) {
    for (;;) {
        const job = await api(`/v1/jobs/${encodeURIComponent(jobId)}`);
        onProgress(job);
        if (job.status === 'FINISHED') {
            return job;
        }
        if (job.status === 'FAILED') {
            throw new Error(job.error || 'the job failed');
        }
        const wait = Math.min(Math.max(job.waitTimeTillNextPoll || 1, 0.2), 5);
        await sleep(wait * 1000);
    }
}

/** The dataset's tags, oldest first. */
export async function tags(datasetId) {
    const list = await api(ds(datasetId, '/tags'));
    return list.sort((a, b) => a.createdAt - b.createdAt);
}

/** The initial tag: the root of the tag tree. */
export function initialTag(tagList) {
    return tagList.find((t) => !t.prevTagId) || null;
}
