// Building the page without innerHTML: every text from the server goes in as text.

/**
 * Makes an element. props: class, text, on<Event> handlers, anything else as an attribute
 * (false/null/undefined leave it out, true sets it empty). Children: nodes or strings.
 */
export function h(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        if (key === 'class') {
            node.className = value;
        } else if (key === 'text') {
            node.textContent = value;
        } else if (key.startsWith('on') && typeof value === 'function') {
            node.addEventListener(key.slice(2).toLowerCase(), value);
        } else if (key === 'value') {
            node.value = value;
        } else {
            node.setAttribute(key, value === true ? '' : String(value));
        }
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            node.append(child instanceof Node ? child : String(child));
        }
    }
    return node;
}

/** Replaces a node's children. */
export function show(node, ...children) {
    node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
    return node;
}

let toastTimer;

/** A short message at the bottom of the page. */
export function toast(message, isError = false) {
    const box = document.getElementById('toast');
    box.textContent = message;
    box.className = isError ? 'visible error' : 'visible';
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.className = ''; }, isError ? 8000 : 4000);
}

/** Bytes as people read them. */
export function bytes(n) {
    if (n === undefined || n === null) {
        return '';
    }
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = n;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A number with at most 3 decimals. */
export function num(value) {
    if (typeof value !== 'number') {
        return value === undefined || value === null ? '' : String(value);
    }
    return Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(3);
}

/** A time in milliseconds as local date and time. */
export function when(ms) {
    return ms ? new Date(ms).toLocaleString() : '';
}
