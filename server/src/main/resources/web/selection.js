// Selection on the server: RANDOM or CORESET sampling into a new tag, and near-duplicates
// (groups within maxDistance, and a tag of what remains). Both run as jobs polled until done.
import { api, ds, initialTag, pollJob, tags, thumbnail } from './api.js';
import { h, show, toast } from './dom.js';
import { count } from './bitmask.js';

function optionalTag(id, label, tagList) {
    return h('label', {}, label, ' ', h('select', { id },
        h('option', { value: '', text: 'none' }),
        tagList.map((t) => h('option', { value: t.id, text: t.name }))));
}

function defaultName(method, n, minDistance) {
    const d = new Date();
    const two = (v) => String(v).padStart(2, '0');
    return `${method}_${n}_${minDistance}_${two(d.getMonth() + 1)}_${two(d.getDate())}_${d.getFullYear()}`
        + `__${two(d.getHours())}_${two(d.getMinutes())}_${two(d.getSeconds())}`;
}

function tagLink(dataset, tag) {
    return h('a', { class: 'new-tag', href: `#/d/${encodeURIComponent(dataset.id)}/samples?tagId=`
        + encodeURIComponent(tag.id), text: tag.name });
}

function samplingForm(dataset, embedding, tagList, out) {
    const method = h('select', { id: 'select-method' },
        ['CORESET', 'RANDOM', 'ACTIVE_LEARNING', 'CORAL']
            .map((m) => h('option', { value: m, text: m })));
    const n = h('input', { id: 'select-n', type: 'number', min: 1, required: true,
        value: String(Math.min(10, dataset.nSamples)) });
    const minDistance = h('input', { id: 'select-min-distance', type: 'number', step: 'any',
        value: '-1', title: 'stop when no sample is farther than this from the selected ones; -1: off' });
    const name = h('input', { id: 'select-name', placeholder: 'new tag name (default: method, n, date)' });
    const submit = async (event) => {
        event.preventDefault();
        const preselected = document.getElementById('select-preselected').value;
        const query = document.getElementById('select-query').value;
        const tagName = name.value.trim() || defaultName(method.value, n.value, minDistance.value);
        const root = initialTag(tagList);
        show(out, h('p', { class: 'muted', text: 'Starting…' }));
        try {
            const job = await api(ds(dataset.id, `/embeddings/${encodeURIComponent(embedding.id)}/sampling`),
                { method: 'POST', body: {
                    newTagName: tagName, method: method.value,
                    config: { stoppingCondition: { nSamples: Number(n.value),
                        minDistance: Number(minDistance.value) } },
                    preselectedTagId: preselected || undefined, queryTagId: query || undefined,
                    rowCount: root ? root.totSize : dataset.nSamples } });
            const done = await pollJob(job.jobId, (status) => show(out,
                h('p', { class: 'muted', text: `Job ${status.status.toLowerCase()}…` })));
            const tag = await api(ds(dataset.id, `/tags/${encodeURIComponent(done.result.data)}`));
            show(out, h('p', { id: 'select-result' }, 'Made ', tagLink(dataset, tag),
                ` with ${count(tag.bitMaskData).toLocaleString('en')} samples.`));
            name.value = '';
        } catch (e) {
            show(out, h('p', { class: 'error', text: e.message }));
        }
    };
    return h('form', { class: 'controls', id: 'sampling', onsubmit: submit },
        h('label', {}, 'Method ', method), h('label', {}, 'Samples ', n),
        h('label', {}, 'Min. distance ', minDistance),
        optionalTag('select-preselected', 'Preselected', tagList),
        optionalTag('select-query', 'Query tag', tagList), name,
        h('button', { type: 'submit', id: 'select-run', text: 'Run selection' }));
}

function groupsView(dataset, answer) {
    if (!answer.groups || answer.groups.length === 0) {
        return h('p', { class: 'muted', id: 'duplicate-groups', text: 'No near-duplicates within '
            + `${answer.maxDistance}.` });
    }
    return h('div', { id: 'duplicate-groups' },
        h('p', { text: `${answer.groups.length} groups of near-duplicates within ${answer.maxDistance}.` }),
        answer.groups.map((group) => h('div', { class: 'group' },
            group.sampleIds.map((id, k) => h('a', { class: 'thumb',
                href: `#/d/${encodeURIComponent(dataset.id)}/s/${encodeURIComponent(id)}` },
            h('figure', {}, thumbnail(h('img', { alt: group.fileNames[k], loading: 'lazy' }), dataset.id, id),
                h('figcaption', {}, h('span', { class: 'name', text: group.fileNames[k] }))))))));
}

function duplicatesForm(dataset, embedding, out) {
    const maxDistance = h('input', { id: 'dup-max-distance', type: 'number', step: 'any', min: 0,
        value: '0.1', required: true });
    const name = h('input', { id: 'dup-name', placeholder: 'name of the tag (optional)' });
    const submit = async (event) => {
        event.preventDefault();
        const path = ds(dataset.id, `/embeddings/${encodeURIComponent(embedding.id)}/duplicates`);
        show(out, h('p', { class: 'muted', text: 'Starting…' }));
        try {
            const body = { maxDistance: Number(maxDistance.value) };
            if (name.value.trim()) {
                body.newTagName = name.value.trim();
            }
            const job = await api(path, { method: 'POST', body });
            await pollJob(job.jobId, (status) => show(out,
                h('p', { class: 'muted', text: `Job ${status.status.toLowerCase()}…` })));
            const answer = await api(`${path}/${encodeURIComponent(job.jobId)}`);
            const tag = answer.tagId
                ? await api(ds(dataset.id, `/tags/${encodeURIComponent(answer.tagId)}`)) : null;
            show(out, tag ? h('p', { id: 'dup-tag' }, 'Tag ', tagLink(dataset, tag),
                ` holds the ${count(tag.bitMaskData).toLocaleString('en')} samples to drop (all `
                + 'but one of each group).') : null,
            groupsView(dataset, answer));
        } catch (e) {
            show(out, h('p', { class: 'error', text: e.message }));
        }
    };
    return h('form', { class: 'controls', id: 'duplicates', onsubmit: submit },
        h('label', {}, 'Max. distance ', maxDistance), name,
        h('button', { type: 'submit', id: 'dup-run', text: 'Find near-duplicates' }));
}

export async function selectionView(body, dataset) {
    const [embeddings, tagList] = await Promise.all([api(ds(dataset.id, '/embeddings')),
        tags(dataset.id)]);
    const embedding = embeddings.find((e) => e.isProcessed);
    if (!embedding) {
        show(body, h('p', { class: 'muted', text: 'Selection needs an embedding: upload one with '
            + 'lightly-magic or lightly-upload first.' }));
        return;
    }
    if (tagList.length === 0) {
        toast('This dataset has no tags yet; the upload makes the initial tag.', true);
    }
    const samplingOut = h('div', { class: 'result' });
    const duplicatesOut = h('div', { class: 'result' });
    show(body,
        h('p', { class: 'muted', text: `On the embedding "${embedding.name}".` }),
        h('section', {}, h('h3', { text: 'Select samples' }),
            h('p', { class: 'muted', text: 'CORESET picks samples far apart in the embedding '
                + '(diverse); RANDOM picks at random; ACTIVE_LEARNING and CORAL weigh the scores '
                + 'uploaded to the query tag (else the initial tag) equally against diversity. '
                + 'Samples counts the preselected tag\'s too.' }),
            samplingForm(dataset, embedding, tagList, samplingOut), samplingOut),
        h('section', {}, h('h3', { text: 'Near-duplicates' }),
            h('p', { class: 'muted', text: 'Groups of samples whose embeddings lie within the '
                + 'distance of each other (directly or through a chain), and a tag of the samples '
                + 'to drop.' }),
            duplicatesForm(dataset, embedding, duplicatesOut), duplicatesOut));
}
