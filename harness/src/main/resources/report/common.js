// Shared by the report pages: number formats (mirroring Units.java), DOM building, and
// Chart.js set up to draw at once and to count what it drew (window.__chartsDrawn).
"use strict";

const fmt = {
  ms(us) {
    if (us == null) return "";
    const ms = us / 1000;
    const d = ms < 1 ? 3 : ms < 10 ? 2 : ms < 100 ? 1 : 0;
    return ms.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  },
  whole(v) { return v == null ? "" : Math.round(v).toLocaleString("en-US"); },
  cores(v) { return v == null ? "" : v.toFixed(2); },
  mib(bytes) {
    if (bytes == null) return "";
    const m = bytes / 1048576;
    return m < 10 ? m.toFixed(1) : Math.round(m).toLocaleString("en-US");
  },
  share(r) { return (r < 1 && r >= 0.995 ? (r * 100).toFixed(1) : Math.round(r * 100)) + " %"; },
  change(r) {
    const pct = (r - 1) * 100;
    const a = Math.abs(pct);
    const digits = a < 10 ? a.toFixed(1) : a.toFixed(0);
    if (digits === "0.0") return "±0 %";
    return (pct > 0 ? "+" : "-") + digits + " %";
  },
  // a ratio as a percentage: 0.021 -> 2.1 %, 0.134 -> 13 % (Units.percent)
  pct(r) {
    if (r == null || isNaN(r)) return "";
    const p = r * 100;
    return (Math.abs(p) < 10 ? p.toFixed(1) : p.toFixed(0)) + " %";
  },
  signedPct(r) {
    if (r == null || isNaN(r)) return "";
    return (r < 0 ? "−" : "+") + fmt.pct(Math.abs(r));
  },
  // seconds: 4.2 below ten, else whole (Units.seconds)
  seconds(v) {
    if (v == null || isNaN(v)) return "";
    return v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString("en-US");
  },
  errors(r) {
    if (!r) return "0";
    return (r * 100).toFixed(r < 0.0001 ? 4 : 2) + " %";
  },
};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function readData() {
  return JSON.parse(document.getElementById("report-data").textContent);
}

const PALETTE = ["#2563eb", "#ea580c", "#16a34a", "#9333ea", "#0891b2", "#dc2626",
  "#ca8a04", "#db2777", "#4b5563", "#65a30d", "#7c3aed", "#0d9488"];
function colour(i) { return PALETTE[i % PALETTE.length]; }

window.__chartsDrawn = 0;
window.__chartsExpected = 0;
const drawnCounter = {
  id: "drawnCounter",
  afterRender(chart) {
    if (!chart.$counted) {
      chart.$counted = true;
      window.__chartsDrawn++;
    }
  },
};
// Error bars: a dataset's `whiskers[i]` = [low, high] draws point i's range (the repetitions' min–max) across
// its value axis, in the dataset's colour (or `whiskerColour`), and widens that axis to hold it.
// window.__whiskersDrawn counts the bars drawn, for the tests.
window.__whiskersDrawn = 0;
const whiskers = {
  id: "whiskers",
  valueScaleId(chart, meta) { return chart.options.indexAxis === "y" ? meta.xAxisID : meta.yAxisID; },
  afterDataLimits(chart, args) {
    const scale = args.scale;
    chart.data.datasets.forEach((ds, i) => {
      if (!ds.whiskers || !chart.isDatasetVisible(i) || this.valueScaleId(chart, chart.getDatasetMeta(i)) !== scale.id) return;
      for (const w of ds.whiskers) {
        if (!w) continue;
        if (w[1] > scale.max) scale.max = w[1];
        if (w[0] < scale.min && (scale.type !== "logarithmic" || w[0] > 0)) scale.min = w[0];
      }
    });
  },
  afterDatasetsDraw(chart) {
    const ctx = chart.ctx, horizontal = chart.options.indexAxis === "y", cap = 4;
    chart.data.datasets.forEach((ds, i) => {
      if (!ds.whiskers || !chart.isDatasetVisible(i)) return;
      const meta = chart.getDatasetMeta(i);
      const scale = chart.scales[this.valueScaleId(chart, meta)];
      ctx.save();
      ctx.strokeStyle = ds.whiskerColour || ds.borderColor || "#1d2330";
      ctx.lineWidth = 1.5;
      meta.data.forEach((point, j) => {
        const w = ds.whiskers[j];
        if (!w || w[0] == null || w[1] == null || point.skip) return;
        const a = scale.getPixelForValue(w[0]), b = scale.getPixelForValue(w[1]);
        const c = horizontal ? point.y : point.x;
        const line = (x1, y1, x2, y2) => horizontal ? (ctx.moveTo(y1, x1), ctx.lineTo(y2, x2)) : (ctx.moveTo(x1, y1), ctx.lineTo(x2, y2));
        ctx.beginPath();
        line(c, a, c, b);
        line(c - cap, a, c + cap, a);
        line(c - cap, b, c + cap, b);
        ctx.stroke();
        window.__whiskersDrawn++;
      });
      ctx.restore();
    });
  },
};
// A figure's range over the repetitions as whisker ends, or null with one repetition; `scale` converts units.
function rangeOf(spread, scale) {
  const k = scale || 1;
  return spread && spread.count > 1 ? [spread.min * k, spread.max * k] : null;
}
Chart.register(drawnCounter, whiskers);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.font.size = 11.5;
Chart.defaults.plugins.legend.labels.boxWidth = 14;
Chart.defaults.maintainAspectRatio = false;

// A chart panel: title, one explaining line, a canvas of fixed height (280 px unless given). Returns the Chart.
function chartPanel(parent, title, note, config, height) {
  const canvas = el("canvas", { role: "img", "aria-label": title });
  parent.append(el("div", { class: "chart" },
    el("h4", { text: title }), note ? el("p", { text: note }) : null,
    el("div", { class: "canvas", style: height ? "height:" + height + "px" : null }, canvas)));
  window.__chartsExpected++;
  return new Chart(canvas, config);
}

// Category values sorted as numbers, the engine default (null) last.
function axisValues(rows, field) {
  const values = [...new Set(rows.map(r => r[field]))];
  return values.sort((a, b) => (a == null) - (b == null) || a - b);
}
function axisLabel(v) { return v == null ? "default" : String(v); }
