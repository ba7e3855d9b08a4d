// Draws a view's chart (a UI-neutral ViewChart from the API) with Chart.js: LINE as lines along a numeric axis,
// BAR as grouped bars, STACKED_BAR as stacked bars, PYRAMID as centred horizontal bars; marks as labelled
// points on top; axes titled with their units; a click on a point that stands for a customer opens the
// customer's account profile.
import { formatValue, tierName, TIERS } from './i18n.js';

const COLOURS = ['#2f6f4f', '#c9a227', '#5b6b8c', '#8c4a3b', '#4a8c8c', '#8c7a4a', '#6b4a8c'];
const TIER_COLOURS = { platinum: '#8e9aaf', gold: '#c9a227', iron: '#5b6b7c', lead: '#3b3b46' };

const charts = new WeakMap();

function unit(type) {
  return { SHARE: '%', SCORE: '0–100' }[type];
}

function axisTitle(axis) {
  const suffix = unit(axis.type);
  return suffix ? axis.label + ' (' + suffix + ')' : axis.label;
}

function tick(type) {
  return (value) => (type === 'SHARE' || type === 'MONEY' || type === 'COUNT' || type === 'SCORE' || type === 'NUMBER'
    ? formatValue(type === 'COUNT' ? 'NUMBER' : type, value) : value);
}

/** Whether an axis counts things, so that its ticks are whole numbers (no 0.5 customers). */
function wholeNumbers(axis) {
  return axis.type === 'COUNT';
}

/**
 * A pyramid's bar spans -value/2 .. value/2, so a tick at t reads 2|t|; for counts, ticks that would read a
 * fraction are left out (returning null hides a tick in Chart.js).
 */
function pyramidTick(type) {
  return (value) => {
    const full = Math.round(Math.abs(value) * 2 * 1e6) / 1e6;
    return type === 'COUNT' && !Number.isInteger(full) ? null : tick(type)(full);
  };
}

function category(value) {
  return TIERS.includes(value) ? tierName(value) : String(value);
}

/** Draws the chart into the figure's canvas; marks the figure data-drawn="true". */
export function drawChart(box, chart, shell) {
  const canvas = box.querySelector('canvas');
  if (charts.has(canvas)) {
    charts.get(canvas).destroy();
  }
  const config = chart.kind === 'LINE' ? lineConfig(chart) : barConfig(chart);
  config.options.onClick = (event, elements, instance) => {
    const element = elements[0];
    if (!element) {
      return;
    }
    const point = pointAt(instance, element);
    if (point && point.customerId) {
      shell.openAccount(point.customerId);
    }
  };
  config.options.onHover = (event, elements, instance) => {
    const element = elements[0];
    const point = element && pointAt(instance, element);
    event.native.target.style.cursor = point && point.customerId ? 'pointer' : 'default';
  };
  const instance = new window.Chart(canvas, config);
  // What the canvas shows, as text for screen readers (and tests): the categories or the series.
  canvas.textContent = chart.title + ': ' + (config.data.labels || chart.series.map((series) => series.label)).join(', ');
  charts.set(canvas, instance);
  box.dataset.drawn = 'true';
  box.dataset.drawnPoints = String(instance.data.datasets
    .filter((dataset) => !dataset.isMark)
    .reduce((sum, dataset) => sum + (dataset.points ? dataset.points.filter(Boolean).length : dataset.data.length), 0));
}

/** The API's point behind a drawn element (bars keep theirs beside the numbers Chart.js draws). */
function pointAt(instance, element) {
  const dataset = instance.data.datasets[element.datasetIndex];
  return dataset.points ? dataset.points[element.index] : dataset.data[element.index];
}

function baseOptions(chart) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    interaction: { mode: 'nearest', intersect: false },
    plugins: {
      // marks carry their own labels on the chart; the legend names the series
      legend: { display: chart.series.length > 1, labels: { filter: (item, data) => !data.datasets[item.datasetIndex].isMark } },
      tooltip: {
        callbacks: {
          label: (item) => {
            const point = item.raw;
            const value = formatValue(chart.y.type, point.value ?? point.y);
            return (point.label ? point.label + ': ' : (item.dataset.label ? item.dataset.label + ': ' : '')) + value;
          },
        },
      },
    },
  };
}

function lineConfig(chart) {
  const datasets = chart.series.map((series, index) => ({
    label: series.label,
    data: series.points.map((point) => ({ x: Number(point.x), y: point.y, label: point.label, customerId: point.customerId })),
    borderColor: COLOURS[index % COLOURS.length],
    backgroundColor: COLOURS[index % COLOURS.length],
    pointRadius: series.points.length > 200 ? 0 : 2,
    pointHitRadius: 6,
    borderWidth: 2,
  }));
  if (chart.marks.length) {
    datasets.push(markDataset(chart, (mark) => Number(mark.x)));
  }
  const options = baseOptions(chart);
  const xs = chart.series.flatMap((series) => series.points.map((point) => Number(point.x)));
  options.scales = {
    x: {
      type: 'linear',
      // the curve's own range: a whale curve of 5,374 customers ends at 5,374, not at a rounder 6,000
      min: xs.length ? Math.min(...xs) : undefined,
      max: xs.length ? Math.max(...xs) : undefined,
      title: { display: true, text: axisTitle(chart.x) },
      ticks: { callback: tick(chart.x.type), precision: wholeNumbers(chart.x) ? 0 : undefined },
    },
    y: {
      grace: '5%', // room above the highest point for its mark
      title: { display: true, text: axisTitle(chart.y) },
      ticks: { callback: tick(chart.y.type), precision: wholeNumbers(chart.y) ? 0 : undefined },
    },
  };
  return { type: 'line', data: { datasets }, options, plugins: [markLabels] };
}

function markDataset(chart, x) {
  return {
    label: chart.marks.map((mark) => mark.label).join('; '),
    type: 'scatter',
    isMark: true,
    data: chart.marks.map((mark) => ({ x: x(mark), y: mark.y, label: mark.label, mark: true })),
    pointStyle: 'rectRot',
    pointRadius: 8,
    borderColor: '#b3261e',
    backgroundColor: '#b3261e',
  };
}

/**
 * Writes each mark's label beside it: the whale curve's peak is read, not hovered for. Labels of marks close to
 * each other are stacked instead of written over each other, and none leaves the chart area.
 */
const markLabels = {
  id: 'moneytreeMarkLabels',
  afterDatasetsDraw(instance) {
    const { ctx, chartArea } = instance;
    const lineHeight = 16;
    const placed = [];
    instance.data.datasets.forEach((dataset, index) => {
      if (!dataset.isMark) {
        return;
      }
      const meta = instance.getDatasetMeta(index);
      meta.data.forEach((element, pointIndex) => {
        const source = dataset.points ? dataset.points[pointIndex] : dataset.data[pointIndex];
        if (!source || !source.label || element.skip) {
          return;
        }
        ctx.save();
        ctx.fillStyle = '#b3261e';
        ctx.font = '12px sans-serif';
        const width = ctx.measureText(source.label).width;
        const right = element.x + 10 + width > chartArea.right;
        ctx.textAlign = right ? 'right' : 'left';
        const x = element.x + (right ? -10 : 10);
        // above the point, or below it near the top; then further down past labels already written there
        let y = element.y - 10 < chartArea.top + lineHeight ? element.y + 20 : element.y - 10;
        const left = right ? x - width : x;
        while (placed.some((box) => left < box.right && left + width > box.left && Math.abs(box.y - y) < lineHeight)) {
          y += lineHeight;
        }
        y = Math.min(y, chartArea.bottom - 4);
        placed.push({ left, right: left + width, y });
        ctx.fillText(source.label, x, y);
        ctx.restore();
      });
    });
  },
};

function barConfig(chart) {
  const categories = (chart.series[0]?.points || []).map((point) => String(point.x));
  const pyramid = chart.kind === 'PYRAMID';
  const stacked = chart.kind === 'STACKED_BAR';
  const datasets = chart.series.map((series, index) => {
    const byCategory = new Map(series.points.map((point) => [String(point.x), point]));
    const points = categories.map((name) => byCategory.get(name));
    const colours = pyramid && chart.series.length === 1
      ? categories.map((name) => TIER_COLOURS[name] || COLOURS[index % COLOURS.length])
      : TIER_COLOURS[series.id] || COLOURS[index % COLOURS.length];
    return {
      label: series.label,
      // A pyramid's bars are centred: each spans -value/2 .. value/2 of the value axis.
      data: points.map((point) => (pyramid ? [-(point?.y ?? 0) / 2, (point?.y ?? 0) / 2] : point?.y ?? 0)),
      points,
      backgroundColor: colours,
      borderColor: colours,
      borderSkipped: false,
    };
  });
  const options = baseOptions(chart);
  delete options.parsing;
  options.plugins.tooltip.callbacks.label = (item) => {
    const point = item.dataset.points?.[item.dataIndex];
    const value = formatValue(chart.y.type, point ? point.y : item.raw);
    return (point?.label || item.dataset.label || '') + ': ' + value;
  };
  const categoryAxis = {
    stacked,
    title: { display: true, text: axisTitle(chart.x) },
    ticks: { autoSkip: categories.length > 30 },
    grid: { display: false },
  };
  const valueAxis = {
    stacked,
    title: { display: true, text: axisTitle(chart.y) },
    ticks: { callback: pyramid ? pyramidTick(chart.y.type) : tick(chart.y.type), precision: wholeNumbers(chart.y) ? 0 : undefined },
  };
  if (pyramid) {
    options.indexAxis = 'y';
    options.scales = { y: categoryAxis, x: valueAxis };
    options.plugins.legend.display = chart.series.length > 1;
  } else {
    options.scales = { x: categoryAxis, y: valueAxis };
  }
  const labels = categories.map(category);
  if (chart.marks.length && !pyramid) {
    const mark = markDataset(chart, () => 0);
    mark.data = labels.map((label, position) => {
      const found = chart.marks.find((m) => String(m.x) === categories[position]);
      return found ? found.y : null;
    });
    mark.points = labels.map((label, position) => {
      const found = chart.marks.find((m) => String(m.x) === categories[position]);
      return found ? { label: found.label } : null;
    });
    mark.type = 'line';
    mark.showLine = false;
    datasets.push(mark);
  }
  return { type: 'bar', data: { labels, datasets }, options, plugins: [markLabels] };
}
