"use strict";
// newsfacts report: renders the embedded data lazily (one page of documents and of table rows at a time),
// so that thousands of documents stay responsive. Text from documents is only ever set as text, never as HTML.
(function () {
  const DATA = JSON.parse(document.getElementById("newsfacts-data").textContent);
  const docs = DATA.documents;
  const facts = DATA.facts;
  const CORE = ["drones", "missiles", "troops", "casualties", "prison_sentence", "interest_rate"];
  const SERIES = {
    drones: (f) => f.attributes.status || "other",
    missiles: (f) => f.attributes.status || "other",
    casualties: (f) => f.attributes.outcome || "unspecified",
    troops: (f) => f.attributes.country || "unspecified",
    prison_sentence: (f) => f.unit || "count",
    interest_rate: () => "rate",
  };
  const SERIES_COLOURS = ["#e4572e", "#2f5bd3", "#2e7d32", "#f9a825", "#6a4c93", "#00838f", "#8d6e63", "#d81b60"];
  const DOC_PAGE = 20;
  const ROW_PAGE = 50;
  const state = { kind: "", lang: "", doc: "", from: "", to: "", text: "", sortKey: "doc", sortDir: 1, rowPage: 0, docPage: 0 };
  const byDoc = docs.map(() => []);
  const kindColour = {};
  const rootStyle = getComputedStyle(document.documentElement);
  const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 });

  facts.forEach((f, i) => {
    f.id = i;
    f.day = f.when ? f.when.start : docs[f.doc].published || "";
    // Charts count days and nights: a figure about a longer period (a month, a year) would read as one day's.
    f.chartDay = !f.when ? f.day : Date.parse(f.when.end) - Date.parse(f.when.start) <= 86400000 ? f.when.start : "";
    f.lang = docs[f.doc].lang;
    f.attributesText = Object.entries(f.attributes)
      .filter(([, v]) => v !== null && v !== false)
      .map(([k, v]) => (v === true ? k : k + "=" + v))
      .join(", ");
    f.haystack = [f.kind, f.text, f.rule, f.source || "", f.attributesText, docs[f.doc].path, docs[f.doc].title || ""]
      .join("\u0001")
      .toLowerCase();
    byDoc[f.doc].push(f);
  });

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "style") node.style.cssText = value;
      else node.setAttribute(key === "className" ? "class" : key, value);
    });
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  function colour(kind) {
    if (!(kind in kindColour)) kindColour[kind] = rootStyle.getPropertyValue("--" + kind).trim() || "#607d8b";
    return kindColour[kind];
  }

  function number(value) {
    return typeof value === "number" ? value.toLocaleString("en-US", { maximumFractionDigits: 3 }) : "";
  }

  function amount(f) {
    if (f.modifier === "range") return number(f.low) + "–" + number(f.high);
    if (f.modifier === "vague") return "≥ " + number(f.low);
    return number(f.value);
  }

  function size(f) {
    return f.value !== null ? f.value : f.high !== null ? f.high : f.low;
  }

  function whenText(f) {
    if (!f.when) return "";
    return f.when.start === f.when.end ? f.when.start : f.when.start + " → " + f.when.end;
  }

  function plural(count, noun) {
    return count + " " + noun + (count === 1 ? "" : "s");
  }

  function docName(d) {
    return d.title || d.path;
  }

  // Filters

  function factMatches(f) {
    if (state.kind && f.kind !== state.kind) return false;
    if (state.lang && f.lang !== state.lang) return false;
    if (state.doc !== "" && f.doc !== Number(state.doc)) return false;
    if ((state.from || state.to) && !f.day) return false;
    if (state.from && f.day < state.from) return false;
    if (state.to && f.day > state.to) return false;
    if (state.text && !f.haystack.includes(state.text)) return false;
    return true;
  }

  function factFiltered() {
    return state.kind || state.from || state.to || state.text;
  }

  function docMatches(index) {
    if (state.lang && docs[index].lang !== state.lang) return false;
    if (state.doc !== "" && index !== Number(state.doc)) return false;
    return !factFiltered() || byDoc[index].some(factMatches);
  }

  function fillSelect(select, values, label) {
    values.forEach((value) => select.append(el("option", { value: String(value), text: label ? label(value) : value })));
  }

  function setUpFilters() {
    const kinds = [...new Set(facts.map((f) => f.kind))].sort();
    const counts = {};
    facts.forEach((f) => (counts[f.kind] = (counts[f.kind] || 0) + 1));
    fillSelect($("filter-kind"), kinds, (k) => k + " (" + counts[k] + ")");
    fillSelect($("filter-lang"), [...new Set(docs.map((d) => d.lang))].sort());
    fillSelect($("filter-doc"), docs.map((d, i) => i), (i) => docName(docs[i]));
    const inputs = { kind: "filter-kind", lang: "filter-lang", doc: "filter-doc", from: "filter-from", to: "filter-to" };
    Object.entries(inputs).forEach(([key, id]) =>
      $(id).addEventListener("change", (event) => {
        state[key] = event.target.value;
        refresh();
      })
    );
    $("filter-text").addEventListener("input", (event) => {
      state.text = event.target.value.trim().toLowerCase();
      refresh();
    });
    $("filters").addEventListener("reset", () => {
      Object.assign(state, { kind: "", lang: "", doc: "", from: "", to: "", text: "" });
      setTimeout(refresh);
    });
    $("legend").append(...kinds.map((k) => chip(k, k + " " + counts[k])));
  }

  function chip(kind, text) {
    return el("span", { className: "chip", text: text || kind, style: "background:" + colour(kind) });
  }

  // Pagination

  function pager(nav, page, pages, total, noun, go) {
    nav.replaceChildren();
    if (pages <= 1) return;
    const previous = el("button", { type: "button", text: "‹ previous" });
    const next = el("button", { type: "button", text: "next ›" });
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
    previous.addEventListener("click", () => go(page - 1));
    next.addEventListener("click", () => go(page + 1));
    nav.append(previous, el("span", { text: "page " + (page + 1) + " of " + pages + " (" + total + " " + noun + ")" }), next);
  }

  // Table

  const SORT_VALUE = {
    value: (f) => size(f),
    doc: (f) => docName(docs[f.doc]).toLowerCase() + "\u0000" + String(f.start).padStart(9, "0"),
    attributes: (f) => f.attributesText,
    source: (f) => f.source || "",
    unit: (f) => f.unit || "",
  };

  function sortedRows() {
    const rows = facts.filter(factMatches);
    const key = SORT_VALUE[state.sortKey] || ((f) => f[state.sortKey] || "");
    const dir = state.sortDir;
    const keyed = rows.map((f) => [key(f), f]);
    keyed.sort((a, b) => (a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1].id - b[1].id));
    return keyed.map((pair) => pair[1]);
  }

  function renderTable() {
    const rows = sortedRows();
    const pages = Math.max(1, Math.ceil(rows.length / ROW_PAGE));
    state.rowPage = Math.min(state.rowPage, pages - 1);
    const shown = rows.slice(state.rowPage * ROW_PAGE, (state.rowPage + 1) * ROW_PAGE);
    $("table-count").textContent = rows.length === facts.length ? "(" + facts.length + ")" : "(" + rows.length + " of " + facts.length + ")";
    const body = $("facts-table").tBodies[0];
    body.replaceChildren(
      ...shown.map((f) =>
        el("tr", { dataset: { fact: f.id } }, [
          el("td", {}, [chip(f.kind)]),
          el("td", { className: "num", text: amount(f) }),
          el("td", { text: f.unit || "" }),
          el("td", { text: f.modifier }),
          el("td", { text: f.attributesText }),
          el("td", { className: "when", text: whenText(f) }),
          el("td", { className: "source", text: f.source || "" }),
          el("td", { className: "doc", text: docs[f.doc].title || docs[f.doc].path.split("/").pop(), title: docs[f.doc].path }),
          el("td", { text: f.lang }),
          el("td", { className: "rule", text: f.rule }),
        ])
      )
    );
    document.querySelectorAll("#facts-table th").forEach((th) => {
      th.classList.toggle("sorted-asc", th.dataset.sort === state.sortKey && state.sortDir === 1);
      th.classList.toggle("sorted-desc", th.dataset.sort === state.sortKey && state.sortDir === -1);
    });
    pager($("table-pager"), state.rowPage, pages, rows.length, "facts", (page) => {
      state.rowPage = page;
      renderTable();
    });
  }

  function setUpTable() {
    document.querySelectorAll("#facts-table th").forEach((th) =>
      th.addEventListener("click", () => {
        state.sortDir = state.sortKey === th.dataset.sort ? -state.sortDir : 1;
        state.sortKey = th.dataset.sort;
        renderTable();
      })
    );
    $("facts-table").tBodies[0].addEventListener("click", (event) => {
      const row = event.target.closest("tr");
      if (row) reveal(facts[Number(row.dataset.fact)]);
    });
  }

  // Documents

  function highlighted(text, list) {
    // Facts nest when one span holds another; a partial overlap is clipped, so every fact keeps one mark.
    const root = document.createDocumentFragment();
    const stack = [{ node: root, end: text.length }];
    let pos = 0;
    const close = () => {
      const top = stack.pop();
      top.node.append(text.slice(pos, top.end));
      pos = top.end;
    };
    const sorted = list.slice().sort((a, b) => a.start - b.start || b.end - a.end);
    sorted.forEach((f) => {
      while (stack.length > 1 && stack[stack.length - 1].end <= f.start) close();
      const parent = stack[stack.length - 1];
      const start = Math.min(Math.max(f.start, pos), parent.end);
      const end = Math.max(start, Math.min(f.end, parent.end));
      parent.node.append(text.slice(pos, start));
      pos = start;
      const mark = el("mark", {
        className: "fact" + (factFiltered() && !factMatches(f) ? " dim" : ""),
        dataset: { fact: f.id },
        style: "--c:" + colour(f.kind),
        title: f.kind + ": " + amount(f) + (f.unit ? " " + f.unit : "") + (f.attributesText ? " (" + f.attributesText + ")" : ""),
        tabindex: "0",
      });
      parent.node.append(mark);
      stack.push({ node: mark, end: end });
    });
    while (stack.length > 1) close();
    root.append(text.slice(pos));
    return root;
  }

  function renderDocuments() {
    const shown = docs.map((d, i) => i).filter(docMatches);
    const pages = Math.max(1, Math.ceil(shown.length / DOC_PAGE));
    state.docPage = Math.min(state.docPage, pages - 1);
    $("documents-count").textContent = shown.length === docs.length ? "(" + docs.length + ")" : "(" + shown.length + " of " + docs.length + ")";
    const page = shown.slice(state.docPage * DOC_PAGE, (state.docPage + 1) * DOC_PAGE);
    $("documents").replaceChildren(
      ...page.map((i) => {
        const d = docs[i];
        const meta = [d.path, d.lang, d.published ? "published " + d.published : "", plural(byDoc[i].length, "fact")];
        const heading = el("h3", { text: docName(d) });
        const details = el("div", { className: "meta", text: meta.filter(Boolean).join(" · ") });
        if (d.url && /^https?:\/\//i.test(d.url)) {
          details.append(" · ", el("a", { href: d.url, text: d.url, rel: "noreferrer noopener", target: "_blank" }));
        }
        return el("article", { className: "doc", id: "doc-" + i, dataset: { doc: i } }, [
          heading,
          details,
          el("div", { className: "text" }, [highlighted(d.text, byDoc[i])]),
        ]);
      })
    );
    const go = (n) => {
      state.docPage = n;
      renderDocuments();
      $("documents-section").scrollIntoView();
    };
    pager($("documents-pager"), state.docPage, pages, shown.length, "documents", go);
    pager($("documents-pager-bottom"), state.docPage, pages, shown.length, "documents", go);
    return shown;
  }

  function reveal(f) {
    let shown = docs.map((d, i) => i).filter(docMatches);
    if (!shown.includes(f.doc)) {
      Object.assign(state, { lang: "", doc: "" });
      $("filter-lang").value = "";
      $("filter-doc").value = "";
      shown = docs.map((d, i) => i).filter(docMatches);
    }
    state.docPage = Math.floor(shown.indexOf(f.doc) / DOC_PAGE);
    renderDocuments();
    const mark = document.querySelector('mark.fact[data-fact="' + f.id + '"]');
    if (mark) {
      mark.scrollIntoView({ block: "center" });
      select(f);
    }
  }

  // Details

  function select(f) {
    document.querySelectorAll("mark.fact.selected").forEach((m) => m.classList.remove("selected"));
    const mark = document.querySelector('mark.fact[data-fact="' + f.id + '"]');
    if (mark) mark.classList.add("selected");
    const d = docs[f.doc];
    const rows = [
      ["quantity", amount(f)],
      ["unit", f.unit || "—"],
      ["modifier", f.modifier],
      ...Object.entries(f.attributes).map(([k, v]) => [k, v === null ? "—" : String(v)]),
      ["when", f.when ? whenText(f) + " (“" + f.when.text + "”)" : "—"],
      ["source", f.source || "—"],
      ["rule", f.rule],
      ["span", "“" + f.text + "” at " + f.start + "–" + f.end],
      ["document", d.path],
      ["published", d.published || "—"],
    ];
    const panel = $("details");
    panel.style.setProperty("--c", colour(f.kind));
    $("details-title").replaceChildren(chip(f.kind), " ", f.text);
    $("details-body").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]));
    $("details-sentence").textContent = d.text.slice(f.sentenceStart, f.sentenceEnd);
    panel.dataset.fact = f.id;
    panel.hidden = false;
  }

  function setUpDetails() {
    $("documents").addEventListener("click", (event) => {
      const mark = event.target.closest("mark.fact");
      if (mark) select(facts[Number(mark.dataset.fact)]);
    });
    $("documents").addEventListener("keydown", (event) => {
      const mark = event.target.closest("mark.fact");
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        select(facts[Number(mark.dataset.fact)]);
      }
    });
    $("details-close").addEventListener("click", () => ($("details").hidden = true));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") $("details").hidden = true;
    });
  }

  // Charts

  function svg(tag, attrs, text) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function buckets(days) {
    // Days when the span is short enough to read them, months otherwise.
    const first = new Date(days[0] + "T00:00:00Z");
    const last = new Date(days[days.length - 1] + "T00:00:00Z");
    const span = (last - first) / 86400000;
    if (span <= 120) {
      const out = [];
      for (let t = first.getTime(); t <= last.getTime(); t += 86400000) out.push(new Date(t).toISOString().slice(0, 10));
      return { keys: out, of: (day) => day };
    }
    const out = [];
    const cursor = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
    while (cursor <= last) {
      out.push(cursor.toISOString().slice(0, 7));
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
    return { keys: out, of: (day) => day.slice(0, 7) };
  }

  function niceStep(raw) {
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((step) => step >= raw);
  }

  function chart(kind, list) {
    const dated = list.filter((f) => f.chartDay && size(f) !== null);
    const box = el("div", { className: "chart", dataset: { kind: kind } }, [el("h3", {}, [chip(kind), " " + plural(list.length, "fact")])]);
    if (!dated.length) {
      box.append(el("p", { className: "empty-note", text: "no facts about a single day" }));
      return box;
    }
    const { keys, of } = buckets([...new Set(dated.map((f) => f.chartDay))].sort());
    const seriesNames = [...new Set(dated.map(SERIES[kind]))].sort();
    const table = {};
    dated.forEach((f) => {
      const cell = of(f.chartDay) + "|" + SERIES[kind](f);
      table[cell] = Math.max(table[cell] || 0, size(f));
    });
    const step = niceStep((Math.max(...Object.values(table)) || 1) / 4);
    const top = step * 4;
    const W = 440, H = 180, left = 48, right = 12, topPad = 10, bottom = 26;
    const plotW = W - left - right, plotH = H - topPad - bottom;
    const group = plotW / keys.length;
    const bar = Math.min(24, Math.max(1, (group * 0.8) / seriesNames.length));
    const fill = (s) => (seriesNames.length === 1 ? colour(kind) : SERIES_COLOURS[s % SERIES_COLOURS.length]);
    const root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": kind + " over time" });
    for (let i = 0; i <= 4; i++) {
      const y = topPad + plotH - (plotH * i) / 4;
      root.append(svg("line", { x1: left, x2: W - right, y1: y, y2: y, class: i ? "grid" : "axis" }));
      root.append(svg("text", { x: left - 5, y: y + 4, "text-anchor": "end" }, compact.format(step * i)));
    }
    keys.forEach((key, k) => {
      const start = left + k * group + (group - bar * seriesNames.length) / 2;
      seriesNames.forEach((name, s) => {
        const value = table[key + "|" + name];
        if (value === undefined) return;
        const h = (plotH * value) / top;
        const rect = svg("rect", { x: start + s * bar, y: topPad + plotH - h, width: Math.max(1, bar - 0.5), height: Math.max(h, 0.5), fill: fill(s) });
        rect.append(svg("title", {}, key + " · " + name + ": " + number(value)));
        root.append(rect);
      });
    });
    const every = Math.max(1, Math.ceil(keys.length / 6));
    keys.forEach((key, k) => {
      if (k % every) return;
      const x = left + (k + 0.5) * group;
      const anchor = x < left + 30 ? "start" : x > W - right - 30 ? "end" : "middle";
      root.append(svg("text", { x: anchor === "start" ? left : anchor === "end" ? W - right : x, y: H - bottom + 16, "text-anchor": anchor }, key));
    });
    box.append(root);
    box.append(
      el(
        "div",
        { className: "chart-legend" },
        seriesNames.map((name, s) =>
          el("span", {}, [el("span", { className: "swatch", style: "background:" + fill(s) }), name])
        )
      )
    );
    return box;
  }

  function renderCharts() {
    const matching = facts.filter(factMatches);
    const charts = CORE.map((kind) => [kind, matching.filter((f) => f.kind === kind)])
      .filter(([, list]) => list.length)
      .map(([kind, list]) => chart(kind, list));
    $("charts").replaceChildren(...(charts.length ? charts : [el("p", { className: "empty-note", text: "no facts of a core kind" })]));
  }

  function refresh() {
    state.rowPage = 0;
    state.docPage = 0;
    renderCharts();
    renderTable();
    renderDocuments();
  }

  $("summary").textContent =
    docs.length + " documents · " + facts.length + " facts · " + DATA.extractor + (DATA.skipped ? " · " + DATA.skipped + " skipped" : "");
  setUpFilters();
  setUpTable();
  setUpDetails();
  refresh();
  document.body.dataset.ready = "1";
})();
