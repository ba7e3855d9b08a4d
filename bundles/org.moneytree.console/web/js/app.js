// The console's single page: header (dataset, period, customer search, language, user), the menu of views
// built from /api/views (grouped, so that a new view appears without any change here), and the page chosen by
// the address's hash: #/view/<id>?<parameters>, #/admin, or the start page.
import { api, query, setCsrf } from './http.js';
import { applyTexts, setLanguage, t, tierName } from './i18n.js';
import { byId, fill, h } from './dom.js';
import { showView } from './view.js';
import { showAdmin } from './admin.js';

const state = {
  session: null,
  views: [],
  datasets: [],
  periods: [],
};

/** What the pages need from the shell. */
export const shell = {
  state,
  dataset: () => byId('dataset-select').value,
  period: () => byId('period-select').value,
  view: (id) => state.views.find((view) => view.id === id),
  /** The address of a customer's account profile (the view 'account'). */
  accountHref(customerId) {
    const account = state.views.find((view) => view.id === 'account');
    const parameter = account?.parameters.find((p) => p.kind === 'CUSTOMER')?.id || 'customer';
    return '#/view/account' + query({ [parameter]: customerId });
  },
  openAccount(customerId) {
    window.location.hash = shell.accountHref(customerId);
  },
};

async function start() {
  const session = await api('GET', '/api/session');
  state.session = session;
  setCsrf(session.csrf);
  setLanguage(session.lang);
  applyTexts();
  byId('user-name').textContent = session.name + ' (' + t('role.' + session.role) + ')';
  byId('user-name').dataset.role = session.role;
  byId('admin-link').hidden = session.role !== 'admin';

  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => changeLanguage(button.dataset.lang));
  }
  byId('logout-button').addEventListener('click', logout);
  byId('dataset-select').addEventListener('change', async () => {
    localStorage.setItem('moneytree.dataset', shell.dataset());
    await loadPeriods();
    route();
  });
  byId('period-select').addEventListener('change', () => {
    localStorage.setItem('moneytree.period', shell.period());
    route();
  });
  setUpCustomerSearch();

  await loadDatasets();
  await loadMenu();
  window.addEventListener('hashchange', route);
  route();
}

async function changeLanguage(lang) {
  const session = await api('PUT', '/api/session', { lang });
  setLanguage(session.lang);
  localStorage.setItem('moneytree.lang', session.lang);
  applyTexts();
  byId('user-name').textContent = session.name + ' (' + t('role.' + session.role) + ')';
  await loadMenu();
  route();
}

async function logout() {
  try {
    await api('POST', '/api/logout');
  } finally {
    window.location.assign('/login.html');
  }
}

async function loadDatasets() {
  try {
    state.datasets = await api('GET', '/api/datasets');
  } catch (failure) {
    state.datasets = [];
    console.warn(failure.message);
  }
  const select = byId('dataset-select');
  const saved = localStorage.getItem('moneytree.dataset');
  fill(select, ...state.datasets.map((name) => h('option', { value: name }, name)));
  if (state.datasets.includes(saved)) {
    select.value = saved;
  }
  await loadPeriods();
}

async function loadPeriods() {
  const dataset = shell.dataset();
  state.periods = dataset ? await api('GET', '/api/datasets/' + encodeURIComponent(dataset) + '/periods') : [];
  const select = byId('period-select');
  const saved = localStorage.getItem('moneytree.period');
  fill(select, ...state.periods.map((id) => h('option', { value: id }, id)));
  select.value = state.periods.includes(saved) ? saved : (state.periods[state.periods.length - 1] || '');
}

/** The menu: one list per group, in the API's order (by group, then title). */
async function loadMenu() {
  state.views = await api('GET', '/api/views');
  const groups = new Map();
  for (const view of state.views) {
    if (!groups.has(view.group)) {
      groups.set(view.group, []);
    }
    groups.get(view.group).push(view);
  }
  fill(byId('menu'), h('h2', {}, t('menu.title')), ...[...groups].map(([group, views]) =>
    h('section', { className: 'menu-group', dataset: { group } },
      h('h3', {}, group),
      h('ul', {}, ...views.map((view) => h('li', {},
        h('a', { href: '#/view/' + encodeURIComponent(view.id), dataset: { viewId: view.id } }, view.title)))))));
  markCurrent();
}

function markCurrent() {
  const current = parseHash().viewId;
  for (const link of document.querySelectorAll('#menu a[data-view-id]')) {
    link.classList.toggle('current', link.dataset.viewId === current);
  }
}

function parseHash() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  const parameters = Object.fromEntries(new URLSearchParams(search || ''));
  const match = path.match(/^\/view\/([^/]+)$/);
  return { path, viewId: match ? decodeURIComponent(match[1]) : null, parameters };
}

function route() {
  const { path, viewId, parameters } = parseHash();
  markCurrent();
  const content = byId('content');
  if (viewId) {
    showView(content, shell, viewId, parameters);
  } else if (path === '/admin' && state.session.role === 'admin') {
    showAdmin(content, shell);
  } else {
    showHome(content);
  }
}

function showHome(content) {
  fill(content, h('section', { className: 'page', dataset: { page: 'home' } },
    h('h1', {}, t('home.title')),
    h('p', {}, state.datasets.length ? t('home.text') : t('home.noDatasets'))));
}

/**
 * The customer search: matches (id, name and tier) offered as the user types; choosing one, or Enter, opens the
 * account profile.
 */
function setUpCustomerSearch() {
  const input = byId('customer-search');
  const matches = byId('customer-matches');
  let timer = null;
  let asked = 0;
  input.addEventListener('input', (event) => {
    clearTimeout(timer);
    const text = input.value.trim();
    // Choosing an offered match replaces the text (no inputType, or insertReplacementText): open it at once.
    const chosen = [...matches.options].some((option) => option.value === text);
    if (chosen && (!event.inputType || event.inputType === 'insertReplacementText')) {
      shell.openAccount(text);
      return;
    }
    timer = setTimeout(async () => {
      if (!text || !shell.dataset()) {
        return;
      }
      const ticket = ++asked;
      try {
        const found = await api('GET', '/api/customers' + query({ dataset: shell.dataset(), q: text }));
        if (ticket === asked) {
          fill(matches, ...found.map((match) => h('option', { value: match.id },
            [match.id, match.name, match.tier ? tierName(match.tier) : null].filter(Boolean).join(' — '))));
          matches.dataset.query = text;
        }
      } catch (failure) {
        console.warn(failure.message);
      }
    }, 200);
  });
  byId('customer-search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = input.value.trim();
    if (id) {
      shell.openAccount(id);
    }
  });
}

start().catch((failure) => {
  fill(byId('content'), h('p', { className: 'error' }, failure.message));
});

