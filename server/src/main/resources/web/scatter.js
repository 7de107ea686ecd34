// A scatter plot on two stacked canvases: the points below, the selection shape and the hovered
// point above. Pure drawing and geometry; the caller decides what selection and hover mean.
import { h } from './dom.js';

const PAD = 18;
const CELL = 12;
const HOVER_RADIUS = 8;

function inPolygon(x, y, polygon) {
    let inside = false;
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
        const [xi, yi] = polygon[i];
        const [xj, yj] = polygon[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
            inside = !inside;
        }
    }
    return inside;
}

export function scatter(holder, xs, ys, { lasso, onSelect, onHover, onOpen }) {
    const n = xs.length;
    const points = h('canvas', { class: 'map-points' });
    const overlay = h('canvas', { class: 'map-overlay', id: 'map' });
    holder.append(points, overlay);
    const sx = new Float32Array(n);
    const sy = new Float32Array(n);
    let selected = new Uint8Array(n);
    let highlighted = null;
    let cells = new Map();
    let width = 0;
    let height = 0;
    let drag = null;
    let hovered = -1;

    function size(canvas) {
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
        canvas.getContext('2d').setTransform(ratio, 0, 0, ratio, 0, 0);
    }

    /** Screen positions: both axes on one scale (distances stay true), centred. */
    function layout() {
        width = Math.max(320, holder.clientWidth || 800);
        const room = window.innerHeight - holder.getBoundingClientRect().top - 16;
        height = Math.max(320, Math.min(640, Math.round(width * 0.6), Math.round(room)));
        holder.style.height = `${height}px`;
        size(points);
        size(overlay);
        let minX = Infinity; let maxX = -Infinity; let minY = Infinity; let maxY = -Infinity;
        for (let i = 0; i < n; i++) {
            minX = Math.min(minX, xs[i]); maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]); maxY = Math.max(maxY, ys[i]);
        }
        const spanX = maxX - minX || 1;
        const spanY = maxY - minY || 1;
        const scale = Math.min((width - 2 * PAD) / spanX, (height - 2 * PAD) / spanY);
        const offX = (width - scale * spanX) / 2;
        const offY = (height - scale * spanY) / 2;
        cells = new Map();
        for (let i = 0; i < n; i++) {
            sx[i] = offX + (xs[i] - minX) * scale;
            sy[i] = height - (offY + (ys[i] - minY) * scale);
            const key = `${Math.floor(sx[i] / CELL)},${Math.floor(sy[i] / CELL)}`;
            if (!cells.has(key)) {
                cells.set(key, []);
            }
            cells.get(key).push(i);
        }
    }

    function draw() {
        layout();
        const g = points.getContext('2d');
        g.clearRect(0, 0, width, height);
        const r = n > 20000 ? 1 : n > 2000 ? 1.5 : n > 200 ? 2.5 : 4;
        const pass = (color, test) => {
            g.fillStyle = color;
            g.beginPath();
            for (let i = 0; i < n; i++) {
                if (test(i)) {
                    g.rect(sx[i] - r, sy[i] - r, 2 * r, 2 * r);
                }
            }
            g.fill();
        };
        pass('rgba(31, 111, 235, 0.55)', (i) => !selected[i] && !(highlighted && highlighted[i]));
        if (highlighted) {
            pass('rgba(230, 126, 34, 0.9)', (i) => highlighted[i] && !selected[i]);
        }
        pass('rgba(207, 34, 46, 0.95)', (i) => selected[i]);
        drawOverlay();
    }

    function drawOverlay() {
        const g = overlay.getContext('2d');
        g.clearRect(0, 0, width, height);
        if (drag && drag.moved) {
            g.strokeStyle = '#24292f';
            g.fillStyle = 'rgba(36, 41, 47, 0.08)';
            g.setLineDash([4, 3]);
            g.beginPath();
            if (drag.lasso) {
                drag.path.forEach(([x, y], k) => (k ? g.lineTo(x, y) : g.moveTo(x, y)));
                g.closePath();
            } else {
                g.rect(drag.x0, drag.y0, drag.x1 - drag.x0, drag.y1 - drag.y0);
            }
            g.fill();
            g.stroke();
            g.setLineDash([]);
        }
        if (hovered >= 0) {
            g.strokeStyle = '#24292f';
            g.beginPath();
            g.arc(sx[hovered], sy[hovered], 6, 0, 2 * Math.PI);
            g.stroke();
        }
    }

    function nearest(x, y) {
        let best = -1;
        let bestDistance = HOVER_RADIUS * HOVER_RADIUS;
        const cx = Math.floor(x / CELL);
        const cy = Math.floor(y / CELL);
        for (let dx = -1; dx <= 1; dx++) {
            for (let dy = -1; dy <= 1; dy++) {
                for (const i of cells.get(`${cx + dx},${cy + dy}`) || []) {
                    const d = (sx[i] - x) ** 2 + (sy[i] - y) ** 2;
                    if (d <= bestDistance) {
                        best = i;
                        bestDistance = d;
                    }
                }
            }
        }
        return best;
    }

    function indices() {
        const out = [];
        for (let i = 0; i < n; i++) {
            if (selected[i]) {
                out.push(i);
            }
        }
        return out;
    }

    function finish() {
        const inside = drag.lasso
            ? (i) => inPolygon(sx[i], sy[i], drag.path)
            : (i) => sx[i] >= Math.min(drag.x0, drag.x1) && sx[i] <= Math.max(drag.x0, drag.x1)
                && sy[i] >= Math.min(drag.y0, drag.y1) && sy[i] <= Math.max(drag.y0, drag.y1);
        selected = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
            selected[i] = inside(i) ? 1 : 0;
        }
        drag = null;
        draw();
        onSelect(indices());
    }

    const at = (event) => {
        const box = overlay.getBoundingClientRect();
        return [event.clientX - box.left, event.clientY - box.top];
    };
    overlay.addEventListener('pointerdown', (event) => {
        const [x, y] = at(event);
        overlay.setPointerCapture(event.pointerId);
        drag = { x0: x, y0: y, x1: x, y1: y, path: [[x, y]], moved: false,
            lasso: event.shiftKey || lasso() };
    });
    overlay.addEventListener('pointermove', (event) => {
        const [x, y] = at(event);
        if (drag) {
            drag.x1 = x;
            drag.y1 = y;
            drag.path.push([x, y]);
            drag.moved = drag.moved || Math.abs(x - drag.x0) + Math.abs(y - drag.y0) > 4;
            drawOverlay();
            return;
        }
        const index = nearest(x, y);
        if (index !== hovered) {
            hovered = index;
            drawOverlay();
        }
        onHover(index, x, y);
    });
    overlay.addEventListener('pointerup', () => {
        if (!drag) {
            return;
        }
        if (drag.moved) {
            finish();
            return;
        }
        const index = nearest(drag.x0, drag.y0);
        drag = null;
        if (index >= 0) {
            onOpen(index);
        }
    });
    overlay.addEventListener('pointerleave', () => {
        hovered = -1;
        drawOverlay();
        onHover(-1, 0, 0);
    });
    let resizeTimer;
    window.addEventListener('resize', () => {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(() => overlay.isConnected && draw(), 150);
    });

    return {
        draw,
        selected: indices,
        clear() {
            selected = new Uint8Array(n);
            draw();
            onSelect([]);
        },
        highlight(flags) {
            highlighted = flags;
            draw();
        },
    };
}
