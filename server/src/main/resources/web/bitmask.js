// Lightly's tag bitmasks (reference §11): "0x" + lowercase hex, bit i (least significant first)
// selects the sample with index i in creation order (the mappings order). Built nibble by nibble:
// no BigInt, exact at any size.

/** The bitmask of these sample indices (any order, duplicates allowed). */
export function toHex(indices) {
    let max = -1;
    for (const i of indices) {
        if (!Number.isInteger(i) || i < 0) {
            throw new Error(`not a sample index: ${i}`);
        }
        if (i > max) {
            max = i;
        }
    }
    if (max < 0) {
        return '0x0';
    }
    const nibbles = new Uint8Array((max >> 2) + 1);
    for (const i of indices) {
        nibbles[i >> 2] |= 1 << (i & 3);
    }
    const digits = new Array(nibbles.length);
    for (let k = 0; k < nibbles.length; k++) {
        digits[nibbles.length - 1 - k] = nibbles[k].toString(16);
    }
    return '0x' + digits.join('');
}

function digitsOf(hex) {
    if (typeof hex !== 'string' || !/^0x[0-9a-fA-F]+$/.test(hex)) {
        throw new Error(`not a bitmask: ${hex}`);
    }
    return hex.slice(2).toLowerCase();
}

/** The selected indices, ascending. */
export function indicesOf(hex) {
    const digits = digitsOf(hex);
    const out = [];
    for (let k = 0; k < digits.length; k++) {
        const nibble = parseInt(digits[digits.length - 1 - k], 16);
        for (let b = 0; b < 4; b++) {
            if (nibble & (1 << b)) {
                out.push(4 * k + b);
            }
        }
    }
    return out;
}

/** One flag per sample (length n): 1 where the bitmask selects it. */
export function flagsOf(hex, n) {
    const flags = new Uint8Array(n);
    for (const i of indicesOf(hex)) {
        if (i < n) {
            flags[i] = 1;
        }
    }
    return flags;
}

const BITS = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** How many samples the bitmask selects. */
export function count(hex) {
    const digits = digitsOf(hex);
    let total = 0;
    for (let k = 0; k < digits.length; k++) {
        total += BITS[parseInt(digits[k], 16)];
    }
    return total;
}
