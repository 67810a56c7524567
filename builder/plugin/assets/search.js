/* The header's search box (builder/plugin/theme/partials/search.html), backed by the
   timeline's Pagefind bundle. Nothing is loaded until a reader types; then Pagefind fetches
   the few index chunks the words need. Pages about a name (a person, place, organization,
   tag, or a page of the site's own) are listed before the events that mention it; Enter
   opens the first result, and the last line opens the explorer with the same words. */
(function () {
  "use strict";

  var box = document.querySelector("[data-tl-search]");
  if (!box) return;
  var toggle = document.getElementById("__search");
  var form = box.querySelector("form");
  var input = form.elements.text;
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var bundle = new URL(box.getAttribute("data-bundle"), location.href);
  var root = new URL("../", bundle);  /* the bundle is at the site's root */
  var PAGES = 5;
  var EVENTS = 10;
  var pagefind = null;
  var loading = null;
  var run = 0;

  function load() {
    if (!loading) {
      loading = import(bundle.href + "pagefind.js").then(function (module) {
        pagefind = module;
        return pagefind.options({ baseUrl: root.pathname, noWorker: true });
      }).then(function () { return pagefind; });
    }
    return loading;
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function item(href, title, line) {
    var entry = el("li", "md-search-result__item");
    var link = el("a", "md-search-result__link");
    link.href = href;
    var article = el("article", "md-search-result__article md-typeset");
    article.appendChild(el("h1", null, title));
    if (line) article.appendChild(el("p", null, line));
    link.appendChild(article);
    entry.appendChild(link);
    return entry;
  }

  function describe(data) {
    var m = data.meta || {};
    if (m.day) return [m.day, m.place].filter(Boolean).join(" · ") + (m.summary ? " — " + m.summary : "");
    return m.summary || "";
  }

  function explorerLink(term, count) {
    var href = new URL("explore/", root);
    href.searchParams.set("text", term);
    var words = count === 1 ? " matching event" : " matching events";
    return item(href.href, "All " + count.toLocaleString("en") + words + " in the explorer",
      "Filter them by tag, person, place, organization and date.");
  }

  function draw(token, term, pages, events, started) {
    var wanted = pages.results.slice(0, PAGES).concat(events.results.slice(0, EVENTS));
    return Promise.all(wanted.map(function (result) { return result.data(); })).then(function (all) {
      if (token !== run) return;
      list.textContent = "";
      all.forEach(function (data) {
        var m = data.meta || {};
        list.appendChild(item(new URL(m.url || "", root).href, m.title || "", describe(data)));
      });
      if (events.results.length > EVENTS) list.appendChild(explorerLink(term, events.results.length));
      var total = pages.results.length + events.results.length;
      meta.textContent = total === 0 ? "No matching documents"
        : total.toLocaleString("en") + (total === 1 ? " matching document" : " matching documents");
      box.setAttribute("data-ms", String(Math.round(performance.now() - started)));
      box.setAttribute("data-run", String(token));
    });
  }

  function search() {
    var term = input.value.trim();
    var token = ++run;
    var started = performance.now();
    if (!term) {
      list.textContent = "";
      meta.textContent = "Type to start searching";
      return;
    }
    load().then(function () {
      if (token !== run) return;
      return Promise.all([
        pagefind.search(term, { filters: { kind: { any: ["person", "place", "organization", "tag", "page"] } } }),
        pagefind.search(term, { filters: { kind: ["event"] } })
      ]).then(function (found) {
        if (token !== run || !found[0] || !found[1]) return;
        return draw(token, term, found[0], found[1], started);
      });
    }).catch(function (error) {
      meta.textContent = "Search could not load its index (" + error.message + ")";
      /* Pagefind keeps a failed start for good; drop it, so that the next keystroke loads
         the index again and a passing network fault does not end search on this page. */
      var failed = pagefind;
      pagefind = null;
      loading = null;
      if (failed && failed.destroy) failed.destroy().catch(function () {});
    });
  }

  input.addEventListener("focus", function () { open(); load(); });
  input.addEventListener("input", search);
  form.addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus(); }, 0);
  });
  form.addEventListener("submit", function (event) {
    var first = list.querySelector("a");
    if (first) {
      event.preventDefault();
      location.href = first.href;
    }
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
    });
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f") && !event.ctrlKey &&
        !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
      input.focus();
    }
  });
})();
