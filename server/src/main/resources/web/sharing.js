// Sharing, the owner's tab: who else may read or change the dataset (Lightly's
// collaboration/access routes). Adding users to a role, taking one out, all through the same
// create-or-update call Lightly's client makes.
import { api, ds } from './api.js';
import { h, show, toast } from './dom.js';

const ROLES = ['READ', 'WRITE'];

export async function sharingView(body, dataset) {
    const path = ds(dataset.id, '/collaboration/access');
    const configs = await api(path);
    const usersOf = (type) => (configs.find((c) => c.accessType === type) || { users: [] }).users;
    const save = async (accessType, users, done) => {
        try {
            await api(path, { method: 'POST', body: { accessType, users } });
            toast(done);
            await sharingView(body, dataset);
        } catch (e) {
            toast(e.message, true);
        }
    };
    const remove = (type, user) => save(type, usersOf(type).filter((u) => u !== user),
        `${user} no longer has access.`);
    const rows = ROLES.flatMap((type) => usersOf(type).map((user) => h('tr',
        { 'data-user': user, 'data-role': type.toLowerCase() },
        h('td', { text: user }),
        h('td', { text: type.toLowerCase() }),
        h('td', {}, h('button', { type: 'button', class: 'link', text: 'remove',
            onclick: () => remove(type, user) })))));
    const users = h('input', { id: 'share-users', required: true, 'aria-label': 'users',
        placeholder: 'user names or ids, comma-separated' });
    const role = h('select', { id: 'share-role', 'aria-label': 'role' },
        ROLES.map((r) => h('option',
            { value: r, text: r === 'READ' ? 'may read' : 'may change' })));
    const form = h('form', { id: 'share-form', class: 'controls' }, users, role,
        h('button', { type: 'submit', text: 'Share' }));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const type = role.value;
        const added = users.value.split(',').map((u) => u.trim()).filter(Boolean);
        const kept = usersOf(type);
        save(type, kept.concat(added.filter((u) => !kept.includes(u))),
            `Shared with ${added.join(', ')} (${type.toLowerCase()}).`);
    });
    show(body, h('section', { class: 'card' },
        h('p', { class: 'muted', text: 'Users of this server you share the dataset with see it in '
            + 'their list. Readers may look at everything; writers may also change samples, tags '
            + 'and the datasource. Removing a user takes effect at once.' }),
        rows.length === 0
            ? h('p', { id: 'share-none', class: 'muted', text: 'Not shared with anyone.' })
            : h('table', { class: 'list', id: 'shares' },
                h('thead', {}, h('tr', {}, h('th', { text: 'user' }), h('th', { text: 'role' }),
                    h('th', {}))),
                h('tbody', {}, rows)),
        form));
}
