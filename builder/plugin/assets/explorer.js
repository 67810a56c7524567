/* The explorer: filters and search over every event, with the Pagefind bundle the build
   writes (see builder/plugin/search.py). Pagefind does the work: the chunked index, the
   counts per filter value, the date sort, accent- and case-insensitive words. This script
   only keeps the state in the URL (one history entry per change, so Back undoes it) and
   draws the form, the counts and the results. */
(function () {
  "use strict";

  var box = document.querySelector("[data-tlx]");
  if (!box) return;
  var FACETS = ["tag", "person", "place", "organization"];
  var SHOWN_VALUES = 8;
  var PAGE = 10;
  var form = box.querySelector(".tlx-form");
  var status = box.querySelector(".tlx-status");
  var list = box.querySelector(".tlx-results");
  var more = box.querySelector(".tlx-more");
  var active = box.querySelector(".tlx-active");
  var root = new URL(box.getAttribute("data-root"), location.href);
  var bundle = new URL(box.getAttribute("data-bundle"), location.href);
  var total = Number(box.getAttribute("data-total")) || 0;
  /* A word every event holds: with no words typed, the explorer searches for it, as a
     search by filters alone would load the whole word index. */
  var every = box.getAttribute("data-every");
  /* Pagefind loads a filter's index (and counts its values) only once a query names it;
     an open facet is named with a condition every event meets. */
  var NOTHING = "\u0001";
  var opened = {};
  var pagefind = null;
  var state = read();
  var counts = {};
  var results = [];
  var shown = 0;
  var run = 0;
  var typing = false;
  /* Scoring the word every event holds costs hundreds of milliseconds at 10,000 events;
     a search by filters alone ("null") costs under a hundred, but first loads the whole
     word index (megabytes). So the first view uses the word (one index chunk), and the
     whole index is loaded once the reader starts using the form (`warm`); after that,
     searches without words are by filters alone. */
  var warmed = false;
  var warming = null;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function empty() {
    var blank = { q: "", from: "", to: "", order: "newest" };
    FACETS.forEach(function (key) { blank[key] = []; });
    return blank;
  }

  /* The state in the URL's query: ?text=..&person=A&person=B&from=2021-01&order=oldest
     (not `q`, which Material's search box takes for itself). */
  function read() {
    var query = new URLSearchParams(location.search);
    var next = empty();
    next.q = query.get("text") || "";
    next.from = /^\d{4}-\d{2}$/.test(query.get("from") || "") ? query.get("from") : "";
    next.to = /^\d{4}-\d{2}$/.test(query.get("to") || "") ? query.get("to") : "";
    next.order = query.get("order") === "oldest" ? "oldest" : "newest";
    FACETS.forEach(function (key) { next[key] = query.getAll(key).filter(Boolean); });
    return next;
  }

  function url() {
    var query = new URLSearchParams();
    if (state.q.trim()) query.set("text", state.q.trim());
    FACETS.forEach(function (key) {
      state[key].forEach(function (value) { query.append(key, value); });
    });
    if (state.from) query.set("from", state.from);
    if (state.to) query.set("to", state.to);
    if (state.order === "oldest") query.set("order", "oldest");
    var text = query.toString();
    return location.pathname + (text ? "?" + text : "");
  }

  /* A change makes a history entry; further keystrokes in the words field replace it. */
  function remember(fromTyping) {
    var next = url();
    if (next === location.pathname + location.search) return;
    if (fromTyping && typing) history.replaceState(null, "", next);
    else history.pushState(null, "", next);
    typing = fromTyping;
  }

  function months(from, to) {
    var first = from || box.getAttribute("data-first");
    var last = to || box.getAttribute("data-last");
    if (!first || !last) return [];
    var year = Number(first.slice(0, 4)), month = Number(first.slice(5, 7));
    var out = [];
    while (out.length < 12000) {
      var value = year + "-" + (month < 10 ? "0" : "") + month;
      if (value > last) break;
      out.push(value);
      month += 1;
      if (month > 12) { month = 1; year += 1; }
    }
    return out;
  }

  function filters() {
    /* The index also holds the pages about names; without words, the word every event
       holds (`every`) already keeps to events, and the `kind` filter's chunk is not
       loaded. */
    var chosen = state.q.trim() || warmed ? { kind: ["event"] } : {};
    FACETS.forEach(function (key) {
      if (state[key].length) chosen[key] = state[key].slice();
      else if (opened[key]) chosen[key] = { none: [NOTHING] };
    });
    if (state.from || state.to) chosen.month = { any: months(state.from, state.to) };
    return chosen;
  }

  function sync() {
    form.elements.text.value = state.q;
    form.elements.from.value = state.from;
    form.elements.to.value = state.to;
    form.elements.order.value = state.order;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function number(value) {
    return Number(value).toLocaleString("en");
  }

  function toggle(key, value) {
    var values = state[key];
    var at = values.indexOf(value);
    if (at >= 0) values.splice(at, 1); else values.push(value);
    remember(false);
    search();
  }

  var collator = new Intl.Collator();

  function drawFacet(key) {
    var facet = box.querySelector('[data-facet="' + key + '"]');
    var picked = state[key];
    facet.querySelector("[data-picked]").textContent = picked.length ? "(" + picked.length + " chosen)" : "";
    /* A closed facet shows its chosen values only; the others are sorted when it is
       opened (the people's are thousands). */
    var closed = !facet.open;
    var found = fold(facet.querySelector(".tlx-find").value.trim());
    var values = facet.querySelector(".tlx-values");
    var here = counts[key] || {};
    var names = closed ? [] : Object.keys(here).filter(function (name) {
      return here[name] > 0 && picked.indexOf(name) < 0 && (!found || fold(name).indexOf(found) >= 0);
    });
    names.sort(function (a, b) { return here[b] - here[a] || collator.compare(a, b); });
    values.textContent = "";
    picked.concat(names.slice(0, SHOWN_VALUES)).forEach(function (name) {
      var item = el("li");
      var button = el("button", "tlx-value");
      button.type = "button";
      button.setAttribute("aria-pressed", picked.indexOf(name) >= 0 ? "true" : "false");
      button.appendChild(el("span", "tlx-name", name));
      button.appendChild(el("span", "tlx-count", number(here[name] || 0)));
      button.addEventListener("click", function () { toggle(key, name); });
      item.appendChild(button);
      values.appendChild(item);
    });
    if (!closed && !picked.length && !names.length) {
      values.appendChild(el("li", "tlx-none", counts[key] ? "None" : "Loading…"));
    }
  }

  function drawActive() {
    active.textContent = "";
    FACETS.forEach(function (key) {
      state[key].forEach(function (name) {
        var chip = el("button", "tlx-chip");
        chip.type = "button";
        chip.appendChild(el("span", "tlx-name", name));
        chip.setAttribute("aria-label", "Remove filter " + name);
        chip.addEventListener("click", function () { toggle(key, name); });
        active.appendChild(chip);
      });
    });
    var busy = FACETS.some(function (key) { return state[key].length; }) || state.q || state.from || state.to;
    if (busy) {
      var clear = el("button", "tlx-clear", "Clear all");
      clear.type = "button";
      clear.addEventListener("click", function () {
        var order = state.order;
        state = empty();
        state.order = order;
        sync();
        remember(false);
        search();
      });
      active.appendChild(clear);
    }
  }

  function entry(data) {
    var meta = data.meta || {};
    var item = el("li", "tlx-event");
    var title = el("a", "tlx-title", meta.title || "");
    title.href = new URL(meta.url || "", root).href;
    var when = el("time", "tlx-day", meta.day || "");
    if (meta.date) when.dateTime = meta.date;
    var line = el("p", "tlx-when");
    line.appendChild(when);
    if (meta.place) line.appendChild(el("span", "tlx-place", meta.place));
    item.appendChild(line);
    var heading = el("h2", "tlx-heading");
    heading.appendChild(title);
    item.appendChild(heading);
    if (meta.summary) item.appendChild(el("p", "tlx-summary", meta.summary));
    return item;
  }

  function showMore() {
    var token = run;
    var slice = results.slice(shown, shown + PAGE);
    return Promise.all(slice.map(function (result) { return result.data(); })).then(function (all) {
      if (token !== run) return;
      all.forEach(function (data) { list.appendChild(entry(data)); });
      shown += slice.length;
      more.hidden = shown >= results.length;
      status.textContent = describe();
    });
  }

  function describe() {
    var words = results.length === 1 ? " event" : " events";
    var order = state.order === "oldest" ? "oldest first" : "newest first";
    if (!results.length) return "No events match.";
    var found = results.length === total ? number(total) + words
      : number(results.length) + " of " + number(total) + " events";
    return found + ", " + order + (shown < results.length ? "; showing " + number(shown) : "") + ".";
  }

  function search() {
    var token = ++run;
    var started = performance.now();
    box.setAttribute("aria-busy", "true");
    drawActive();
    var term = state.q.trim() || (warmed ? null : every);
    var options = { filters: filters(), sort: { date: state.order === "oldest" ? "asc" : "desc" } };
    return pagefind.search(term, options).then(function (found) {
      if (token !== run || !found) return;
      results = found.results;
      counts = found.filters || {};
      FACETS.forEach(drawFacet);
      list.textContent = "";
      shown = 0;
      return showMore().then(function () {
        if (token !== run) return;
        box.removeAttribute("aria-busy");
        box.setAttribute("data-ms", String(Math.round(performance.now() - started)));
        box.setAttribute("data-run", String(token));
      });
    });
  }

  function warm() {
    if (warming || !pagefind) return;
    warming = pagefind.search(null, { filters: { kind: ["event"] } }).then(function () {
      warmed = true;
      box.setAttribute("data-index", "whole");
    }, function () { /* the word stays the way in */ });
  }

  function start() {
    form.hidden = false;
    box.classList.add("tlx--js");
    sync();
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    ["focusin", "pointerdown", "toggle"].forEach(function (name) {
      form.addEventListener(name, warm, true);
    });
    form.elements.text.addEventListener("input", function () {
      state.q = form.elements.text.value;
      remember(true);
      search();
    });
    ["from", "to", "order"].forEach(function (name) {
      form.elements[name].addEventListener("change", function () {
        state[name] = form.elements[name].value;
        remember(false);
        search();
      });
    });
    FACETS.forEach(function (key) {
      var facet = box.querySelector('[data-facet="' + key + '"]');
      facet.querySelector(".tlx-find").addEventListener("input", function () { drawFacet(key); });
      facet.addEventListener("toggle", function () {
        if (!facet.open) return;
        drawFacet(key);
        if (opened[key]) return;
        opened[key] = true;
        if (!counts[key]) search();
      });
      if (facet.open) opened[key] = true;
    });
    more.addEventListener("click", function () { showMore(); });
    window.addEventListener("popstate", function () {
      state = read();
      typing = false;
      sync();
      search();
    });
    return search();
  }

  import(bundle.href + "pagefind.js").then(function (module) {
    pagefind = module;
    /* No web worker: its start times out (5 s, then Pagefind falls back to this thread)
       on a busy machine, and the queries here are small. */
    return pagefind.options({ baseUrl: root.pathname, noWorker: true });
  }).then(function () {
  }).then(start).catch(function (error) {
    status.textContent = "The explorer could not load its index (" + error.message +
      "); the timeline lists every event, year by year.";
    box.classList.add("tlx--failed");
  });
})();
