// The dataset's custom metadata configurations (Lightly's POST .../configuration/metadata) as
// keys the samples grid offers for sorting and filtering, under their display names and types.
import { api, ds } from './api.js';
import { h } from './dom.js';

const TYPES = {
    NUMERIC_INT: 'whole number', NUMERIC_FLOAT: 'number', CATEGORICAL_INT: 'category, whole number',
    CATEGORICAL_TIMESTAMP: 'timestamp', CATEGORICAL_STRING: 'category, text',
    CATEGORICAL_BOOLEAN: 'yes/no', CATEGORICAL_DATETIME: 'date and time', OTHER_STRING: 'text',
};
const NUMERIC = ['NUMERIC_INT', 'NUMERIC_FLOAT', 'CATEGORICAL_INT', 'CATEGORICAL_TIMESTAMP'];
const PLAIN_PATH = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/**
 * The configured keys, one per path (a later configuration's entry wins): {key: 'custom.<path>',
 * path, name, type, label, defaultValue, why} where why says why the grid cannot sort by it (null
 * when it can).
 */
export async function configuredKeys(datasetId) {
    let configurations;
    try {
        configurations = await api(ds(datasetId, '/configuration/metadata'));
    } catch (e) {
        return [];
    }
    const byPath = new Map();
    for (const configuration of configurations) {
        for (const entry of configuration.configs) {
            byPath.set(entry.path, entry);
        }
    }
    return [...byPath.values()].map((entry) => {
        let why = null;
        if (!NUMERIC.includes(entry.valueDataType)) {
            why = 'only numbers can be sorted and filtered';
        } else if (!PLAIN_PATH.test(entry.path)) {
            why = 'paths with [index] cannot be sorted yet';
        }
        const type = TYPES[entry.valueDataType] || entry.valueDataType;
        return { key: `custom.${entry.path}`, path: entry.path, name: entry.name, type, why,
            label: `${entry.name} (${type})`, defaultValue: entry.defaultValue };
    });
}

/** An <optgroup> of the configured keys for a sort or filter <select>. */
export function keyGroup(keys, selected) {
    return h('optgroup', { label: 'custom metadata' }, keys.map((k) => h('option', {
        value: k.key, text: k.why ? `${k.label}, not sortable` : k.label, disabled: k.why !== null,
        selected: k.key === selected, title: k.why || k.key.slice('custom.'.length) })));
}

/** The value at a configured path (dot notation, [n] for array elements), or undefined. */
export function valueAt(object, path) {
    let value = object;
    for (const part of path.split('.')) {
        const [, key, indices] = part.match(/^([^[]*)((?:\[\d+\])*)$/) || [];
        value = value !== null && typeof value === 'object' ? value[key] : undefined;
        for (const index of (indices || '').match(/\d+/g) || []) {
            value = Array.isArray(value) ? value[Number(index)] : undefined;
        }
    }
    return value;
}

/**
 * The configured keys of one sample: display name, value, or the configured default (marked) where
 * the sample has none, as Lightly shows them.
 */
export function configuredTable(keys, customMetaData, valueText) {
    if (keys.length === 0) {
        return null;
    }
    return h('table', { class: 'kv', id: 'configured' }, h('tbody', {}, keys.map((k) => {
        const value = valueAt(customMetaData || {}, k.path);
        const missing = value === undefined || value === null;
        const text = missing
            ? `${k.defaultValue === null ? 'none' : valueText(k.defaultValue)} (default)`
            : valueText(value);
        return h('tr', { title: `${k.path}: ${k.type}` }, h('th', { text: k.name }),
            h('td', { text, class: missing ? 'muted' : null }));
    })));
}
