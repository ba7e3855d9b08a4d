// The admin page (admins only; the API refuses analysts with 403): users, with their roles and passwords, and
// plugins, installed from an update site or uninstalled.
import { api } from './http.js';
import { formatInstant, t } from './i18n.js';
import { fill, h } from './dom.js';

export async function showAdmin(content) {
  const users = h('section', { className: 'admin-users', id: 'admin-users' });
  const plugins = h('section', { className: 'admin-plugins', id: 'admin-plugins' });
  fill(content, h('section', { className: 'page', dataset: { page: 'admin' } }, h('h1', {}, t('admin.title')), users, plugins));
  await Promise.all([showUsers(users), showPlugins(plugins)]);
}

function message(target, text, error) {
  fill(target, text ? h('p', { className: error ? 'error' : 'ok', role: 'status' }, text) : null);
}

async function showUsers(section) {
  const status = h('div', { className: 'status' });
  let list;
  try {
    list = await api('GET', '/api/users');
  } catch (failure) {
    fill(section, h('h2', {}, t('admin.users')), h('p', { className: 'error' }, failure.message));
    return;
  }
  const reload = () => showUsers(section);
  const rows = list.map((user) => {
    const role = h('select', { dataset: { userRole: user.name } },
      h('option', { value: 'admin' }, t('role.admin')), h('option', { value: 'analyst' }, t('role.analyst')));
    role.value = user.role;
    role.addEventListener('change', async () => {
      try {
        await api('PUT', '/api/users/' + encodeURIComponent(user.name), { role: role.value });
        reload();
      } catch (failure) {
        role.value = user.role;
        message(status, failure.message, true);
      }
    });
    const password = h('input', { type: 'password', autocomplete: 'new-password', placeholder: t('admin.setPassword'),
      dataset: { userPassword: user.name } });
    const save = h('button', { type: 'button', onclick: async () => {
      try {
        await api('PUT', '/api/users/' + encodeURIComponent(user.name), { password: password.value });
        password.value = '';
        message(status, user.name + ': ' + t('admin.save') + ' ✓', false);
      } catch (failure) {
        message(status, failure.message, true);
      }
    } }, t('admin.save'));
    const remove = h('button', { type: 'button', className: 'danger', dataset: { removeUser: user.name }, onclick: async () => {
      if (!window.confirm(t('admin.confirmRemove', user.name))) {
        return;
      }
      try {
        await api('DELETE', '/api/users/' + encodeURIComponent(user.name));
        reload();
      } catch (failure) {
        message(status, failure.message, true);
      }
    } }, t('admin.remove'));
    return h('tr', { dataset: { user: user.name } }, h('td', {}, user.name), h('td', {}, role),
      h('td', {}, formatInstant(user.created)), h('td', {}, formatInstant(user.lastLogin)),
      h('td', { className: 'actions' }, password, save, remove));
  });
  const name = h('input', { id: 'new-user-name', required: true, autocomplete: 'off' });
  const role = h('select', { id: 'new-user-role' }, h('option', { value: 'analyst' }, t('role.analyst')),
    h('option', { value: 'admin' }, t('role.admin')));
  const password = h('input', { id: 'new-user-password', type: 'password', autocomplete: 'new-password', required: true });
  const form = h('form', { id: 'add-user-form', className: 'inline-form' },
    h('label', {}, h('span', {}, t('admin.user')), ' ', name),
    h('label', {}, h('span', {}, t('admin.role')), ' ', role),
    h('label', {}, h('span', {}, t('admin.password')), ' ', password),
    h('button', { type: 'submit', id: 'add-user' }, t('admin.add')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/api/users', { name: name.value, role: role.value, password: password.value });
      reload();
    } catch (failure) {
      message(status, failure.message, true);
    }
  });
  fill(section, h('h2', {}, t('admin.users')),
    h('table', { className: 'users', id: 'users-table' },
      h('thead', {}, h('tr', {}, ...['admin.user', 'admin.role', 'admin.created', 'admin.lastLogin', 'admin.actions']
        .map((key) => h('th', {}, t(key))))),
      h('tbody', {}, ...rows)),
    h('h3', {}, t('admin.addUser')), form, status);
}

async function showPlugins(section, notice) {
  const status = h('div', { className: 'status' });
  if (notice) {
    message(status, notice, false);
  }
  let answer;
  try {
    answer = await api('GET', '/api/plugins');
  } catch (failure) {
    fill(section, h('h2', {}, t('admin.plugins')), h('p', { className: 'error' }, failure.message));
    return;
  }
  // the list again, with what was done: an installed plugin runs at once, an uninstalled one is gone
  const reload = (done) => showPlugins(section, done);
  const rows = answer.installed.map((plugin) => h('tr', { dataset: { feature: plugin.featureId } },
    h('td', {}, plugin.featureId), h('td', {}, plugin.version), h('td', {}, plugin.name),
    h('td', {}, plugin.partOfProduct ? t('admin.product') : h('button', { type: 'button', className: 'danger',
      dataset: { uninstall: plugin.featureId }, onclick: async () => {
        if (!window.confirm(t('admin.confirmUninstall', plugin.featureId))) {
          return;
        }
        try {
          const result = await api('DELETE', '/api/plugins/' + encodeURIComponent(plugin.featureId));
          reload(result.message);
        } catch (failure) {
          message(status, failure.message, true);
        }
      } }, t('admin.uninstall')))));
  const feature = h('input', { id: 'plugin-feature', required: true });
  const site = h('input', { id: 'plugin-site', required: true });
  const form = h('form', { id: 'install-plugin-form', className: 'inline-form' },
    h('label', {}, h('span', {}, t('admin.feature')), ' ', feature),
    h('label', {}, h('span', {}, t('admin.site')), ' ', site),
    h('button', { type: 'submit' }, t('admin.installButton')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const result = await api('POST', '/api/plugins', { feature: feature.value, site: site.value });
      reload(result.message);
    } catch (failure) {
      message(status, failure.message, true);
    }
  });
  fill(section, h('h2', {}, t('admin.plugins')),
    h('table', { className: 'plugins', id: 'plugins-table' },
      h('thead', {}, h('tr', {}, ...['admin.feature', 'admin.version', 'admin.pluginName', 'admin.actions']
        .map((key) => h('th', {}, t(key))))),
      h('tbody', {}, ...rows)),
    h('h3', {}, t('admin.failures')),
    answer.failures.length ? h('ul', { className: 'failures' }, ...answer.failures.map((failure) =>
      h('li', {}, failure.bundle + (failure.component ? ' (' + failure.component + ')' : '') + ': ' + failure.reason)))
      : h('p', {}, t('admin.noFailures')),
    h('h3', {}, t('admin.install')), form, status);
}
