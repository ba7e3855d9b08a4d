// A view's page: the form for its parameters, then its key figures, charts and tables, and the export links.
import { api, query } from './http.js';
import { formatValue, t, tierName, TIERS } from './i18n.js';
import { fill, h } from './dom.js';
import { drawChart } from './charts.js';
import { renderTable } from './tables.js';

let showing = 0;

export async function showView(content, shell, id, given) {
  const ticket = ++showing;
  const view = shell.view(id);
  if (!view) {
    fill(content, h('p', { className: 'error' }, t('error.title') + ': ' + id));
    return;
  }
  const values = {};
  for (const parameter of view.parameters) {
    values[parameter.id] = given[parameter.id] ?? (followsHeader(view, parameter) ? shell.period() : '');
  }
  const dataset = shell.dataset();
  const request = { dataset, ...values };
  const result = h('div', { className: 'view-result', id: 'view-result' });
  const page = h('section', { className: 'page view-page', dataset: { page: 'view', viewId: id } },
    h('h1', {}, view.title),
    parameterForm(view, values, shell),
    exportLinks(view, request, shell),
    result);
  fill(content, page);

  const missing = view.parameters.filter((parameter) => parameter.required && !values[parameter.id]);
  if (!dataset || missing.length) {
    fill(result, h('p', { className: 'hint' }, dataset
      ? t('view.needs', missing.map((parameter) => parameter.label).join(', ')) : t('home.noDatasets')));
    page.dataset.loaded = 'incomplete';
    return;
  }
  fill(result, h('p', { className: 'loading' }, t('view.loading')));
  try {
    const model = await api('GET', '/api/views/' + encodeURIComponent(id) + query(request));
    if (ticket === showing) {
      renderModel(result, model, shell);
      page.dataset.loaded = 'true';
    }
  } catch (failure) {
    if (ticket === showing) {
      fill(result, h('p', { className: 'error', dataset: { status: String(failure.status) } }, failure.message));
      page.dataset.loaded = 'error';
    }
  }
}

/**
 * Whether a period parameter takes the header's period when the address does not name one: the view's 'period'
 * (or its only period parameter, or a required one). Other optional periods, such as the migration's 'from' and
 * 'to', are left to the view, which picks sensible ones (the latest period and the one before it): two periods
 * set to the header's one would compare a period with itself.
 */
function followsHeader(view, parameter) {
  if (parameter.kind !== 'PERIOD') {
    return false;
  }
  return parameter.required || parameter.id === 'period'
    || view.parameters.filter((other) => other.kind === 'PERIOD').length === 1;
}

function parameterForm(view, values, shell) {
  if (!view.parameters.length) {
    return null;
  }
  const fields = view.parameters.map((parameter) => {
    const name = 'parameter-' + parameter.id;
    let input;
    if (parameter.kind === 'PERIOD') {
      input = h('select', { id: name, name: parameter.id },
        parameter.required ? null : h('option', { value: '' }, t('view.automatic')),
        ...shell.state.periods.map((period) => h('option', { value: period }, period)));
      input.value = values[parameter.id] || '';
    } else if (parameter.kind === 'TIER') {
      input = h('select', { id: name, name: parameter.id },
        parameter.required ? null : h('option', { value: '' }, t('view.none')),
        ...TIERS.map((tier) => h('option', { value: tier }, tierName(tier))));
      input.value = values[parameter.id] || '';
    } else {
      input = h('input', {
        id: name,
        name: parameter.id,
        type: parameter.kind === 'INTEGER' ? 'number' : 'text',
        list: parameter.kind === 'CUSTOMER' ? 'customer-matches' : null,
        required: parameter.required,
        value: values[parameter.id] || '',
      });
    }
    return h('label', {}, h('span', {}, parameter.label + (parameter.required ? ' *' : '')), ' ', input);
  });
  const form = h('form', { className: 'parameters', id: 'view-parameters' }, ...fields,
    h('button', { type: 'submit', id: 'view-show' }, t('view.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = {};
    for (const parameter of view.parameters) {
      chosen[parameter.id] = form.elements[parameter.id].value.trim();
    }
    window.location.hash = '#/view/' + encodeURIComponent(view.id) + query(chosen);
  });
  return form;
}

function exportLinks(view, request, shell) {
  const base = '/api/views/' + encodeURIComponent(view.id);
  const message = h('span', { className: 'export-message', id: 'export-message', role: 'status' });
  const links = [
    h('a', { className: 'button', id: 'export-csv', href: base + '/export.csv' + query(request) }, t('view.exportCsv')),
    h('a', { className: 'button', id: 'export-html', href: base + '/export.html' + query(request) }, t('view.exportHtml')),
    h('a', { className: 'button', id: 'export-pdf',
      href: '/api/export.pdf' + query({ dataset: request.dataset, period: shell.period() }) }, t('view.exportPdf')),
  ];
  for (const link of links) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      download(link, message);
    });
  }
  return h('div', { className: 'exports' }, ...links, message);
}

/**
 * Fetches an export and saves it under the server's file name; a refusal (no exporter installed, a view that
 * cannot be rendered) is shown beside the buttons instead of a browser's failed download.
 */
async function download(link, message) {
  fill(message, t('view.exporting'));
  message.className = 'export-message';
  delete message.dataset.status;
  try {
    const response = await fetch(link.href, { credentials: 'same-origin' });
    if (!response.ok) {
      if (response.status === 401) {
        window.location.assign('/login.html');
      }
      let reason = response.statusText;
      if ((response.headers.get('Content-Type') || '').includes('application/json')) {
        reason = (await response.json()).error || reason;
      }
      message.dataset.status = String(response.status);
      throw new Error(reason);
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '')?.[1] || 'export';
    const url = URL.createObjectURL(await response.blob());
    const save = h('a', { href: url, download: name, hidden: true });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    message.dataset.status = String(response.status);
    message.dataset.file = name;
    fill(message, t('view.exported', name));
  } catch (failure) {
    message.className = 'export-message error';
    fill(message, failure.message);
  }
}

function renderModel(result, model, shell) {
  fill(result,
    h('h2', { className: 'model-title' }, model.title),
    model.summary ? h('p', { className: 'summary' }, model.summary) : null,
    model.figures.length ? h('dl', { className: 'figures', 'aria-label': t('view.figures') },
      ...model.figures.map((figure) => h('div', { className: 'figure', dataset: { figureId: figure.id } },
        h('dt', {}, figure.label),
        h('dd', { className: 'value-' + figure.type.toLowerCase() }, figureValue(figure, shell))))) : null,
    ...model.charts.map((chart) => chartBox(chart, shell)),
    ...model.tables.map((table) => renderTable(table, shell)),
    model.notes.length ? h('section', { className: 'notes' }, h('h3', {}, t('view.notes')),
      h('ul', {}, ...model.notes.map((note) => h('li', {}, note)))) : null);
  for (const box of result.querySelectorAll('[data-chart-id]')) {
    drawChart(box, box.chart, shell);
  }
}

function figureValue(figure, shell) {
  if (figure.type === 'CUSTOMER' && figure.value) {
    return h('a', { href: shell.accountHref(figure.value), dataset: { customer: figure.value } }, figure.value);
  }
  // a figure the data cannot give (a dataset analysed from its file has no cost breakdown) reads as a dash
  return figure.value === null || figure.value === undefined ? '—' : formatValue(figure.type, figure.value);
}

function chartBox(chart, shell) {
  const points = chart.series.reduce((sum, series) => sum + series.points.length, 0);
  const hasCustomers = chart.series.some((series) => series.points.some((point) => point.customerId));
  const box = h('figure', { className: 'chart kind-' + chart.kind.toLowerCase(), dataset: { chartId: chart.id, points: String(points), kind: chart.kind } },
    h('figcaption', {}, chart.title),
    h('div', { className: 'canvas-box' }, h('canvas', { id: 'chart-' + chart.id, 'aria-label': chart.title, role: 'img' })),
    hasCustomers ? h('p', { className: 'hint' }, t('chart.clickHint')) : null);
  box.chart = chart;
  return box;
}
