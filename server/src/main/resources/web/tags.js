// Tags: the tree (lineage by prevTagId) with sizes, tag arithmetic into a new tag, and links that
// filter the samples grid by a tag.
import { api, ds, tags } from './api.js';
import { h, show, toast, when } from './dom.js';
import { count } from './bitmask.js';

/** Tags in tree order, each with its depth: children under their parent, oldest first. */
function tree(tagList) {
    const ids = new Set(tagList.map((t) => t.id));
    const children = new Map();
    for (const t of tagList) {
        const parent = t.prevTagId && ids.has(t.prevTagId) ? t.prevTagId : '';
        if (!children.has(parent)) {
            children.set(parent, []);
        }
        children.get(parent).push(t);
    }
    const out = [];
    const visit = (parent, depth) => {
        for (const t of children.get(parent) || []) {
            out.push([t, depth]);
            visit(t.id, depth + 1);
        }
    };
    visit('', 0);
    return out;
}

function tagOptions(id, tagList) {
    return h('select', { id, required: true },
        tagList.map((t) => h('option', { value: t.id, text: t.name })));
}

export async function tagsView(body, dataset) {
    const tagList = await tags(dataset.id);
    const names = new Map(tagList.map((t) => [t.id, t.name]));
    const grid = (t) => `#/d/${encodeURIComponent(dataset.id)}/samples?tagId=${encodeURIComponent(t.id)}`;
    const remove = async (t) => {
        if (!window.confirm(`Delete the tag "${t.name}"? Its samples stay.`)) {
            return;
        }
        try {
            await api(ds(dataset.id, `/tags/${encodeURIComponent(t.id)}`), { method: 'DELETE' });
            toast(`Deleted "${t.name}".`);
            await tagsView(body, dataset);
        } catch (e) {
            toast(e.message, true);
        }
    };
    const nameCell = (t, depth) => {
        const cell = h('td', { class: 'tag-name' },
            depth ? h('span', { class: 'muted', text: '└ ' }) : null,
            h('a', { href: grid(t), text: t.name }));
        cell.style.paddingLeft = `${0.5 + depth * 1.4}rem`; // CSSOM: the policy allows no style=""
        return cell;
    };
    const rows = tree(tagList).map(([t, depth]) => h('tr', { 'data-tag-name': t.name,
        'data-tag-id': t.id },
    nameCell(t, depth),
    h('td', { class: 'num size', text: count(t.bitMaskData).toLocaleString('en') }),
    h('td', { class: 'muted', text: t.prevTagId ? names.get(t.prevTagId) || t.prevTagId : '' }),
    h('td', { class: 'muted', text: t.creator || '' }),
    h('td', { class: 'muted', text: when(t.createdAt) }),
    h('td', {}, t.prevTagId ? h('button', { type: 'button', class: 'link', text: 'delete',
        onclick: () => remove(t) }) : null)));

    const a = tagOptions('arith-a', tagList);
    const b = tagOptions('arith-b', tagList);
    const operation = h('select', { id: 'arith-op' },
        ['UNION', 'INTERSECTION', 'DIFFERENCE'].map((op) => h('option', { value: op,
            text: op.toLowerCase() })));
    const name = h('input', { id: 'arith-name', placeholder: 'new tag name', required: true });
    const arithmetic = h('form', { class: 'controls', onsubmit: async (event) => {
        event.preventDefault();
        try {
            await api(ds(dataset.id, '/tags/arithmetics'), { method: 'POST', body: {
                tagId1: a.value, tagId2: b.value, operation: operation.value,
                newTagName: name.value.trim(), creator: 'USER_WEBAPP' } });
            toast(`Made "${name.value.trim()}".`);
            await tagsView(body, dataset);
        } catch (e) {
            toast(e.message, true);
        }
    } }, a, operation, b, h('span', { text: '→' }), name,
    h('button', { type: 'submit', text: 'Make tag' }));

    show(body,
        tagList.length === 0
            ? h('p', { class: 'muted', text: 'No tags yet: the upload makes the initial tag.' })
            : h('table', { class: 'list', id: 'tags' },
                h('thead', {}, h('tr', {}, ['name', 'samples', 'parent', 'creator', 'created', '']
                    .map((label) => h('th', { text: label })))),
                h('tbody', {}, rows)),
        tagList.length >= 1 ? h('section', {}, h('h3', { text: 'Tag arithmetic' }),
            h('p', { class: 'muted', text: 'Union, intersection or difference (in the first, not '
                + 'the second) of two tags, as a new tag under the first. To make a tag from a '
                + 'selection, draw it on the embedding map.' }), arithmetic) : null);
}
