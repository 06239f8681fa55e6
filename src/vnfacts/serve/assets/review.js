// The review page: the facts of an article drawn as nested marks (as render/html.py draws
// them), marked wrong by a click, added from a selection, exported as a gold JSON Lines row.
"use strict";
const $ = (id) => document.getElementById(id);
const NUMERIC = new Set(["percent", "money", "quantity"]);
const NOT_GOLD = new Set(["rule", "context"]);  // fact keys a gold file does not take
let state = null;  // {text, cps, doc, colours, types, facts: [{fact, wrong, added}], pending}

function status(message, error = false) {
  $("status").textContent = message;
  $("status").className = error ? "error" : "";
}

async function run() {
  const file = $("file").files[0];
  const published = $("published").value || null;
  let body, headers = {};
  if (file) {
    body = new FormData();
    body.append("file", file);
    if (published) body.append("published", published);
  } else {
    const text = $("paste").value;
    if (!text.trim()) return status("paste a text or open a file first", true);
    body = JSON.stringify({text, published});
    headers["Content-Type"] = "application/json";
  }
  status("extracting…");
  let res, data;
  try {
    res = await fetch("review/extract", {method: "POST", body, headers});
    data = await res.json();
  } catch (e) {
    return status("the server did not answer: " + e, true);
  }
  if (!res.ok) return status(data.error ? data.error.message : res.statusText, true);
  state = {text: data.text, cps: Array.from(data.text), doc: data.document, colours: data.colours,
           types: data.types, facts: data.document.facts.map((fact) => ({fact, wrong: false, added: false}))};
  $("doc-id").value = file ? file.name.replace(/\.[^.]*$/, "") : "review-" + new Date().toISOString().slice(0, 10);
  $("add-type").replaceChildren(...state.types.map((t) => new Option(t, t)));
  $("review").hidden = false;
  $("gold").value = "";
  draw();
  status(`${state.facts.length} facts found`);
}

// Facts as nested marks: the earliest, longest one holds what lies inside it; a fact crossing
// its end is cut there (render/marks.py does the same on the server).
function nest(pieces) {
  const order = (a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2];
  pieces = pieces.slice().sort(order);
  const top = [];
  while (pieces.length) {
    const [start, end, index, part] = pieces[0];
    const inside = [], outside = [];
    for (const [s, e, i, cut] of pieces.slice(1)) {
      if (s >= end) outside.push([s, e, i, cut]);
      else if (e <= end) inside.push([s, e, i, cut]);
      else { inside.push([s, end, i, true]); outside.push([end, e, i, true]); }
    }
    top.push({index, start, end, part, children: nest(inside)});
    pieces = outside.sort(order);
  }
  return top;
}

function plain(v) {
  if (Array.isArray(v)) return v.join("; ");
  if (v && typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function tip(f) {
  const lines = [`${f.type}: ${plain(f.value)}`];
  for (const [k, v] of Object.entries(f)) {
    if (!["type", "text", "start", "end", "value", "rule"].includes(k)) lines.push(`${k}: ${plain(v)}`);
  }
  lines.push(`at: ${f.start}-${f.end}`);
  if (f.rule) lines.push(`rule: ${f.rule}`);
  return lines.join("\n");
}

function draw() {
  const box = $("text");
  const slice = (a, b) => document.createTextNode(state.cps.slice(a, b).join(""));
  const emit = (parent, marks, lo, hi) => {
    let pos = lo;
    for (const m of marks) {
      const item = state.facts[m.index], f = item.fact;
      parent.append(slice(pos, m.start));
      const el = document.createElement("mark");
      el.className = "fact" + (m.part ? " part" : "") + (item.wrong ? " wrong" : "") + (item.added ? " added" : "");
      Object.assign(el.dataset, {type: f.type, fact: m.index, tip: tip(f) + (item.wrong ? "\nmarked wrong" : "")});
      el.style.setProperty("--c", state.colours[f.type] || "#eee");
      el.tabIndex = 0;
      emit(el, m.children, m.start, m.end);
      parent.append(el);
      pos = m.end;
    }
    parent.append(slice(pos, hi));
  };
  box.replaceChildren();
  emit(box, nest(state.facts.map((x, i) => [x.fact.start, x.fact.end, i, false])), 0, state.cps.length);
  const count = {};
  for (const x of state.facts) count[x.fact.type] = (count[x.fact.type] || 0) + 1;
  $("legend").replaceChildren(...Object.keys(count).sort().map((t) => {
    const li = document.createElement("li");
    li.dataset.type = t;
    li.style.setProperty("--c", state.colours[t] || "#eee");
    li.textContent = `${t} ${count[t]}`;
    return li;
  }));
  const wrong = state.facts.filter((x) => x.wrong).length, added = state.facts.filter((x) => x.added).length;
  $("counts").textContent = `${state.facts.length - added} found · ${wrong} marked wrong · ${added} added`;
}

function toggle(mark) {
  const index = Number(mark.dataset.fact), item = state.facts[index];
  if (item.added) state.facts.splice(index, 1);  // an added fact clicked again goes away
  else item.wrong = !item.wrong;
  draw();
  const again = $("text").querySelector(`mark[data-fact="${index}"]`);
  if (again && !item.added) again.focus();
}

// Offsets count code points, as Python's do: a range's string from the text's start.
function offsetOf(node, offset) {
  const range = document.createRange();
  range.setStart($("text"), 0);
  range.setEnd(node, offset);
  return Array.from(range.toString()).length;
}

function selected() {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  if (!$("text").contains(range.startContainer) || !$("text").contains(range.endContainer)) return null;
  let start = offsetOf(range.startContainer, range.startOffset), end = offsetOf(range.endContainer, range.endOffset);
  while (start < end && /\s/.test(state.cps[start])) start++;
  while (end > start && /\s/.test(state.cps[end - 1])) end--;
  return end > start ? {start, end, text: state.cps.slice(start, end).join("")} : null;
}

function openAdd(span) {
  state.pending = span;
  $("add-text").textContent = span.text;
  $("add-value").value = "";
  $("add-fields").value = "";
  $("add").hidden = false;
  $("add-value").focus();
}

function parseFields(text) {
  const out = {};
  for (const part of text.split(/[;\n]/)) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim(), raw = part.slice(at + 1).trim();
    if (!key) continue;
    out[key] = key === "upper" && raw !== "" && !isNaN(Number(raw)) ? Number(raw) : raw;
  }
  return out;
}

function add(event) {
  event.preventDefault();
  const span = state.pending, type = $("add-type").value, raw = $("add-value").value.trim();
  if (!span) return;
  let value = raw;
  if (NUMERIC.has(type)) {
    value = Number(raw.replace(/\s/g, ""));
    if (raw === "" || isNaN(value)) return status(`a ${type} value is a number (1250.5, 27000000000)`, true);
  }
  const fact = {type, text: span.text, start: span.start, end: span.end, value, ...parseFields($("add-fields").value)};
  if (type === "money" && !fact.currency) fact.currency = "VND";
  if (type === "quantity" && !fact.unit) return status("a quantity needs its unit: fields unit=người", true);
  state.facts.push({fact, wrong: false, added: true});
  state.pending = null;
  $("add").hidden = true;
  window.getSelection().removeAllRanges();
  draw();
  status(`added a ${type} fact`);
}

// The gold row (docs/annotation.md): the facts not marked wrong, in text order, without the
// keys gold files do not take; what the review changed goes in `review`, which eval leaves alone.
function exportRow() {
  const clean = (f) => Object.fromEntries(Object.entries(f).filter(([k]) => !NOT_GOLD.has(k)));
  const kept = state.facts.filter((x) => !x.wrong).map((x) => clean(x.fact))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const row = {id: $("doc-id").value.trim() || "review", text: state.text};
  if (state.doc.published) row.published = state.doc.published;
  row.facts = kept;
  row.review = {
    tool: "vnfacts review page",
    wrong: state.facts.filter((x) => x.wrong).map((x) => clean(x.fact)),
    added: state.facts.filter((x) => x.added).length,
  };
  const line = JSON.stringify(row);
  $("gold").value = line;
  const link = $("download");
  if (link.href) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([line + "\n"], {type: "application/x-ndjson"}));
  link.download = row.id + ".jsonl";
  link.textContent = "download " + row.id + ".jsonl";
  link.hidden = false;
  status(`exported ${kept.length} facts`);
}

$("run").addEventListener("click", run);
$("add").addEventListener("submit", add);
$("add-cancel").addEventListener("click", () => { $("add").hidden = true; state.pending = null; });
$("export").addEventListener("click", exportRow);
$("text").addEventListener("mouseup", () => {
  const span = selected();
  if (span) openAdd(span);
});
$("text").addEventListener("click", (event) => {
  if (!window.getSelection().isCollapsed) return;  // a selection, not a click
  const mark = event.target.closest("mark.fact");
  if (mark) toggle(mark);
});
$("text").addEventListener("keydown", (event) => {
  const mark = event.target.closest && event.target.closest("mark.fact");
  if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); toggle(mark); }
});
