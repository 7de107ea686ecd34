// The page's entry: sign-in, the router (#/..., so reloads and links work) and the datasets list.
import { api, ds, whenSignedOut } from './api.js';
import { bytes, h, show, toast, when } from './dom.js';
import { datasourceView } from './datasource.js';
import { gridView } from './grid.js';
import { mapView } from './map.js';
import { sampleView } from './sample.js';
import { selectionView } from './selection.js';
import { sharingView } from './sharing.js';
import { tagsView } from './tags.js';

const main = document.getElementById('main');
const crumbs = document.getElementById('crumbs');
const who = document.getElementById('who');
const signOutButton = document.getElementById('signout');

const TABS = [
    ['samples', 'Samples', gridView],
    ['map', 'Embedding map', mapView],
    ['tags', 'Tags', tagsView],
    ['select', 'Selection', selectionView],
    ['datasource', 'Datasource', datasourceView],
    ['sharing', 'Sharing', sharingView], // the owner's only
];

let user = null;
let renderCount = 0;

/** The route in the address: path parts and query parameters after '#'. */
function route() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, query = ''] = hash.split('?');
    return { parts: path.split('/').filter(Boolean).map(decodeURIComponent),
        params: new URLSearchParams(query) };
}

let signInNote = '';

function signInView() {
    const token = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true,
        placeholder: 'token', 'aria-label': 'token' });
    const status = h('p', { class: 'muted', text: signInNote });
    const form = h('form', { id: 'signin', class: 'card narrow', onsubmit: async (event) => {
        event.preventDefault();
        status.textContent = 'Signing in…';
        try {
            const answer = await api('/v1/lightly-java/session', { method: 'POST',
                body: { token: token.value } });
            token.value = '';
            signedIn(answer.user);
            render();
        } catch (e) {
            status.textContent = e.message;
        }
    } },
    h('h1', { text: 'Sign in' }),
    h('p', { text: 'Open the link "lightly-server browse" prints, or paste a token from '
        + '"lightly-server token create --user NAME". It is sent once; the browser then keeps a '
        + 'session cookie, never the token.' }),
    token, h('button', { type: 'submit', text: 'Sign in' }), status);
    crumbs.replaceChildren();
    show(main, form);
    token.focus();
}

function signedIn(name) {
    user = name;
    who.textContent = name;
    signOutButton.hidden = false;
}

signOutButton.addEventListener('click', async () => {
    try {
        await api('/v1/lightly-java/session', { method: 'DELETE' });
    } finally {
        user = null;
        who.textContent = '';
        signOutButton.hidden = true;
        signInView();
    }
});

whenSignedOut(() => {
    user = null;
    who.textContent = '';
    signOutButton.hidden = true;
    signInView();
});

/** The mark of a dataset another user shared with the signed-in one: "shared · read|write". */
function sharedMark(dataset) {
    if (!dataset.accessType) {
        return null;
    }
    const role = dataset.accessType.toLowerCase();
    const may = role === 'write' ? 'read and change' : 'only read';
    return h('span', { class: 'badge shared', 'data-role': role, text: `shared · ${role}`,
        title: `Shared with you by its owner: you may ${may} it.` });
}

async function datasetsView() {
    crumbs.replaceChildren();
    // Lightly's lists: the user's own datasets, and (shared=true) those shared with them.
    const [own, shared] = await Promise.all(
        [api('/v1/datasets'), api('/v1/datasets?shared=true')]);
    const list = own.concat(shared);
    const rows = list.sort((a, b) => b.createdAt - a.createdAt).map((d) => h('tr', {},
        h('td', {}, h('a', { href: `#/d/${encodeURIComponent(d.id)}`, text: d.name }),
            sharedMark(d)),
        h('td', { class: 'num', text: d.nSamples.toLocaleString('en') }),
        h('td', { class: 'num', text: bytes(d.sizeInBytes) }),
        h('td', { text: when(d.createdAt) })));
    show(main, h('section', { class: 'card' },
        h('h1', { text: 'Datasets' }),
        list.length === 0
            ? h('p', { class: 'muted', text: 'No datasets yet: upload with lightly-upload or '
                + 'lightly-magic.' })
            : h('table', { class: 'list', id: 'datasets' },
                h('thead', {}, h('tr', {}, h('th', { text: 'name' }), h('th', { text: 'samples' }),
                    h('th', { text: 'size' }), h('th', { text: 'created' }))),
                h('tbody', {}, rows))));
}

async function datasetView(datasetId, tab, rest, params) {
    const dataset = await api(ds(datasetId));
    crumbs.replaceChildren(h('span', { text: '›' }),
        h('a', { href: `#/d/${encodeURIComponent(datasetId)}`, text: dataset.name }));
    const body = h('div', { class: 'tab-body' });
    const tabs = TABS.filter(([key]) => key !== 'sharing' || !dataset.accessType);
    const nav = h('nav', { class: 'tabs' }, tabs.map(([key, label]) => h('a', {
        href: `#/d/${encodeURIComponent(datasetId)}/${key}`,
        class: key === tab ? 'active' : '', text: label })));
    show(main, h('section', { class: 'dataset' },
        h('div', { class: 'dataset-head' }, h('h1', { text: dataset.name }), sharedMark(dataset),
            h('span', { class: 'muted',
                text: `${dataset.nSamples.toLocaleString('en')} samples · ${bytes(dataset.sizeInBytes)}` })),
        nav, body));
    if (tab === 's') {
        await sampleView(body, dataset, rest[0]);
        return;
    }
    const view = (tabs.find(([key]) => key === tab) || TABS[0])[2];
    await view(body, dataset, params);
}

/** Draws the page for the current address. */
export async function render() {
    const mine = ++renderCount;
    if (!user) {
        try {
            signedIn((await api('/v1/lightly-java/session')).user);
        } catch (e) {
            signInView();
            return;
        }
    }
    const { parts, params } = route();
    try {
        if (parts[0] === 'd' && parts[1]) {
            await datasetView(parts[1], parts[2] || 'samples', parts.slice(3), params);
        } else {
            await datasetsView();
        }
    } catch (e) {
        if (mine === renderCount && e.status !== 401) {
            show(main, h('section', { class: 'card' }, h('h1', { text: 'Something went wrong' }),
                h('p', { class: 'error', text: e.message })));
            toast(e.message, true);
        }
    }
}

/**
 * A link from "lightly-server browse" (#signin=<token>): the secret leaves the address (and so the
 * history) before anything else happens, then is traded once for the session cookie.
 */
async function signInFromLink() {
    const link = /^#signin=([^&#/]+)$/.exec(location.hash);
    if (!link) {
        return;
    }
    history.replaceState(null, '', location.pathname + location.search);
    try {
        const answer = await api('/v1/lightly-java/session', { method: 'POST',
            body: { token: decodeURIComponent(link[1]) } });
        signedIn(answer.user);
    } catch (e) {
        signInNote = 'This sign-in link no longer works (' + e.message + '): run lightly-server '
            + 'browse again and open the new link.';
    }
}

window.addEventListener('hashchange', render);
signInFromLink().then(render);
