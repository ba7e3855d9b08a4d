// A view's table: sorted by clicking a column header (again to reverse), filtered with a text box, values
// formatted by their column's type, customers as links to their account profile.
import { formatValue, numeric, t } from './i18n.js';
import { fill, h } from './dom.js';

export function renderTable(table, shell) {
  const rows = table.rows.map((values, index) => ({ values, index }));
  let sortColumn = -1;
  let descending = false;
  const body = h('tbody');
  const filter = h('input', { type: 'search', className: 'table-filter', placeholder: t('table.filter'),
    dataset: { tableFilter: table.id } });
  const count = h('span', { className: 'row-count' });
  const headers = table.columns.map((column, index) => h('th', {
    scope: 'col',
    className: numeric(column.type) ? 'number' : '',
    dataset: { columnId: column.id, type: column.type },
    title: t('table.sortHint'),
    onclick: () => {
      descending = sortColumn === index ? !descending : numeric(column.type);
      sortColumn = index;
      for (const header of headers) {
        header.removeAttribute('aria-sort');
      }
      headers[index].setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      draw();
    },
  }, column.label));
  const element = h('section', { className: 'table', dataset: { tableId: table.id, rows: String(table.rows.length) } },
    h('h3', {}, table.title),
    h('div', { className: 'table-tools' }, filter, count),
    h('div', { className: 'table-scroll' }, h('table', {}, h('thead', {}, h('tr', {}, ...headers)), body)));
  filter.addEventListener('input', draw);

  function text(row) {
    return row.values.map((value, index) => formatValue(table.columns[index].type, value)).join(' ').toLowerCase();
  }

  function compare(a, b) {
    const column = table.columns[sortColumn];
    const x = a.values[sortColumn];
    const y = b.values[sortColumn];
    if (x === null || x === undefined) {
      return 1;
    }
    if (y === null || y === undefined) {
      return -1;
    }
    const order = numeric(column.type) ? Number(x) - Number(y)
      : String(formatValue(column.type, x)).localeCompare(String(formatValue(column.type, y)), undefined, { numeric: true });
    return descending ? -order : order;
  }

  function draw() {
    const needle = filter.value.trim().toLowerCase();
    let shown = needle ? rows.filter((row) => text(row).includes(needle)) : rows.slice();
    if (sortColumn >= 0) {
      shown = shown.sort((a, b) => compare(a, b) || a.index - b.index);
    }
    fill(body, ...shown.map((row) => h('tr', {}, ...row.values.map((value, index) => cell(table.columns[index], value)))));
    count.textContent = t('table.shown', formatValue('COUNT', shown.length), formatValue('COUNT', table.totalRows));
    element.dataset.shown = String(shown.length);
  }

  function cell(column, value) {
    if (column.type === 'CUSTOMER' && value) {
      return h('td', {}, h('a', { href: shell.accountHref(value), dataset: { customer: value } }, value));
    }
    return h('td', { className: numeric(column.type) ? 'number' : (column.type === 'TIER' ? 'tier tier-' + value : '') },
      formatValue(column.type, value));
  }

  draw();
  return element;
}
