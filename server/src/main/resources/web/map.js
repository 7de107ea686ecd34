// The 2D embedding map: the PCA projection of the newest embedding as a canvas scatter plot.
// Hover shows a thumbnail, a drag selects a box (a lasso with Shift or the Lasso switch), and the
// selection becomes a tag: a bitmask over the samples' indices (the mappings order).
import { api, ds, imageUrl, initialTag, pollJob, tags } from './api.js';
import { h, show, toast } from './dom.js';
import { count, flagsOf, toHex } from './bitmask.js';
import { scatter } from './scatter.js';

async function projection(dataset, embedding, status) {
    const path = ds(dataset.id, `/embeddings/${encodeURIComponent(embedding.id)}/2d`);
    const find = (list) => list.find((p) => p.dimensionalityReductionMethod === 'PCA');
    let pca = find(await api(path));
    if (!pca) {
        status.textContent = 'Computing the PCA projection…';
        const job = await api(ds(dataset.id,
            `/embeddings/${encodeURIComponent(embedding.id)}/trigger2dEmbeddingsJob`),
        { method: 'POST', body: { dimensionalityReductionMethod: 'PCA' } });
        await pollJob(job.jobId);
        pca = find(await api(path));
    }
    return pca;
}

export async function mapView(body, dataset) {
    const status = h('p', { class: 'muted', id: 'map-status', text: 'Loading the embedding…' });
    show(body, status);
    const embeddings = await api(ds(dataset.id, '/embeddings'));
    const embedding = embeddings.find((e) => e.isProcessed);
    if (!embedding) {
        status.textContent = 'This dataset has no embeddings yet: lightly-magic or lightly-upload '
            + 'with embeddings= uploads them.';
        return;
    }
    const [pca, ids, names, tagList] = await Promise.all([
        projection(dataset, embedding, status),
        api(ds(dataset.id, '/mappings?field=_id')),
        api(ds(dataset.id, '/mappings?field=fileName')),
        tags(dataset.id)]);
    if (!pca) {
        status.textContent = 'No 2D projection could be computed.';
        return;
    }
    const n = Math.min(ids.length, pca.coordinatesDimension1.length);
    status.textContent = `${embedding.name}: ${n.toLocaleString('en')} samples, PCA. Drag to `
        + 'select a box; hold Shift (or switch on Lasso) to draw a lasso.';

    const tooltip = h('div', { class: 'tooltip', hidden: true });
    const selectedText = h('span', { id: 'map-selected', text: '0 selected' });
    const name = h('input', { id: 'map-tag-name', placeholder: 'new tag name', required: true,
        pattern: '[a-zA-Z0-9][a-zA-Z0-9 .:;=@_-]{2,}' });
    const lasso = h('input', { id: 'map-lasso', type: 'checkbox' });
    const highlight = h('select', { id: 'map-highlight' },
        h('option', { value: '', text: 'highlight no tag' }),
        tagList.map((t) => h('option', { value: t.id,
            text: `${t.name} (${count(t.bitMaskData).toLocaleString('en')})` })));
    const holder = h('div', { class: 'map-holder' });
    const plot = scatter(holder, pca.coordinatesDimension1.slice(0, n),
        pca.coordinatesDimension2.slice(0, n), {
            lasso: () => lasso.checked,
            onSelect: (indices) => {
                selectedText.textContent = `${indices.length.toLocaleString('en')} selected`;
                holder.dataset.selected = indices.join(',');
            },
            onHover: (index, x, y) => {
                if (index < 0) {
                    tooltip.hidden = true;
                    return;
                }
                tooltip.replaceChildren(
                    h('img', { src: imageUrl(dataset.id, ids[index], 'thumbnail'), alt: '' }),
                    h('span', { text: names[index] }));
                tooltip.style.left = `${x + 14}px`;
                tooltip.style.top = `${y + 14}px`;
                tooltip.hidden = false;
            },
            onOpen: (index) => {
                location.hash = `#/d/${encodeURIComponent(dataset.id)}/s/${encodeURIComponent(ids[index])}`;
            },
        });
    holder.append(tooltip);
    highlight.addEventListener('change', () => {
        const tag = tagList.find((t) => t.id === highlight.value);
        plot.highlight(tag ? flagsOf(tag.bitMaskData, n) : null);
    });
    const create = async (event) => {
        event.preventDefault();
        const indices = plot.selected();
        if (indices.length === 0) {
            toast('Select some samples first.', true);
            return;
        }
        const parent = initialTag(tagList);
        try {
            const answer = await api(ds(dataset.id, '/tags'), { method: 'POST', body: {
                name: name.value.trim(), prevTagId: parent ? parent.id : null,
                bitMaskData: toHex(indices), totSize: dataset.nSamples, creator: 'USER_WEBAPP' } });
            toast(`Tag "${name.value.trim()}" made with ${indices.length} samples.`);
            show(created, 'Made ', h('a', { id: 'map-created',
                href: `#/d/${encodeURIComponent(dataset.id)}/samples?tagId=${encodeURIComponent(answer.id)}`,
                text: name.value.trim() }), ` (${indices.length} samples).`);
            name.value = '';
        } catch (e) {
            toast(e.message, true);
        }
    };
    const created = h('span', { class: 'muted' });
    show(body, status,
        h('form', { class: 'controls', onsubmit: create },
            h('label', {}, lasso, ' Lasso'), highlight, selectedText,
            h('button', { type: 'button', onclick: () => plot.clear(), text: 'Clear' }),
            name, h('button', { type: 'submit', id: 'map-create-tag', text: 'Create tag' }),
            created),
        holder);
    plot.draw();
}
