// The datasource form's fields for AZURE (container, account, account key or SAS token) and GCS
// (bucket, project, service-account key file). Secrets are write-only: never shown, and leaving
// them empty keeps the stored one.
import { h } from './dom.js';

export const CLOUD_TYPES = [['AZURE', 'Azure Blob Storage'], ['GCS', 'Google Cloud Storage']];

function field(label, input, hint) {
    return h('label', { class: 'field' }, h('span', { text: label }), input,
        hint ? h('small', { class: 'muted', text: hint }) : null);
}

function secretInput(id, stored, multiline) {
    const attrs = { id, autocomplete: 'off', placeholder: stored ? 'stored (leave empty to keep it)' : '' };
    return multiline ? h('textarea', { ...attrs, rows: 4, spellcheck: 'false' })
        : h('input', { ...attrs, type: 'password', autocomplete: 'new-password' });
}

// The fields of one cloud type, filled from the stored configuration c (secrets left empty);
// body() gives what a save sends, cleared() empties the secret after a save.
export function cloudFields(type, c) {
    const own = c.type === type;
    if (type === 'AZURE') {
        const path = h('input', { id: 'ds-azure-path', placeholder: 'container/path/',
            value: own ? c.fullPath : '' });
        const account = h('input', { id: 'ds-azure-account', value: own ? c.accountName || '' : '' });
        const key = secretInput('ds-azure-key', own, false);
        const endpoint = h('input', { id: 'ds-azure-endpoint', value: own ? c.azureEndpointUrl || '' : '',
            placeholder: 'empty for https://<account>.blob.core.windows.net' });
        return {
            view: h('div', { class: 'azure-fields' }, field('Full path', path),
                field('Account name', account),
                field('Account key or SAS token', key, 'a SAS token needs read and list (rl), '
                    + 'write (w) for thumbnails; write-only: never shown again'),
                field('Endpoint URL', endpoint, 'for Azurite or another cloud')),
            body: () => Object.assign({ fullPath: path.value.trim(), accountName: account.value.trim() },
                key.value ? { accountKey: key.value.trim() } : {},
                endpoint.value.trim() ? { azureEndpointUrl: endpoint.value.trim() } : {}),
            cleared: () => { key.value = ''; key.placeholder = 'stored (leave empty to keep it)'; },
        };
    }
    const path = h('input', { id: 'ds-gcs-path', placeholder: 'gs://bucket/path/',
        value: own ? c.fullPath : '' });
    const project = h('input', { id: 'ds-gcs-project', value: own ? c.gcsProjectId || '' : '' });
    const credentials = secretInput('ds-gcs-credentials', own, true);
    return {
        view: h('div', { class: 'gcs-fields' }, field('Full path', path), field('Project id', project),
            field('Service-account key file (JSON)', credentials, 'write-only: never shown again')),
        body: () => Object.assign({ fullPath: path.value.trim(), gcsProjectId: project.value.trim() },
            credentials.value.trim() ? { gcsCredentials: credentials.value.trim() } : {}),
        cleared: () => {
            credentials.value = '';
            credentials.placeholder = 'stored (leave empty to keep it)';
        },
    };
}
