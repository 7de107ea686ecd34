// The samples grid: pages of thumbnails from lightly-java's listing route, sorted and filtered
// by metadata or active-learning scores, optionally within a tag. The state lives in the address
// (#/d/<id>/samples?...).
import { api, tags, thumbnail } from './api.js';
import { bytes, h, num, show } from './dom.js';
import { count } from './bitmask.js';
import { configuredKeys, keyGroup } from './metadata.js';

const PAGE = 120;
const FIELDS = [
    ['index', 'creation order'], ['fileName', 'file name'], ['sizeInBytes', 'file size'],
    ['sharpness', 'sharpness'], ['snr', 'SNR'], ['width', 'width'], ['height', 'height'],
];

// keys: the custom metadata configuration's keys; extra: more [key, label] pairs, such as the
// dataset's active-learning scores (score.<id>)
function fieldSelect(id, value, withNone, keys, extra = []) {
    const options = FIELDS.filter(([key]) => !withNone || key !== 'fileName').concat(extra)
        .map(([key, label]) => h('option', { value: key, text: label, selected: key === value }));
    if (withNone) {
        options.unshift(h('option', { value: '', text: 'no filter', selected: !value }));
    }
    return h('select', { id }, options, keys.length ? keyGroup(keys, value) : null);
}

/** Whether the field is one of the select's options (else the free custom key names it). */
function isOffered(field, keys) {
    return FIELDS.some(([key]) => key === field) || field.startsWith('score.')
        || keys.some((k) => k.key === field && !k.why);
}

/** The dataset's scores as fields: score.<id>, labelled with their type and tag. */
async function scoreFields(datasetId) {
    const scores = await api(`/v1/lightly-java/datasets/${encodeURIComponent(datasetId)}/scores`);
    return scores.map((s) => ['score.' + s.id, `score ${s.scoreType} (${s.tagName})`]);
}

/** The query of the listing route from the address's parameters. */
function listingQuery(params, offset) {
    const query = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
    for (const key of ['sort', 'order', 'tagId']) {
        if (params.get(key)) {
            query.set(key, params.get(key));
        }
    }
    if (params.get('filter')) {
        query.append('filter', params.get('filter'));
    }
    return query;
}

function caption(sample, sort, keys) {
    let extra = '';
    if (sort && sort.startsWith('custom.')) {
        const key = keys.find((k) => k.key === sort);
        extra = (key ? `${key.name} ` : '') + num(sample.value);
    } else if (sort && sort.startsWith('score.')) {
        extra = num(sample.value);
    } else if (sort === 'sizeInBytes') {
        extra = bytes(sample.sizeInBytes);
    } else if (sort && sort !== 'index' && sort !== 'fileName') {
        extra = num(sample[sort]);
    }
    return h('figcaption', {}, h('span', { class: 'name', text: sample.fileName }),
        extra !== '' ? h('span', { class: 'value', text: extra }) : null);
}

export async function gridView(body, dataset, params) {
    const base = `#/d/${encodeURIComponent(dataset.id)}/samples`;
    const [tagList, keys] = await Promise.all([tags(dataset.id), configuredKeys(dataset.id)]);
    const page = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
    const sort = params.get('sort') || 'index';
    const [filterField = '', filterMin = '', filterMax = ''] = (params.get('filter') || '').split(':');

    const scores = await scoreFields(dataset.id);
    const sortSelect = fieldSelect('sort', isOffered(sort, keys) ? sort : 'index', false, keys,
        scores);
    const customSort = h('input', { id: 'sort-custom', placeholder: 'or custom key, e.g. weather.temp',
        value: !isOffered(sort, keys) && sort.startsWith('custom.') ? sort.slice(7) : '' });
    const order = h('select', { id: 'order' },
        h('option', { value: 'asc', text: 'ascending', selected: params.get('order') !== 'desc' }),
        h('option', { value: 'desc', text: 'descending', selected: params.get('order') === 'desc' }));
    const tagSelect = h('select', { id: 'grid-tag' },
        h('option', { value: '', text: 'all samples' }),
        tagList.map((t) => h('option', { value: t.id, selected: t.id === params.get('tagId'),
            text: `${t.name} (${count(t.bitMaskData).toLocaleString('en')})` })));
    const filterSelect = fieldSelect('filter-field', isOffered(filterField, keys) ? filterField : '',
        true, keys, scores);
    const customFilter = h('input', { id: 'filter-custom', placeholder: 'or custom key',
        value: !isOffered(filterField, keys) && filterField.startsWith('custom.')
            ? filterField.slice(7) : '' });
    const min = h('input', { id: 'filter-min', type: 'number', step: 'any', placeholder: 'min',
        value: filterMin });
    const max = h('input', { id: 'filter-max', type: 'number', step: 'any', placeholder: 'max',
        value: filterMax });

    const apply = (event) => {
        if (event) {
            event.preventDefault();
        }
        const next = new URLSearchParams();
        const sortKey = customSort.value.trim() ? 'custom.' + customSort.value.trim() : sortSelect.value;
        if (sortKey !== 'index') {
            next.set('sort', sortKey);
        }
        if (order.value === 'desc') {
            next.set('order', 'desc');
        }
        if (tagSelect.value) {
            next.set('tagId', tagSelect.value);
        }
        const field = customFilter.value.trim() ? 'custom.' + customFilter.value.trim()
            : filterSelect.value;
        if (field) {
            next.set('filter', `${field}:${min.value}:${max.value}`);
        }
        location.hash = `${base}?${next}`;
    };
    const controls = h('form', { class: 'controls', onsubmit: apply },
        h('label', {}, 'Sort ', sortSelect), customSort, order,
        h('label', {}, 'Tag ', tagSelect),
        h('label', {}, 'Filter ', filterSelect), customFilter, min, max,
        h('button', { type: 'submit', text: 'Apply' }));

    const listing = await api(`/v1/lightly-java/datasets/${encodeURIComponent(dataset.id)}/samples?`
        + listingQuery(params, page * PAGE));
    const pages = Math.max(1, Math.ceil(listing.total / PAGE));
    const goTo = (p) => {
        const next = new URLSearchParams(params);
        next.set('page', String(p));
        return `${base}?${next}`;
    };
    const pager = h('div', { class: 'pager' },
        h('a', { href: goTo(0), class: page > 0 ? '' : 'disabled', text: '« first' }),
        h('a', { href: goTo(Math.max(0, page - 1)), class: page > 0 ? '' : 'disabled', rel: 'prev',
            text: '‹ previous' }),
        h('span', { id: 'page-info',
            text: `page ${page + 1} of ${pages} · ${listing.total.toLocaleString('en')} samples` }),
        h('a', { href: goTo(Math.min(pages - 1, page + 1)), rel: 'next',
            class: page + 1 < pages ? '' : 'disabled', text: 'next ›' }),
        h('a', { href: goTo(pages - 1), class: page + 1 < pages ? '' : 'disabled', text: 'last »' }));
    const cards = listing.samples.map((sample) => h('a', {
        class: 'thumb', href: `#/d/${encodeURIComponent(dataset.id)}/s/${encodeURIComponent(sample.id)}`,
        title: sample.fileName, 'data-index': sample.index },
    h('figure', {}, thumbnail(h('img', { alt: sample.fileName, loading: 'lazy', decoding: 'async' }),
        dataset.id, sample.id), caption(sample, sort, keys))));
    show(body, controls, pager,
        cards.length ? h('div', { class: 'grid', id: 'grid' }, cards)
            : h('p', { class: 'muted', id: 'grid', text: 'No samples match.' }),
        listing.total > PAGE ? pager.cloneNode(true) : null);
}
