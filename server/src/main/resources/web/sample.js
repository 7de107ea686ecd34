// One sample: the full image, Lightly's metadata, EXIF and custom metadata.
import { api, ds, imageProblem, imageUrl } from './api.js';
import { bytes, h, num, show, when } from './dom.js';
import { configuredKeys, configuredTable } from './metadata.js';

function valueText(value) {
    if (Array.isArray(value)) {
        return value.map((v) => num(v)).join(', ');
    }
    if (value !== null && typeof value === 'object') {
        return JSON.stringify(value);
    }
    return typeof value === 'number' ? num(value) : String(value);
}

function table(id, object, skip = []) {
    const keys = Object.keys(object || {}).filter((k) => !skip.includes(k));
    if (keys.length === 0) {
        return h('p', { class: 'muted', id, text: 'none' });
    }
    return h('table', { class: 'kv', id }, h('tbody', {}, keys.map((key) => h('tr', {},
        h('th', { text: key }), h('td', { text: valueText(object[key]) })))));
}

export async function sampleView(body, dataset, sampleId) {
    const [sample, keys] = await Promise.all([
        api(ds(dataset.id, `/samples/${encodeURIComponent(sampleId)}`)), configuredKeys(dataset.id)]);
    const meta = sample.metaData || {};
    const image = h('img', { class: 'full', alt: sample.fileName });
    image.addEventListener('error', () => {
        if (!image.dataset.fallback) {
            image.dataset.fallback = 'thumbnail';
            image.src = imageUrl(dataset.id, sample.id, 'thumbnail');
        } else {
            const note = h('p', { class: 'muted why-detail', text: 'No image or thumbnail can be shown: '
                + 'it was never uploaded, or the datasource cannot be read.' });
            image.replaceWith(note);
            imageProblem(dataset.id, sample.id).then((reason) => {
                note.textContent = `No image or thumbnail can be shown: ${reason}`;
            });
        }
    });
    image.src = imageUrl(dataset.id, sample.id, 'full');
    const shape = Array.isArray(meta.shape) ? `${meta.shape[1]} × ${meta.shape[0]}` : '';
    show(body, h('section', { class: 'sample-detail', id: 'sample' },
        h('p', {}, h('a', { href: `#/d/${encodeURIComponent(dataset.id)}/samples`,
            text: '‹ back to the samples' })),
        h('h2', { text: sample.fileName }),
        h('div', { class: 'detail' },
            h('div', { class: 'image' }, image),
            h('div', { class: 'facts' },
                h('table', { class: 'kv' }, h('tbody', {},
                    h('tr', {}, h('th', { text: 'index' }), h('td', { text: String(sample.index) })),
                    h('tr', {}, h('th', { text: 'id' }), h('td', { text: sample.id })),
                    h('tr', {}, h('th', { text: 'size' }), h('td', { text: bytes(meta.sizeInBytes) })),
                    h('tr', {}, h('th', { text: 'width × height' }), h('td', { text: shape })),
                    h('tr', {}, h('th', { text: 'created' }), h('td', { text: when(sample.createdAt) })))),
                h('h3', { text: 'Metadata' }), table('meta', meta, ['shape', 'sizeInBytes']),
                h('h3', { text: 'EXIF' }), table('exif', sample.exif),
                h('h3', { text: 'Custom metadata' }),
                configuredTable(keys, sample.customMetaData, valueText),
                sample.customMetaData
                    ? h('pre', { id: 'custom', text: JSON.stringify(sample.customMetaData, null, 2) })
                    : h('p', { class: 'muted', id: 'custom', text: 'none' })))));
}
