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
Chart.register(drawnCounter);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.font.size = 11.5;
Chart.defaults.plugins.legend.labels.boxWidth = 14;
Chart.defaults.maintainAspectRatio = false;

// A chart panel: title, one explaining line, a fixed-height canvas. Returns the Chart.
function chartPanel(parent, title, note, config) {
  const canvas = el("canvas", { role: "img", "aria-label": title });
  parent.append(el("div", { class: "chart" },
    el("h4", { text: title }), note ? el("p", { text: note }) : null,
    el("div", { class: "canvas" }, canvas)));
  window.__chartsExpected++;
  return new Chart(canvas, config);
}

// Category values sorted as numbers, the engine default (null) last.
function axisValues(rows, field) {
  const values = [...new Set(rows.map(r => r[field]))];
  return values.sort((a, b) => (a == null) - (b == null) || a - b);
}
function axisLabel(v) { return v == null ? "default" : String(v); }
