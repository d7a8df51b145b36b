"use strict";
(function () {
  var started = performance.now();
  var errors = [];
  window.addEventListener("error", function (e) {
    errors.push(String(e.message || (e.target && e.target.tagName) || "error"));
  }, true);
  window.addEventListener("unhandledrejection", function (e) { errors.push("rejection: " + e.reason); });

  var data = JSON.parse(document.getElementById("netra-data").textContent);
  var L = data.labels;
  var SVG = "http://www.w3.org/2000/svg";
  var byId = new Map();
  data.events.forEach(function (e) {
    e.hay = [e.id, e.title, e.date, e.source, e.quote, e.notes].join(" ").toLowerCase();
    byId.set(e.id, e);
  });
  var jurisdictionById = new Map();
  data.jurisdictions.forEach(function (j, k) { jurisdictionById.set(j.id, k); });
  var state = { kind: "", jurisdiction: "", q: "" };
  var $ = function (id) { return document.getElementById(id); };
  var rows = Array.prototype.slice.call(document.querySelectorAll("#event-table tbody tr"));

  // ---- Filters -------------------------------------------------------------------------
  function matchesKind(k) { return !state.kind || data.kinds[k].id === state.kind; }
  // What lies under a jurisdiction (itself included), found once per choice by walking its
  // children: linear in the jurisdictions, however deep the tree.
  var children = null, underOf = -1, under = null;
  function isUnder(j, want) {
    if (underOf !== want) {
      if (!children) {
        children = data.jurisdictions.map(function () { return []; });
        data.jurisdictions.forEach(function (x, i) { if (x.parent >= 0 && x.parent < children.length) children[x.parent].push(i); });
      }
      under = new Uint8Array(data.jurisdictions.length);
      var stack = [want];
      while (stack.length) {
        var x = stack.pop();
        if (under[x]) continue;
        under[x] = 1;
        children[x].forEach(function (c) { stack.push(c); });
      }
      underOf = want;
    }
    return under[j] === 1;
  }
  function matchesJurisdiction(j) {
    if (!state.jurisdiction) return true;
    var want = jurisdictionById.get(state.jurisdiction);
    return want !== undefined && isUnder(j, want);
  }
  function matches(e) {
    if (!e || !matchesKind(e.k) || !matchesJurisdiction(e.j)) return false;
    return !state.q || e.hay.indexOf(state.q.toLowerCase()) >= 0;
  }
  function number(n) { return n.toLocaleString(data.lang === "id" ? "id-ID" : "en-GB"); }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(byId.get(row.dataset.eventId));
      row.hidden = !ok;
      if (ok) shown++;
    });
    $("no-match").hidden = shown > 0;
    // Counted against the whole dataset: a capped list says how many it lists of how many.
    var listed = data.events.length;
    $("shown").textContent = (data.total > listed ? L.shownCapped.replace("{listed}", number(listed)) : L.shown)
      .replace("{n}", number(shown)).replace("{total}", number(data.total));
    $("permalink").href = "#" + stateHash();
    drawTimeline();
  }

  function stateHash() {
    var p = new URLSearchParams();
    if (state.kind) p.set("kind", state.kind);
    if (state.jurisdiction) p.set("jurisdiction", state.jurisdiction);
    if (state.q) p.set("q", state.q);
    return p.toString();
  }

  function readHash() {
    var h = location.hash.slice(1), first = h.split("&")[0];
    // An event's permalink; one not in this page (left out of a big list) opens the page as it is.
    if (first.indexOf("event-") === 0 && byId.has(safeDecode(first.slice(6)))) {
      openEvent(safeDecode(first.slice(6)), true);
      return;
    }
    var p = new URLSearchParams(first.indexOf("event-") === 0 ? "" : h);
    state.kind = p.get("kind") || "";
    state.jurisdiction = p.get("jurisdiction") || "";
    state.q = p.get("q") || "";
    $("f-kind").value = state.kind;
    $("f-jurisdiction").value = state.jurisdiction;
    $("f-q").value = state.q;
    apply();
  }

  function safeDecode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  function changed() {
    state.kind = $("f-kind").value;
    state.jurisdiction = $("f-jurisdiction").value;
    state.q = $("f-q").value.trim();
    apply();
    var h = stateHash();
    try { history.replaceState(null, "", h ? "#" + h : location.pathname + location.search); } catch (e) { /* a file: URL may refuse */ }
  }
  $("f-kind").addEventListener("change", changed);
  $("f-jurisdiction").addEventListener("change", changed);
  $("f-q").addEventListener("input", changed);
  window.addEventListener("hashchange", readHash);

  // ---- Table sorting --------------------------------------------------------------------
  var sortKeys = { date: 0, title: 1, kind: 2, jurisdiction: 3, status: 4, source: 5 };
  document.querySelectorAll("#event-table th button").forEach(function (b) {
    b.addEventListener("click", function () {
      var th = b.parentNode, col = sortKeys[b.dataset.sort];
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      document.querySelectorAll("#event-table th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      var key = function (r) { return col === 0 ? Number(r.dataset.day) : r.cells[col].textContent.toLowerCase(); };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * dir;
      });
      var body = document.querySelector("#event-table tbody");
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  document.querySelectorAll("#event-table button.open").forEach(function (b) {
    b.addEventListener("click", function () { openEvent(b.dataset.open, false); });
  });

  // ---- Details panel --------------------------------------------------------------------
  var pinned = null;
  function el(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = text;
    if (cls) n.className = cls;
    return n;
  }
  function field(dl, label, value) {
    if (!value) return;
    dl.appendChild(el("dt", label));
    var dd = el("dd");
    if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
    dl.appendChild(dd);
  }
  function showEvent(e) {
    var body = $("details-body");
    body.textContent = "";
    body.appendChild(el("h3", e.title));
    var dl = el("dl");
    field(dl, L.date, e.date + " (" + e.precision + ")");
    field(dl, L.kind, e.kl || data.kinds[e.k].label);
    field(dl, L.jurisdiction, data.jurisdictions[e.j].name);
    field(dl, L.status, e.status);
    var src = el("span");
    if (e.url) {
      var a = el("a", e.source || e.url);
      a.href = e.url; a.rel = "noopener noreferrer"; a.target = "_blank";
      src.appendChild(a);
    } else {
      src.textContent = e.source + (e.address ? " " + e.address : "");
    }
    field(dl, L.source, src);
    if (e.quote) field(dl, L.quote, el("blockquote", e.quote));
    field(dl, L.notes, e.notes);
    if (e.links.length) {
      var list = el("div");
      e.links.forEach(function (l) {
        var target = byId.get(l[1]);
        var b = el("button", l[0] + ": " + (target ? target.title : l[1]), "goto");
        b.type = "button";
        b.dataset.goto = l[1];
        if (!target) b.disabled = true;
        b.addEventListener("click", function () { openEvent(l[1], false); });
        list.appendChild(b);
      });
      field(dl, L.linked, list);
    }
    body.appendChild(dl);
    var link = el("a", L.eventLink, "permalink");
    link.href = "#event-" + encodeURIComponent(e.id);
    body.appendChild(link);
    openPanel();
  }
  function showCluster(c) {
    var body = $("details-body");
    body.textContent = "";
    body.appendChild(el("h3", number(c[3]) + " " + L.clusterOf + ": " + data.kinds[c[4]].label));
    var dl = el("dl");
    field(dl, L.jurisdiction, data.jurisdictions[c[0]].name);
    field(dl, L.date, dayText(c[1]) + " – " + dayText(c[2]));
    body.appendChild(dl);
    openPanel();
  }
  function openPanel() {
    $("details").hidden = false;
    document.body.classList.add("details-open");
    drawTimeline();
  }
  function openEvent(id, fromHash) {
    var e = byId.get(id);
    if (!e) return;
    pinned = id;
    if (fromHash && !matches(e)) { state.kind = ""; state.jurisdiction = ""; state.q = ""; $("f-kind").value = ""; $("f-jurisdiction").value = ""; $("f-q").value = ""; }
    // Opened from a permalink, the timeline shows the four months around it; else it is
    // only brought into view.
    if (fromHash) setView(e.a - 60, e.a + 60);
    else if (e.a < view[0] || e.a > view[1]) {
      var span = view[1] - view[0];
      setView(e.a - span / 2, e.a + span / 2);
    }
    if (fromHash) apply(); else drawTimeline();
    showEvent(e);
    if (fromHash) {
      var mark = document.querySelector('#tl [data-event-id="' + CSS.escape(id) + '"]');
      if (mark) $("timeline").scrollIntoView();
    }
  }
  $("details-close").addEventListener("click", function () {
    pinned = null;
    hovered = null;
    $("details").hidden = true;
    document.body.classList.remove("details-open");
    drawTimeline();
  });

  // ---- Timeline -------------------------------------------------------------------------
  var tl = $("tl");
  var full = (function () {
    var lo = Infinity, hi = -Infinity;
    data.events.forEach(function (e) { lo = Math.min(lo, e.a); hi = Math.max(hi, e.b + 1); });
    (data.clusters || []).forEach(function (c) { lo = Math.min(lo, c[1]); hi = Math.max(hi, c[2] + 1); });
    if (lo === Infinity) { lo = 19700; hi = 19760; }
    data.elections.forEach(function (el) { if (el.day > lo - 366 && el.day < hi + 366) { lo = Math.min(lo, el.day); hi = Math.max(hi, el.day + 1); } });
    var pad = Math.max(3, (hi - lo) / 40);
    return [lo - pad, hi + pad];
  })();
  var view = full.slice();
  function setView(a, b) {
    var span = Math.min(Math.max(b - a, 7), (full[1] - full[0]) * 1.5);
    var mid = (a + b) / 2;
    mid = Math.min(Math.max(mid, full[0]), full[1]);
    view = [mid - span / 2, mid + span / 2];
  }
  function date(o) { return new Date(o * 864e5); }
  function dayText(o) { var d = date(o); return d.getUTCDate() + " " + data.months[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
  function ticks(a, b, width) {
    var span = b - a, out = [], d, o;
    var perTick = span / Math.max(1, width / 90);
    if (perTick <= 14) {
      var step = perTick <= 1 ? 1 : perTick <= 2 ? 2 : perTick <= 7 ? 7 : 14;
      for (o = Math.ceil(a); o <= b; o++) if ((o + 3) % step === 0 || step === 1) {
        d = date(o);
        out.push([o, d.getUTCDate() + " " + data.months[d.getUTCMonth()]]);
      }
      return out;
    }
    var months = [1, 2, 3, 6, 12, 24, 60, 120, 600].find(function (m) { return m * 30.44 >= perTick; }) || 1200;
    d = date(a);
    var m = d.getUTCFullYear() * 12 + d.getUTCMonth();
    m = Math.ceil(m / months) * months;
    for (;; m += months) {
      o = Date.UTC(Math.floor(m / 12), m % 12, 1) / 864e5;
      if (o > b) break;
      if (o < a) continue;
      var y = Math.floor(m / 12);
      out.push([o, months >= 12 ? String(y) : (m % 12 === 0 || out.length === 0 ? data.months[m % 12] + " " + y : data.months[m % 12])]);
    }
    return out;
  }
  function svg(tag, attrs, parent) {
    var n = document.createElementNS(SVG, tag);
    for (var k in attrs) n.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(n);
    return n;
  }

  var plot = { left: 8, width: 800 };
  var positions = new Map();
  function x(o) { return plot.left + (o - view[0]) / (view[1] - view[0]) * plot.width; }
  var drawQueued = false;
  function drawTimeline() {
    if (drawQueued) return;
    drawQueued = true;
    // The next frame, or soon when frames are not coming (a hidden tab or frame).
    var done = false;
    var go = function () { if (done) return; done = true; drawQueued = false; draw(); };
    if (window.requestAnimationFrame) window.requestAnimationFrame(go);
    setTimeout(go, 50);
  }
  function draw() {
    var W = Math.max(200, tl.clientWidth || 800);
    plot.width = W - 16;
    var axisH = 44, nameH = 20, rowH = 18, r = 6, maxRows = 6;
    var root = svg("svg", { width: W, role: "group", "aria-label": document.querySelector("#timeline h2").textContent });
    var clip = svg("clipPath", { id: "tl-clip" }, svg("defs", {}, root));
    var clipRect = svg("rect", { x: 0, y: 0, width: W, height: 10 }, clip);
    var axis = svg("g", {}, root);
    var body = svg("g", { "clip-path": "url(#tl-clip)" }, root);
    var y = axisH, laneTops = {};
    positions = new Map();
    data.lanes.forEach(function (j, laneIndex) {
      var top = y;
      laneTops[j] = top;
      var lane = svg("g", { "data-lane": data.jurisdictions[j].id }, body);
      var h;
      if (data.clusters) {
        h = nameH + 52;
        drawClusters(lane, j, top + nameH, 52);
      } else {
        var visible = [], hidden = [];
        data.events.forEach(function (e) { if (e.j === j) (matches(e) ? visible : hidden).push(e); });
        visible.sort(function (p, q) { return p.a - q.a; });
        var ends = [];
        visible.forEach(function (e) {
          var x0 = x(e.a) - r - 2, x1 = Math.max(x(e.b + 1), x(e.a) + r) + 2, row = -1;
          for (var k = 0; k < ends.length; k++) if (ends[k] <= x0) { row = k; break; }
          if (row < 0 && ends.length < maxRows) { ends.push(0); row = ends.length - 1; }
          if (row < 0) { row = 0; for (k = 1; k < ends.length; k++) if (ends[k] < ends[row]) row = k; }
          ends[row] = Math.max(ends[row], x1);
          e.row = row;
        });
        var rowsUsed = Math.max(1, ends.length);
        h = nameH + rowsUsed * rowH + 8;
        visible.forEach(function (e) { drawMark(lane, e, top + nameH + 4 + e.row * rowH + rowH / 2, r, false); });
        hidden.forEach(function (e) { drawMark(lane, e, top + nameH + 4 + rowH / 2, r, true); });
      }
      svg("rect", { x: 0, y: top, width: W, height: h, fill: laneIndex % 2 ? "#ffffff" : "#f5f7fa" }, lane).parentNode.insertBefore(lane.lastChild, lane.firstChild);
      var name = svg("text", { x: 8, y: top + 15, "font-size": 13, "font-weight": "bold", fill: "#1d2433" }, root);
      name.textContent = data.jurisdictions[j].name;
      y += h;
    });
    var bottom = y;
    clipRect.setAttribute("height", bottom);
    // The selected event's links, as arcs to the linked marks that are shown.
    var from = pinned && positions.get(pinned);
    if (from) {
      byId.get(pinned).links.forEach(function (l) {
        var to = positions.get(l[1]);
        if (!to) return;
        var mx = (from[0] + to[0]) / 2, my = Math.min(from[1], to[1]) - 24;
        svg("path", { d: "M" + from[0] + "," + from[1] + " Q" + mx + "," + my + " " + to[0] + "," + to[1], fill: "none",
                      stroke: "#1d2433", "stroke-width": 1.5, "stroke-opacity": 0.7, "stroke-dasharray": "4 3", "class": "link" }, body);
      });
    }
    ticks(view[0], view[1], plot.width).forEach(function (t) {
      var tx = x(t[0]);
      svg("line", { x1: tx, x2: tx, y1: 18, y2: bottom, stroke: "#d9dde5" }, axis);
      var label = svg("text", { x: tx + 3, y: 14, "font-size": 12, fill: "#5b6475" }, axis);
      label.textContent = t[1];
    });
    var labelEnd = -Infinity;
    data.elections.forEach(function (el) {
      var ex = x(el.day + 0.5);
      if (ex < 0 || ex > W) return;
      svg("line", { x1: ex, x2: ex, y1: 20, y2: bottom, stroke: "#b3261e", "stroke-width": 2, "stroke-dasharray": "6 4" }, axis);
      // A name that would overlap the last one kept is left to the line's tooltip.
      svg("title", {}, axis.lastChild).textContent = el.name + " · " + dayText(el.day);
      if (ex + 4 < labelEnd) return;
      // Right of its rule, or left of it where the name would run past the right edge.
      var label = svg("text", { x: ex + 4, y: 34, "font-size": 12, "font-weight": "bold", fill: "#b3261e" }, axis);
      label.textContent = el.name;
      var w = label.getComputedTextLength ? label.getComputedTextLength() : el.name.length * 7.5;
      if (!(w > 0)) w = el.name.length * 7.5;
      if (ex + 4 + w > W - 2) { label.setAttribute("x", ex - 4); label.setAttribute("text-anchor", "end"); }
      labelEnd = Math.max(ex + 4, ex + 4 + w) + 8;
    });
    root.setAttribute("height", bottom);
    root.setAttribute("viewBox", "0 0 " + W + " " + bottom);
    // A mark that had the keyboard's focus keeps it across the redraw.
    var focused = document.activeElement && tl.contains(document.activeElement) && document.activeElement.getAttribute("data-event-id");
    tl.textContent = "";
    tl.appendChild(root);
    if (focused) {
      var again = root.querySelector('[data-event-id="' + CSS.escape(focused) + '"]');
      if (again) again.focus({ preventScroll: true });
    }
  }
  function drawMark(parent, e, cy, r, isHidden) {
    var kind = data.kinds[e.k];
    var g = svg("g", { "class": "mark" + (pinned === e.id ? " selected" : ""), "data-event-id": e.id, "data-kind": kind.id, tabindex: 0, role: "button", "aria-label": e.title }, parent);
    if (isHidden) g.setAttribute("hidden", "");
    svg("title", {}, g).textContent = e.title + " · " + e.date;
    var cx = x(e.a);
    if (!isHidden) positions.set(e.id, [cx, cy]);
    if (e.form === "span") {
      var w = Math.max(x(e.b + 1) - cx, 2 * r);
      svg("rect", { "class": "shape", x: cx, y: cy - r + 1, width: w, height: 2 * r - 2, rx: 3, fill: kind.color, "fill-opacity": 0.35, stroke: kind.color, "stroke-width": 1.5 }, g);
    } else if (e.form === "by") {
      svg("line", { x1: cx - 4 * r, x2: cx - r, y1: cy, y2: cy, stroke: kind.edge, "stroke-width": 2, "stroke-opacity": 0.6 }, g);
      svg("circle", { "class": "shape", cx: cx, cy: cy, r: r - 1, fill: "#fff", stroke: kind.color, "stroke-width": 3 }, g);
    } else {
      svg("circle", { "class": "shape", cx: cx, cy: cy, r: r, fill: kind.color, stroke: kind.edge, "stroke-width": 1.5 }, g);
    }
    // A larger invisible target, so a finger can hit a small mark.
    svg("circle", { cx: cx, cy: cy, r: 14, fill: "transparent" }, g);
  }
  function drawClusters(parent, j, top, h) {
    var cells = data.clusters.filter(function (c) { return c[0] === j; });
    var maxN = 1;
    data.clusters.forEach(function (c) { maxN = Math.max(maxN, c[3]); });
    var k = (h * 0.45) / Math.sqrt(maxN);
    cells.forEach(function (c) {
      var kind = data.kinds[c[4]];
      var g = svg("g", { "class": "cluster", "data-cluster": c.join(","), "data-kind": kind.id, tabindex: 0, role: "button" }, parent);
      // A lane may hold the events of cities merged into it (the nearest lane up their
      // lineage): a filter on one of them keeps that lane's markers.
      var want = jurisdictionById.get(state.jurisdiction), laneHolds = false;
      if (want !== undefined) {
        // The nearest lane up its parents (a bounded walk: the loader refuses cycles).
        var up = want, steps = 0;
        while (up >= 0 && data.lanes.indexOf(up) < 0 && steps++ < data.jurisdictions.length) up = data.jurisdictions[up].parent;
        laneHolds = up >= 0 && up === c[0];
      }
      if (!matchesKind(c[4]) || !(matchesJurisdiction(c[0]) || laneHolds)) g.setAttribute("hidden", "");
      var cx = (x(c[1]) + x(c[2] + 1)) / 2, cy = top + h / 2, r = Math.max(3, k * Math.sqrt(c[3]));
      svg("title", {}, g).textContent = number(c[3]) + " · " + dayText(c[1]) + " – " + dayText(c[2]);
      svg("circle", { "class": "shape", cx: cx, cy: cy, r: r, fill: kind.color, "fill-opacity": 0.85, stroke: kind.edge }, g);
      if (r >= 12) {
        var t = svg("text", { x: cx, y: cy + 4, "font-size": 11, "text-anchor": "middle", fill: "#fff", "font-weight": "bold" }, g);
        t.textContent = c[3] >= 1000 ? Math.round(c[3] / 100) / 10 + "k" : String(c[3]);
      }
    });
  }

  // Pan with a finger or the mouse, zoom with the wheel, a pinch or the buttons.
  var pointers = new Map(), pressed = null, moved = 0, pinch = null, hovered = null;
  function zoomAround(px, factor) {
    var o = view[0] + (px - plot.left) / plot.width * (view[1] - view[0]);
    setView(o - (o - view[0]) * factor, o + (view[1] - o) * factor);
    drawTimeline();
  }
  // Ctrl + wheel (and a trackpad's pinch, which sends it) zooms; a sideways swipe pans; a plain
  // wheel is left to scroll the page.
  tl.addEventListener("wheel", function (ev) {
    if (ev.ctrlKey || ev.metaKey) {
      ev.preventDefault();
      zoomAround(ev.clientX - tl.getBoundingClientRect().left, Math.exp(ev.deltaY * 0.01));
    } else if (Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
      ev.preventDefault();
      var shift = ev.deltaX / plot.width * (view[1] - view[0]);
      setView(view[0] + shift, view[1] + shift);
      drawTimeline();
    }
  }, { passive: false });
  tl.addEventListener("pointerdown", function (ev) {
    pointers.set(ev.pointerId, ev.clientX);
    moved = 0;
    pressed = ev.target.closest ? ev.target.closest("[data-event-id],[data-cluster]") : null;
    if (pointers.size === 2) {
      var xs = Array.from(pointers.values());
      pinch = { d: Math.abs(xs[0] - xs[1]) || 1, view: view.slice() };
    }
  });
  window.addEventListener("pointermove", function (ev) {
    if (!pointers.has(ev.pointerId)) {
      if (ev.pointerType === "mouse" && !pinned) {
        var over = ev.target.closest ? ev.target.closest("#tl [data-event-id]") : null;
        if (over && over.dataset.eventId !== hovered && byId.get(over.dataset.eventId)) {
          hovered = over.dataset.eventId;
          showEvent(byId.get(hovered));
        }
      }
      return;
    }
    var last = pointers.get(ev.pointerId), dx = ev.clientX - last;
    pointers.set(ev.pointerId, ev.clientX);
    moved += Math.abs(dx);
    if (pointers.size === 2 && pinch) {
      var xs = Array.from(pointers.values()), d = Math.abs(xs[0] - xs[1]) || 1;
      var mid = (xs[0] + xs[1]) / 2 - tl.getBoundingClientRect().left;
      var span = (pinch.view[1] - pinch.view[0]) * pinch.d / d;
      var o = view[0] + (mid - plot.left) / plot.width * (view[1] - view[0]);
      var t = (mid - plot.left) / plot.width;
      setView(o - t * span, o + (1 - t) * span);
    } else {
      var shift = -dx / plot.width * (view[1] - view[0]);
      setView(view[0] + shift, view[1] + shift);
    }
    drawTimeline();
  });
  function release(ev) {
    if (!pointers.has(ev.pointerId)) return;
    pointers.delete(ev.pointerId);
    if (pointers.size < 2) pinch = null;
    if (moved < 6 && pressed) activate(pressed);
    pressed = null;
  }
  window.addEventListener("pointerup", release);
  window.addEventListener("pointercancel", function (ev) { pointers.delete(ev.pointerId); pinch = null; pressed = null; });
  function activate(node) {
    if (node.dataset.eventId) openEvent(node.dataset.eventId, false);
    else if (node.dataset.cluster) showCluster(node.dataset.cluster.split(",").map(Number));
  }
  tl.addEventListener("keydown", function (ev) {
    var node = ev.target.closest ? ev.target.closest("[data-event-id],[data-cluster]") : null;
    if (node && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); activate(node); }
    if (ev.key === "ArrowLeft" || ev.key === "ArrowRight") {
      var s = (view[1] - view[0]) * 0.2 * (ev.key === "ArrowLeft" ? -1 : 1);
      setView(view[0] + s, view[1] + s);
      drawTimeline();
    }
  });
  $("zoom-in").addEventListener("click", function () { zoomAround(plot.left + plot.width / 2, 0.5); });
  $("zoom-out").addEventListener("click", function () { zoomAround(plot.left + plot.width / 2, 2); });
  $("zoom-reset").addEventListener("click", function () { view = full.slice(); drawTimeline(); });
  window.addEventListener("resize", drawTimeline);

  readHash();
  var initMs = performance.now() - started;

  // For the browser tests: `#…&selftest` writes what the page saw into <body data-…>.
  if (/(^|[#&])selftest(=|&|$)/.test(location.hash)) {
    window.addEventListener("load", function () {
      setTimeout(function () {
        draw();
        var b = document.body.dataset;
        b.errors = JSON.stringify(errors);
        b.resources = String(performance.getEntriesByType("resource").length);
        b.scrollWidth = String(document.documentElement.scrollWidth);
        b.innerWidth = String(window.innerWidth);
        b.marks = String(document.querySelectorAll("#tl [data-event-id]").length);
        b.clusters = String(document.querySelectorAll("#tl [data-cluster]:not([hidden])").length);
        b.initMs = String(Math.round(initMs));
        var smallest = Infinity;
        document.querySelectorAll("button, select, input").forEach(function (c) {
          var r = c.getBoundingClientRect();
          if (r.width > 0 && r.height > 0) smallest = Math.min(smallest, r.width, r.height);
        });
        b.smallestControl = String(Math.floor(smallest));
        b.ready = "1";
      }, 50);
    });
  }
})();
