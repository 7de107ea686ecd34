// The dataset's datasource: the form for S3 (any S3-compatible endpoint, static keys or delegated
// access through a role), a LOCAL folder, Azure or GCS (cloudfields.js), the List / Read / Write /
// Overwrite lights from .../datasource/verify with their reasons, and Remove. The secret is
// write-only: the form never shows it, and leaving it empty keeps the stored one. Like Lightly, a
// save is not refused when a light is red: it is stored, and the page warns that images from it
// cannot show until it is fixed.
import { api, ds } from './api.js';
import { h, show, toast } from './dom.js';
import { CLOUD_TYPES, cloudFields } from './cloudfields.js';

const DEFAULT_THUMBS = '.lightly/thumbnails/[filename]_thumb.[extension]';
const LIGHTS = [['canList', 'List'], ['canRead', 'Read'], ['canWrite', 'Write'],
    ['canOverwrite', 'Overwrite']];

function field(label, input, hint) {
    return h('label', { class: 'field' }, h('span', { text: label }), input,
        hint ? h('small', { class: 'muted', text: hint }) : null);
}

function lightsView(lights) {
    return h('ul', { class: 'lights', id: 'lights' }, LIGHTS.map(([key, label]) => h('li', {
        class: lights[key] ? 'green' : 'red', 'data-light': key },
    h('span', { class: 'dot' }), h('strong', { text: label }),
    lights[key] ? null : h('span', { class: 'reason',
        text: (lights.errors && lights.errors[key]) || 'not allowed' }))));
}

async function stored(dataset, purpose) {
    try {
        return await api(ds(dataset.id, `/datasource?purpose=${purpose}`));
    } catch (e) {
        if (e.code === 'DATASET_DATASOURCE_UNKNOWN') {
            return null;
        }
        throw e;
    }
}

export async function datasourceView(body, dataset, params) {
    const purpose = params.get('purpose') || 'INPUT_OUTPUT';
    const config = await stored(dataset, purpose);
    const c = config || {};
    const purposeSelect = h('select', { id: 'ds-purpose', onchange: (event) => {
        location.hash = `#/d/${encodeURIComponent(dataset.id)}/datasource?purpose=${event.target.value}`;
    } }, ['INPUT_OUTPUT', 'INPUT', 'LIGHTLY'].map((p) => h('option', { value: p, text: p,
        selected: p === purpose })));
    const TYPES = [['S3', 'S3 (or S3-compatible)'], ['S3DelegatedAccess', 'S3, delegated access (role)'],
        ['LOCAL', 'LOCAL folder on the server'], ...CLOUD_TYPES];
    const type = h('select', { id: 'ds-type' }, TYPES.map(([t, text]) => h('option', { value: t,
        text, selected: t === (c.type || 'S3') })));
    const clouds = Object.fromEntries(CLOUD_TYPES.map(([t]) => [t, cloudFields(t, c)]));
    const isS3 = (t) => t === 'S3' || t === 'S3DelegatedAccess';
    const s3Path = h('input', { id: 'ds-full-path', placeholder: 's3://bucket/prefix/',
        value: isS3(c.type) ? c.fullPath : '' });
    const roleArn = h('input', { id: 'ds-role-arn', autocomplete: 'off',
        placeholder: 'arn:aws:iam::123456789012:role/lightly-access', value: c.s3ARN || '' });
    const externalId = h('input', { id: 'ds-external-id', autocomplete: 'off',
        placeholder: 'at least 10 characters', value: c.s3ExternalId || '' });
    const region = h('input', { id: 'ds-region', placeholder: 'us-east-1', value: c.s3Region || '' });
    const keyId = h('input', { id: 'ds-key-id', autocomplete: 'off', value: c.s3AccessKeyId || '' });
    const secret = h('input', { id: 'ds-secret', type: 'password', autocomplete: 'new-password',
        placeholder: config && c.type === 'S3' ? 'stored (leave empty to keep it)' : '' });
    const endpoint = h('input', { id: 'ds-endpoint', placeholder: 'empty for AWS; http://host:9000',
        value: c.s3EndpointUrl || '' });
    const localPath = h('input', { id: 'ds-local-path', placeholder: 'folder under --local-root',
        value: c.type === 'LOCAL' ? c.fullPath : '' });
    const thumbs = h('input', { id: 'ds-thumb-suffix',
        value: config ? c.thumbSuffix || '' : DEFAULT_THUMBS });
    const keyFields = h('div', { class: 'key-fields' }, field('Access key id', keyId),
        field('Secret access key', secret, 'write-only: never shown again'));
    const roleFields = h('div', { class: 'role-fields' },
        field('Role ARN', roleArn, 'the server assumes it through STS with its own AWS credentials'),
        field('External ID', externalId, "the role's trust policy asks for it"));
    const s3Fields = h('div', { class: 's3-fields' },
        field('Full path', s3Path), field('Region', region), keyFields, roleFields,
        field('Endpoint URL', endpoint, 'for MinIO, Ceph, S3Proxy…; path-style requests'));
    const localFields = h('div', { class: 'local-fields' }, field('Path', localPath,
        "a folder under the server's local root, or Lightly's form http://localhost:1234/folder"));
    const sync = () => {
        s3Fields.hidden = !isS3(type.value);
        keyFields.hidden = type.value !== 'S3';
        roleFields.hidden = type.value !== 'S3DelegatedAccess';
        localFields.hidden = type.value !== 'LOCAL';
        Object.entries(clouds).forEach(([t, fields]) => { fields.view.hidden = type.value !== t; });
    };
    type.addEventListener('change', sync);
    sync();
    const lightsBox = h('div', { id: 'lights-box' });
    const removeButton = removeControl(dataset, purpose, config,
        () => datasourceView(body, dataset, params));
    const verifyButton = h('button', { type: 'button', id: 'ds-verify', text: 'Check the lights',
        disabled: !config });
    const verify = async () => {
        show(lightsBox, h('p', { class: 'muted', text: 'Checking…' }));
        try {
            const lights = await api(ds(dataset.id, `/datasource/verify?purpose=${purpose}`));
            show(lightsBox, lightsView(lights), lights.canList && lights.canRead ? null
                : h('p', { class: 'error', id: 'ds-warning', text: 'Saved, but List or Read is red: '
                    + 'images only this datasource holds cannot show until it is fixed (each tile '
                    + 'says why). Images the server holds itself still show.' }));
        } catch (e) {
            show(lightsBox, h('p', { class: 'error', text: e.message }));
        }
    };
    const save = async (event) => {
        event.preventDefault();
        const body = { purpose, type: type.value, thumbSuffix: thumbs.value.trim() };
        if (isS3(type.value)) {
            Object.assign(body, { fullPath: s3Path.value.trim(), s3Region: region.value.trim() });
            if (type.value === 'S3') {
                body.s3AccessKeyId = keyId.value.trim();
            } else {
                Object.assign(body, { s3ARN: roleArn.value.trim(),
                    s3ExternalId: externalId.value.trim() });
            }
            if (type.value === 'S3' && secret.value) {
                body.s3SecretAccessKey = secret.value;
            }
            if (endpoint.value.trim()) {
                body.s3EndpointUrl = endpoint.value.trim();
            }
        } else if (clouds[type.value]) {
            Object.assign(body, clouds[type.value].body());
        } else {
            body.fullPath = localPath.value.trim();
        }
        try {
            await api(ds(dataset.id, '/datasource'), { method: 'PUT', body });
            secret.value = '';
            clouds[type.value]?.cleared();
            secret.placeholder = type.value === 'S3' ? 'stored (leave empty to keep it)' : '';
            toast('Datasource saved.');
            verifyButton.disabled = false;
            removeButton.disabled = false;
            await verify();
        } catch (e) {
            toast(e.message, true);
        }
    };
    show(body, h('form', { class: 'card datasource', id: 'datasource', onsubmit: save },
        h('div', { class: 'row' }, field('Purpose', purposeSelect), field('Type', type)),
        s3Fields, localFields, ...Object.values(clouds).map((fields) => fields.view),
        field('Thumbnail suffix', thumbs, 'where thumbnails live under the full path; empty: none '
            + '(the full images are shown)'),
        h('div', { class: 'row' }, h('button', { type: 'submit', id: 'ds-save', text: 'Save' }),
            verifyButton, removeButton)),
    h('section', {}, h('h3', { text: 'Lights' }),
        h('p', { class: 'muted', text: 'Checked with the stored keys after each save (a probe '
            + 'object is written under .lightly/ and deleted). List and Read must be green; Write '
            + '(and Overwrite) for upload=thumbnails. docs/s3.md says what turns each green.' }),
        lightsBox));
    verifyButton.addEventListener('click', verify);
}

/** Remove, after a confirmation: the dataset keeps its samples; the server's own images show. */
function removeControl(dataset, purpose, config, again) {
    return h('button', { type: 'button', id: 'ds-remove', class: 'danger', text: 'Remove',
        disabled: !config, onclick: async () => {
            if (!confirm(`Remove the ${purpose} datasource of ${dataset.name}? The samples, tags and `
                + 'embeddings stay; images are then shown from what the server holds itself.')) {
                return;
            }
            try {
                await api(ds(dataset.id, `/datasource?purpose=${purpose}`), { method: 'DELETE' });
                toast('Datasource removed.');
                await again();
            } catch (e) {
                toast(e.message, true);
            }
        } });
}
