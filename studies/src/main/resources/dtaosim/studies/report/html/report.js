/*
 * report.html: draws each chart of #chart-data with Chart.js (inlined above), then records on <body> how many
 * were drawn (data-charts-rendered), what failed (data-chart-error) and each canvas's page box
 * (data-chart-boxes: [x, y, width, height]) so a headless browser can check the page.
 */
(function () {
  'use strict';
  var COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

  Chart.defaults.animation = false; // a screenshot must show the final drawing
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", sans-serif';
  Chart.defaults.color = '#333';

  function rgba(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function axis(title, extra) {
    var a = {title: {display: !!title, text: title || ''}};
    for (var k in extra) { a[k] = extra[k]; }
    return a;
  }

  // points {x, y} of parallel arrays, leaving out points without an x (non-finite in the data)
  function points(xs, ys) {
    var out = [];
    for (var i = 0; i < xs.length; i++) {
      if (xs[i] !== null) { out.push({x: xs[i], y: ys[i]}); }
    }
    return out;
  }

  // y range that shows every whisker, not just the points
  function rangeOf(lists) {
    var lo = Infinity, hi = -Infinity;
    lists.forEach(function (list) {
      (list || []).forEach(function (v) {
        if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      });
    });
    return lo <= hi ? {suggestedMin: lo, suggestedMax: hi} : {};
  }

  // draws [lo[i], hi[i]] as a capped vertical line at each element of a dataset that has lo and hi arrays
  var whiskers = {
    id: 'whiskers',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx, y = chart.scales.y, area = chart.chartArea;
      chart.data.datasets.forEach(function (ds, d) {
        if (!ds.lo || !chart.isDatasetVisible(d)) { return; }
        ctx.save();
        ctx.beginPath();
        ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
        ctx.clip();
        ctx.strokeStyle = ds.whiskerColour || ds.borderColor;
        ctx.lineWidth = 1.5;
        chart.getDatasetMeta(d).data.forEach(function (el, i) {
          var lo = ds.lo[i], hi = ds.hi[i];
          if (lo === null || hi === null || lo === undefined || hi === undefined || el.skip) { return; }
          var top = y.getPixelForValue(hi), bottom = y.getPixelForValue(lo), cap = 4;
          ctx.beginPath();
          ctx.moveTo(el.x, top); ctx.lineTo(el.x, bottom);
          ctx.moveTo(el.x - cap, top); ctx.lineTo(el.x + cap, top);
          ctx.moveTo(el.x - cap, bottom); ctx.lineTo(el.x + cap, bottom);
          ctx.stroke();
        });
        ctx.restore();
      });
    }
  };

  function fan(s) {
    var c = COLOURS[0];
    function edge(label, ys, fill, alpha) {
      return {label: label, data: points(s.x, ys), fill: fill, borderWidth: 0, pointRadius: 0,
        borderColor: c, backgroundColor: rgba(c, alpha)};
    }
    var median = edge('median', s.q50, false, 1);
    median.borderWidth = 2;
    return {
      type: 'line',
      data: {datasets: [
        edge('', s.q05, false, 0),
        edge('5\u201395 %', s.q95, '-1', 0.18), // filled down to the 5 % line
        edge('', s.q25, false, 0),
        edge('25\u201375 %', s.q75, '-1', 0.38),
        median
      ]},
      options: {
        interaction: {mode: 'index', intersect: false},
        scales: {x: axis(s.xLabel, {type: 'linear'}), y: axis(s.yLabel)},
        plugins: {legend: {labels: {filter: function (item) { return item.text !== ''; }}}}
      }
    };
  }

  // bin i at height counts[i] from edges[i] to edges[i + 1]: a step line closed down to zero at both ends
  function histogram(s) {
    var data = [], n = s.counts.length;
    for (var i = 0; i < n; i++) {
      if (s.edges[i] === null || s.edges[i + 1] === null) { continue; }
      if (data.length === 0) { data.push({x: s.edges[i], y: 0}); }
      data.push({x: s.edges[i], y: s.counts[i]});
      data.push({x: s.edges[i + 1], y: s.counts[i]});
    }
    if (data.length > 0) { data.push({x: data[data.length - 1].x, y: 0}); }
    var c = COLOURS[0];
    return {
      type: 'line',
      data: {datasets: [{label: s.title, data: data, stepped: false, fill: 'origin', pointRadius: 0,
        borderWidth: 1.5, borderColor: c, backgroundColor: rgba(c, 0.35)}]},
      options: {
        scales: {x: axis(s.xLabel, {type: 'linear'}), y: axis(s.yLabel, {beginAtZero: true})},
        plugins: {legend: {display: false}}
      }
    };
  }

  // F(x) as a right-continuous step: flat at the previous share until the next value
  function cdf(s) {
    var data = s.x.length > 0 ? [{x: s.x[0], y: 0}] : [];
    data = data.concat(points(s.x, s.p));
    var c = COLOURS[0];
    return {
      type: 'line',
      data: {datasets: [{label: s.title, data: data, stepped: 'before', fill: false, pointRadius: 0,
        borderWidth: 2, borderColor: c}]},
      options: {
        scales: {x: axis(s.xLabel, {type: 'linear'}), y: axis(s.yLabel + ' (n = ' + s.n + ')', {min: 0, max: 1})},
        plugins: {legend: {display: false}}
      }
    };
  }

  function curves(s) {
    var all = [];
    var datasets = s.series.map(function (series, k) {
      var c = COLOURS[k % COLOURS.length], data = [], lo = [], hi = [];
      for (var i = 0; i < series.x.length; i++) {
        if (series.x[i] === null) { continue; }
        data.push({x: series.x[i], y: series.y[i]});
        lo.push(series.lo ? series.lo[i] : null);
        hi.push(series.hi ? series.hi[i] : null);
      }
      all.push(series.y, lo, hi);
      return {label: series.name, data: data, lo: series.lo ? lo : undefined, hi: series.hi ? hi : undefined,
        borderColor: c, backgroundColor: c, borderWidth: 2, pointRadius: 3, fill: false};
    });
    return {
      type: 'line',
      data: {datasets: datasets},
      options: {scales: {x: axis(s.xLabel, {type: 'linear'}), y: axis(s.yLabel, rangeOf(all))}}
    };
  }

  function bars(s) {
    var c = COLOURS[0];
    var range = rangeOf([s.value, s.lo, s.hi, [0]]);
    return {
      type: 'bar',
      data: {labels: s.labels, datasets: [{label: s.yLabel, data: s.value, lo: s.lo, hi: s.hi,
        backgroundColor: rgba(c, 0.6), borderColor: c, borderWidth: 1, whiskerColour: '#222'}]},
      options: {
        scales: {x: axis(s.xLabel, {}), y: axis(s.yLabel, {
          suggestedMin: range.suggestedMin, suggestedMax: range.suggestedMax,
          grid: {color: function (c) { return c.tick && c.tick.value === 0 ? '#888' : 'rgba(0,0,0,0.1)'; }}
        })},
        plugins: {legend: {display: false}}
      }
    };
  }

  var BUILDERS = {fan: fan, histogram: histogram, cdf: cdf, curves: curves, bars: bars};
  var specs = JSON.parse(document.getElementById('chart-data').textContent);
  var drawn = 0, errors = [], boxes = [];
  specs.forEach(function (spec, i) {
    try {
      var canvas = document.getElementById('chart-' + i);
      var config = BUILDERS[spec.kind](spec);
      config.plugins = [whiskers];
      var chart = new Chart(canvas, config);
      if (!chart.ctx) { throw new Error('no 2d context'); } // Chart.js logs, not throws, on a bad canvas
      var r = canvas.getBoundingClientRect();
      boxes.push([Math.round(r.left + window.scrollX), Math.round(r.top + window.scrollY),
        Math.round(r.width), Math.round(r.height)]);
      drawn++;
    } catch (e) {
      errors.push('chart ' + i + ' (' + spec.title + '): ' + e);
    }
  });
  document.body.dataset.chartBoxes = JSON.stringify(boxes);
  if (errors.length > 0) { document.body.dataset.chartError = errors.join('; '); }
  document.body.dataset.chartsRendered = String(drawn);
}());
