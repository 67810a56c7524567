/* The explorer: filters and search over every event.

   The build writes an index of the explorer's own (builder/plugin/search.py,
   `write_explorer_index`): events numbered in date order, each event's day, each facet
   value's event numbers, and short records in files of 100. Filtering, counting and date
   ranges are done here over typed arrays, in a few milliseconds at 10,000 events; a date
   range is a range of event numbers. Words are answered from the index's word index,
   chunked by a word's first two letters: each word typed is folded (no accents, lower
   case) and stemmed as the build did (`stem`, search.py's rule), the last one matched as
   a prefix (it may be half typed), and their event sets intersected with the filters.
   Only the chunks of the words typed load, once the reader types them.

   The state is in the URL (one history entry per change, so Back undoes it). */
(function () {
  "use strict";

  var box = document.querySelector("[data-tlx]");
  if (!box) return;
  var FACETS = ["tag", "person", "place", "organization"];
  var SHOWN_VALUES = 8;
  var PAGE = 10;
  var DAY_MS = 86400000;
  var form = box.querySelector(".tlx-form");
  var status = box.querySelector(".tlx-status");
  var list = box.querySelector(".tlx-results");
  var more = box.querySelector(".tlx-more");
  var active = box.querySelector(".tlx-active");
  var root = new URL(box.getAttribute("data-root"), location.href);
  var indexUrl = new URL(box.getAttribute("data-index"), location.href);
  var index = null;      /* index.json, with `days` made absolute (days since 1970) */
  var facets = {};       /* key -> {values, events: [Int32Array], at: {name: i}} */
  var loadingFacet = {};
  var blocks = {};       /* file number -> promise of its records */
  var words = { term: null, events: null };  /* the last word search's event numbers */
  var chunks = {};       /* chunk key -> promise of {words, events, at, decoded} */
  var opened = {};
  var state = read();
  var matched = null;    /* Int32Array of matching event numbers, ascending */
  var mask = null;       /* Uint8Array: 1 for a matching event; null when all match */
  var counts = {};       /* key -> Int32Array of counts per value, for this result */
  var shown = 0;
  var run = 0;
  var typing = false;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function empty() {
    var blank = { q: "", from: "", to: "", order: "newest" };
    FACETS.forEach(function (key) { blank[key] = []; });
    return blank;
  }

  /* A day of the URL or of a date field: `2021-03-05`, or a month (`2021-03`, the form
     of earlier links), which starts on its first day or ends on its last. */
  function day(value, end) {
    var match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value || "");
    if (!match) return "";
    if (match[3]) return value;
    if (!end) return value + "-01";
    var last = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
    return value + "-" + last;
  }

  /* The state in the URL's query: ?text=..&person=A&person=B&from=2021-01-05&order=oldest
     (not `q`, which Material's search box takes for itself). */
  function read() {
    var query = new URLSearchParams(location.search);
    var next = empty();
    next.q = query.get("text") || "";
    next.from = day(query.get("from"), false);
    next.to = day(query.get("to"), true);
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

  function json(name) {
    /* Every file but index.json is named by its content's hash and may be kept. */
    var options = name === "index.json" ? { cache: "no-cache" } : {};
    return fetch(new URL(name, indexUrl).href, options).then(function (response) {
      if (!response.ok) throw new Error(name + ": HTTP " + response.status);
      return response.json();
    });
  }

  /* [3, 2, 4] -> [3, 5, 9] */
  function sums(deltas, start) {
    var out = new Int32Array(deltas.length);
    var value = start || 0;
    for (var i = 0; i < deltas.length; i++) { value += deltas[i]; out[i] = value; }
    return out;
  }

  function dayNumber(iso) {
    return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1,
      Number(iso.slice(8, 10))) / DAY_MS);
  }

  /* The first event number whose day is >= `wanted` (days ascending). */
  function firstOnOrAfter(wanted) {
    var days = index.days, low = 0, high = days.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (days[middle] < wanted) low = middle + 1; else high = middle;
    }
    return low;
  }

  function loadFacet(key) {
    if (!loadingFacet[key]) {
      loadingFacet[key] = json(index.facets[key]).then(function (data) {
        var at = {};
        data.values.forEach(function (name, i) { at[name] = i; });
        facets[key] = { values: data.values, at: at, events: data.events.map(function (deltas) {
          return sums(deltas);
        }) };
      });
    }
    return loadingFacet[key];
  }

  /* A folded word's indexed form, as search.py's `stem`: a cheap English plural strip
     (`cities` -> `city`, `elections` -> `election`; `bus`, `crisis`, `press` stay). */
  function stem(word) {
    if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (word.length > 3 && /s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  /* The folded, stemmed words of `term`, split at anything not a letter or a digit. */
  function terms(term) {
    return (fold(term).match(/[\p{L}\p{N}]+/gu) || []).map(stem);
  }

  function chunk(key) {
    if (!chunks[key]) {
      var file = index.words[key];
      if (!file) return Promise.resolve(null);
      chunks[key] = json(file).then(function (data) {
        data.decoded = {};
        return data;
      });
      chunks[key].catch(function () { delete chunks[key]; });
    }
    return chunks[key];
  }

  /* Word `i` of a chunk's event numbers: from differences, or from a base64 bitset. */
  function decode(data, i) {
    if (!data.decoded[i]) {
      var stored = data.events[i];
      if (typeof stored !== "string") {
        data.decoded[i] = sums(stored);
      } else {
        var bytes = atob(stored);
        var out = [];
        for (var b = 0; b < bytes.length; b++) {
          var byte = bytes.charCodeAt(b);
          for (var bit = 0; byte; bit++, byte >>= 1) if (byte & 1) out.push(b * 8 + bit);
        }
        data.decoded[i] = Int32Array.from(out);
      }
    }
    return data.decoded[i];
  }

  /* The events of one word: those of the word itself, or, for a prefix (the last word, of
     two letters or more), of every word that starts with it. */
  function wordEvents(data, word, prefix) {
    if (!data) return [];
    var lists = [];
    var listed = data.words;
    for (var i = 0; i < listed.length; i++) {
      if (prefix ? listed[i].lastIndexOf(word, 0) === 0 : listed[i] === word) {
        lists.push(decode(data, i));
        if (!prefix) break;
      }
    }
    return lists;
  }

  /* The event numbers (ascending) that have every word of `term`; null when it has no
     words. */
  function wordSearch(term) {
    if (words.term === term) return Promise.resolve(words.events);
    var wanted = terms(term);
    if (!wanted.length) return Promise.resolve(null);
    var keys = wanted.map(function (word) { return word.slice(0, 2); });
    return Promise.all(keys.map(chunk)).then(function (loaded) {
      var n = index.count;
      var hits = new Uint8Array(n);
      var seen = new Uint8Array(n);
      wanted.forEach(function (word, w) {
        var prefix = w === wanted.length - 1 && word.length >= 2;
        seen.fill(0);
        wordEvents(loaded[w], word, prefix).forEach(function (events) {
          for (var i = 0; i < events.length; i++) seen[events[i]] = 1;
        });
        for (var e = 0; e < n; e++) hits[e] += seen[e];
      });
      var out = [];
      for (var event = 0; event < n; event++) {
        if (hits[event] === wanted.length) out.push(event);
      }
      words = { term: term, events: Int32Array.from(out) };
      return words.events;
    });
  }

  /* Which events match the state: those in the date range, with every chosen value
     and the words. */
  function compute(found) {
    var n = index.count;
    var low = state.from ? firstOnOrAfter(dayNumber(state.from)) : 0;
    var high = state.to ? firstOnOrAfter(dayNumber(state.to) + 1) : n;
    var lists = [];
    var unknown = false;
    FACETS.forEach(function (key) {
      state[key].forEach(function (name) {
        var i = facets[key].at[name];
        if (i === undefined) unknown = true; else lists.push(facets[key].events[i]);
      });
    });
    if (found) lists.push(found);
    counts = {};
    if (unknown || high <= low) {
      matched = new Int32Array(0);
      mask = new Uint8Array(n);
      return;
    }
    if (!lists.length && low === 0 && high === n) {
      matched = null;
      mask = null;
      return;
    }
    var hits = new Uint8Array(n);
    lists.forEach(function (events) {
      for (var i = 0; i < events.length; i++) hits[events[i]]++;
    });
    var need = lists.length;
    mask = new Uint8Array(n);
    var out = [];
    for (var event = low; event < high; event++) {
      if (hits[event] === need) { mask[event] = 1; out.push(event); }
    }
    matched = Int32Array.from(out);
  }

  function size() {
    return matched ? matched.length : index.count;
  }

  /* The `nth` result in the order chosen. */
  function result(nth) {
    var at = state.order === "oldest" ? nth : size() - 1 - nth;
    return matched ? matched[at] : at;
  }

  function countsOf(key) {
    if (!counts[key] && facets[key]) {
      var events = facets[key].events;
      var out = new Int32Array(events.length);
      for (var v = 0; v < events.length; v++) {
        if (!mask) { out[v] = events[v].length; continue; }
        var c = 0, ids = events[v];
        for (var i = 0; i < ids.length; i++) c += mask[ids[i]];
        out[v] = c;
      }
      counts[key] = out;
    }
    return counts[key];
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
    var values = facet.querySelector(".tlx-values");
    values.textContent = "";
    var data = facets[key];
    var here = index && data ? countsOf(key) : null;
    var names = [];
    if (!closed && here) {
      var found = fold(facet.querySelector(".tlx-find").value.trim());
      var order = [];
      for (var v = 0; v < here.length; v++) {
        if (here[v] > 0) order.push(v);
      }
      if (found) {
        order = order.filter(function (v) { return fold(data.values[v]).indexOf(found) >= 0; });
      }
      order = order.filter(function (v) { return picked.indexOf(data.values[v]) < 0; });
      order.sort(function (a, b) { return here[b] - here[a] || collator.compare(data.values[a], data.values[b]); });
      names = order.slice(0, SHOWN_VALUES).map(function (v) { return data.values[v]; });
    }
    picked.concat(names).forEach(function (name) {
      var item = el("li");
      var button = el("button", "tlx-value");
      button.type = "button";
      button.setAttribute("aria-pressed", picked.indexOf(name) >= 0 ? "true" : "false");
      button.appendChild(el("span", "tlx-name", name));
      var i = data ? data.at[name] : undefined;
      button.appendChild(el("span", "tlx-count", number(here && i !== undefined ? here[i] : 0)));
      button.addEventListener("click", function () { toggle(key, name); });
      item.appendChild(button);
      values.appendChild(item);
    });
    if (!closed && !picked.length && !names.length) {
      values.appendChild(el("li", "tlx-none", here ? "None" : "Loading…"));
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

  /* A record: [title, url, day as shown, ISO date, place, summary]. */
  function entry(record) {
    var item = el("li", "tlx-event");
    var title = el("a", "tlx-title", record[0]);
    title.href = new URL(record[1], root).href;
    var when = el("time", "tlx-day", record[2]);
    if (record[3]) when.dateTime = record[3];
    var line = el("p", "tlx-when");
    line.appendChild(when);
    if (record[4]) line.appendChild(el("span", "tlx-place", record[4]));
    item.appendChild(line);
    var heading = el("h2", "tlx-heading");
    heading.appendChild(title);
    item.appendChild(heading);
    if (record[5]) item.appendChild(el("p", "tlx-summary", record[5]));
    return item;
  }

  function block(file) {
    if (!blocks[file]) {
      blocks[file] = json(index.records[file]);
      blocks[file].catch(function () { delete blocks[file]; });
    }
    return blocks[file];
  }

  function showMore() {
    var token = run;
    var wanted = [];
    for (var nth = shown; nth < Math.min(size(), shown + PAGE); nth++) wanted.push(result(nth));
    var per = index.per_file;
    return Promise.all(wanted.map(function (event) { return block(Math.floor(event / per)); }))
      .then(function (loaded) {
        if (token !== run) return;
        wanted.forEach(function (event, i) { list.appendChild(entry(loaded[i][event % per])); });
        shown += wanted.length;
        more.hidden = shown >= size();
        status.textContent = describe();
      });
  }

  function describe() {
    var found = size();
    var total = index.count;
    if (!found) return "No events match.";
    var order = state.order === "oldest" ? "oldest first" : "newest first";
    var text = found === total ? number(total) + (total === 1 ? " event" : " events")
      : number(found) + " of " + number(total) + " events";
    return text + ", " + order + (shown < found ? "; showing " + number(shown) : "") + ".";
  }

  /* What the state needs loaded: the facets it names or the reader opened, and the
     events matching its words. */
  function prepare() {
    var term = state.q.trim();
    var needed = FACETS.filter(function (key) { return state[key].length || opened[key]; })
      .map(loadFacet);
    return Promise.all([term ? wordSearch(term) : null].concat(needed)).then(function (all) {
      return all[0];
    });
  }

  function search() {
    var token = ++run;
    var started = performance.now();
    box.setAttribute("aria-busy", "true");
    drawActive();
    return prepare().then(function (found) {
      if (token !== run) return;
      compute(found);
      FACETS.forEach(drawFacet);
      list.textContent = "";
      shown = 0;
      return showMore().then(function () {
        if (token !== run) return;
        box.removeAttribute("aria-busy");
        box.setAttribute("data-ms", String(Math.round(performance.now() - started)));
        box.setAttribute("data-run", String(token));
      });
    }).catch(function (error) {
      if (token !== run) return;
      box.removeAttribute("aria-busy");
      status.textContent = "The explorer could not load its index (" + error.message +
        "); the timeline lists every event, year by year.";
    });
  }

  function start() {
    form.hidden = false;
    box.classList.add("tlx--js");
    sync();
    form.addEventListener("submit", function (event) { event.preventDefault(); });
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
        if (!facets[key]) search();
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

  json("index.json").then(function (data) {
    index = data;
    var first = data.first ? dayNumber(data.first) : 0;
    index.days = sums(data.days, first);
  }).then(start).catch(function (error) {
    status.textContent = "The explorer could not load its index (" + error.message +
      "); the timeline lists every event, year by year.";
    box.classList.add("tlx--failed");
  });
})();
