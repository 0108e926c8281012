// Draws a Chart.js chart from each dashboard table (<figure class="chart"> holding <table data-chart="bar|line">,
// see platform/charts/chart.hpp) and offers a toggle between the chart and the table. Without JavaScript, or
// when Chart.js did not load, the table simply stays. No inline script: the CSP forbids it.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') return;
  var colors = ['#a50e0e', '#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#20c997', '#6c757d', '#d63384'];
  var number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  function fmt(v, percent) { return v === null || v === undefined ? '—' : number.format(v) + (percent ? '%' : ''); }

  function draw(figure) {
    var table = figure.querySelector('table[data-chart]');
    if (!table || figure.querySelector('canvas')) return;
    var kind = table.getAttribute('data-chart') === 'line' ? 'line' : 'bar';
    var heads = table.tHead.rows[0].cells;
    var columns = [];
    for (var i = 1; i < heads.length; i++) {
      if (heads[i].getAttribute('data-plot') === 'no') continue;
      columns.push({ index: i, label: heads[i].textContent.trim(), percent: heads[i].getAttribute('data-measure') === 'percent', data: [] });
    }
    if (!columns.length) return;
    var labels = [];
    var rows = table.tBodies[0].rows;
    for (var r = 0; r < rows.length; r++) {
      labels.push(rows[r].cells[0].textContent.trim());
      columns.forEach(function (col) {
        var v = rows[r].cells[col.index].getAttribute('data-value');
        col.data.push(v === '' || v === null ? null : Number(v));
      });
    }
    var percent = columns.every(function (c) { return c.percent; });
    // Bars run across on a phone so that long unit names stay readable; years run along a line, drawn as
    // upright bars while there are too few years for a line to say anything.
    var horizontal = kind === 'bar';
    if (kind === 'line' && labels.length < 3) kind = 'bar';
    var box = document.createElement('div');
    box.className = 'chart-canvas';
    box.style.height = (horizontal ? Math.max(160, labels.length * columns.length * 22 + 70) : 260) + 'px';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', figure.querySelector('figcaption').textContent.trim() + ' (biểu đồ; số liệu trong bảng)');
    box.appendChild(canvas);
    var tableBox = figure.querySelector('.chart-table');
    figure.insertBefore(box, tableBox);

    var toggle = document.createElement('div');
    toggle.className = 'btn-group btn-group-sm mb-2 chart-toggle';
    toggle.setAttribute('role', 'group');
    toggle.setAttribute('aria-label', 'Cách xem');
    var asChart = document.createElement('button');
    var asTable = document.createElement('button');
    asChart.type = asTable.type = 'button';
    asChart.textContent = 'Biểu đồ';
    asTable.textContent = 'Bảng số liệu';
    toggle.appendChild(asChart);
    toggle.appendChild(asTable);
    figure.insertBefore(toggle, box);
    function show(chart) {
      box.hidden = !chart;
      tableBox.hidden = chart;
      asChart.className = 'btn ' + (chart ? 'btn-primary' : 'btn-outline-primary');
      asTable.className = 'btn ' + (chart ? 'btn-outline-primary' : 'btn-primary');
      asChart.setAttribute('aria-pressed', String(chart));
      asTable.setAttribute('aria-pressed', String(!chart));
    }
    asChart.addEventListener('click', function () { show(true); });
    asTable.addEventListener('click', function () { show(false); });
    show(true);

    var valueAxis = { beginAtZero: true, ticks: { callback: function (v) { return fmt(v, percent); } } };
    if (!percent) valueAxis.ticks.precision = 0;  // counts are whole
    // A percentage axis ends at 100% when the figures come near it; small rates (poverty) keep their own scale.
    var top = Math.max.apply(null, columns.map(function (c) { return Math.max.apply(null, c.data.map(function (v) { return v || 0; })); }));
    if (percent && top > 75) valueAxis.max = 100;
    var labelAxis = { ticks: { autoSkip: false, callback: function (v) {
      var s = this.getLabelForValue(v);
      var room = this.chart.width < 600 ? 22 : 44;  // the tooltip has the whole name
      return s.length > room ? s.slice(0, room - 1) + '…' : s;
    } } };
    new window.Chart(canvas, {
      type: kind,
      data: {
        labels: labels,
        datasets: columns.map(function (col, k) {
          var color = colors[k % colors.length];
          return { label: col.label, data: col.data, backgroundColor: color, borderColor: color, spanGaps: true,
                   tension: 0.2, percent: col.percent };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: { ticks: { autoSkip: false } }, y: valueAxis },
        plugins: {
          legend: { display: columns.length > 1, position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: function (ctx) {
            var v = horizontal ? ctx.parsed.x : ctx.parsed.y;
            return ctx.dataset.label + ': ' + fmt(v, ctx.dataset.percent);
          } } }
        }
      }
    });
  }

  function drawAll() {
    var figures = document.querySelectorAll('figure.chart');
    for (var i = 0; i < figures.length; i++) draw(figures[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawAll);
  else drawAll();
})();
