/* Timeline lists: filters (tag, person, place, organization, free text), newest/oldest
   order, and a sticky jump bar that follows the year in view. Plain JavaScript, no library.

   Works on any page with a `.tl-list` (timeline, year pages, entity pages). Without
   JavaScript the page is the plain list: the controls are made here, so they are absent.
   The filter state lives in the URL hash (#tag=...&person=...&q=...), so a filtered view can
   be bookmarked and shared. Material's `document$` (instant navigation) is followed when it
   exists, so a page swapped in without a reload is set up too. */
(function () {
  "use strict";

  var KEYS = [
    { key: "tag", data: "tags", label: "Tag" },
    { key: "person", data: "people", label: "Person" },
    { key: "place", data: "places", label: "Place" },
    { key: "org", data: "organizations", label: "Organization" }
  ];
  var STATE_KEYS = ["tag", "person", "place", "org", "q", "order"];

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  /* Lower case, accents dropped ("Niño" -> "nino"), spaces collapsed. */
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\s+/g, " ").trim();
  }

  /* The state in a hash like "#tag=a&q=b"; null for a plain anchor such as "#m2025-12". */
  function readHash(hash) {
    var text = (hash || "").replace(/^#/, "");
    if (text.indexOf("=") < 0) return null;
    var params = new URLSearchParams(text);
    var state = {};
    STATE_KEYS.forEach(function (key) {
      var value = params.get(key);
      if (value) state[key] = value;
    });
    return state;
  }

  function writeHash(state) {
    var params = new URLSearchParams();
    STATE_KEYS.forEach(function (key) {
      if (state[key]) params.set(key, state[key]);
    });
    var text = params.toString();
    return text ? "#" + text : "";
  }

  /* What the text filter matches in an entry: its own text (title, day, place, summary,
     chips) and every name its filter values stand for (from the page's table of names),
     rather than a copy of all that in each entry's HTML. */
  function entryText(node, names) {
    var parts = [node.textContent];
    KEYS.forEach(function (spec) {
      var labels = names[spec.key] || {};
      node.tlValues[spec.key].forEach(function (slug) {
        parts.push(labels[slug] || slug);
      });
    });
    return parts.join(" ");
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  /* A jump bar row too long for its width scrolls sideways. As with Material's content
     tabs, a fade with an arrow button at an end says links are hidden there (a click
     scrolls a screenful), and the current year is scrolled into view. The buttons are for
     the mouse and touch: a keyboard user tabs through the links, which the browser scrolls
     into view, so they are no tab stop. Returns a function that shows a link.
     "prev" is the start of the row (the first years) and "next" its end: in a
     right-to-left page (Material writes dir="rtl" for theme.language ar, he, fa...) the row
     starts at its right, and scrollLeft runs from 0 down to minus the overflow, so the
     distance scrolled from the start is -scrollLeft. */
  function scroller(box) {
    var row = box.querySelector("ul");
    box.classList.add("tl-jump-scroll");
    function sign() { return window.getComputedStyle(row).direction === "rtl" ? -1 : 1; }
    var controls = [-1, 1].map(function (way) {
      var control = element("div", { class: "tl-jump-control tl-jump-control--" +
                                             (way < 0 ? "prev" : "next"), hidden: "" });
      var button = element("button", { type: "button", class: "tl-jump-button",
                                       tabindex: "-1", "aria-hidden": "true" });
      button.addEventListener("click", function () {
        row.scrollBy({ left: step(sign() * way), behavior: "smooth" });
      });
      control.appendChild(button);
      box.appendChild(control);
      return control;
    });
    /* How far one click scrolls towards the left (-1) or the right (1): the first link
       hidden (even in part) on that side comes in whole, just clear of the other fade. A
       fixed share of the width could leave a link half under one fade and then half under
       the other, never seen whole. */
    function step(towards) {
      var box = row.getBoundingClientRect();
      var fade = controls[0].getBoundingClientRect().width + 2;
      var low = box.left + fade, high = box.right - fade, move = null;
      Array.prototype.forEach.call(row.querySelectorAll("a"), function (link) {
        var rect = link.getBoundingClientRect();
        if (towards > 0 && rect.right > high + 1) {
          move = move === null ? rect.left - low : Math.min(move, rect.left - low);
        } else if (towards < 0 && rect.left < low - 1) {
          move = move === null ? rect.right - high : Math.max(move, rect.right - high);
        }
      });
      if (move === null || move * towards < 1) move = towards * Math.max(high - low, 40);
      return move;
    }
    function update() {
      var end = row.scrollWidth - row.clientWidth;
      var scrolled = sign() * row.scrollLeft;
      controls[0].hidden = !(scrolled > 1);
      controls[1].hidden = !(scrolled < end - 1);
    }
    row.addEventListener("scroll", update, { passive: true });
    if (window.ResizeObserver) new window.ResizeObserver(update).observe(row);
    update();
    /* Centre a link that is out of view or under a fade (the browser's own scroll on
       focus stops at the edge, under the fade). */
    function reveal(link) {
      var rect = link.getBoundingClientRect(), width = rect.width;
      var left = rect.left - row.getBoundingClientRect().left + row.scrollLeft;
      if (left < row.scrollLeft + 40 || left + width > row.scrollLeft + row.clientWidth - 40) {
        row.scrollLeft = left - (row.clientWidth - width) / 2;
      }
    }
    row.addEventListener("focusin", function (event) { reveal(event.target); });
    return reveal;
  }

  function setUp(list) {
    if (list.getAttribute("data-tl-ready")) return;
    list.setAttribute("data-tl-ready", "true");
    var root = list.closest(".md-content") || document;
    var mount = root.querySelector("[data-tl-filters]");
    var namesNode = root.querySelector("script.tl-names");
    var names = {};
    try {
      names = namesNode ? JSON.parse(namesNode.textContent) : {};
    } catch (error) {
      names = {};
    }
    var entries = Array.prototype.slice.call(list.querySelectorAll(".tl-entry"));
    var total = entries.length;
    var state = {};
    var controls = {};
    var count = null;

    entries.forEach(function (node) {
      node.tlValues = {};
      KEYS.forEach(function (spec) {
        node.tlValues[spec.key] = words(node.getAttribute("data-" + spec.data));
      });
      node.tlText = fold(node.getAttribute("data-text") || entryText(node, names));
    });

    function buildControls() {
      if (!mount) return;
      var id = "tl-" + Math.random().toString(36).slice(2, 8);
      var form = element("div", { role: "search", "aria-label": "Filter the events",
                                  "class": "tl-controls" });
      var fields = element("div", { "class": "tl-fields" });
      KEYS.forEach(function (spec) {
        var counts = {};
        entries.forEach(function (node) {
          node.tlValues[spec.key].forEach(function (slug) {
            counts[slug] = (counts[slug] || 0) + 1;
          });
        });
        var slugs = Object.keys(counts);
        if (!slugs.length) return;
        var labels = names[spec.key] || {};
        slugs.sort(function (a, b) {
          return counts[b] - counts[a] || (labels[a] || a).localeCompare(labels[b] || b);
        });
        var field = element("div", { "class": "tl-field" });
        var select = element("select", { id: id + "-" + spec.key, "data-key": spec.key });
        select.appendChild(element("option", { value: "" }, "All"));
        slugs.forEach(function (slug) {
          select.appendChild(element("option", { value: slug },
                                     (labels[slug] || slug) + " (" + counts[slug] + ")"));
        });
        field.appendChild(element("label", { "for": select.id }, spec.label));
        field.appendChild(select);
        fields.appendChild(field);
        controls[spec.key] = select;
        select.addEventListener("change", function () {
          update(spec.key, select.value);
        });
      });
      var textField = element("div", { "class": "tl-field tl-field-text" });
      var input = element("input", { id: id + "-q", type: "search", autocomplete: "off",
                                     "data-key": "q", placeholder: "Words in the events" });
      textField.appendChild(element("label", { "for": input.id }, "Text"));
      textField.appendChild(input);
      fields.appendChild(textField);
      controls.q = input;
      input.addEventListener("input", function () {
        update("q", input.value.trim());
      });
      // Material's search would take these keys ("s", "f", "/") from a page-wide listener.
      input.addEventListener("keydown", function (event) {
        event.stopPropagation();
      });
      // The filters fold into one control, so the first event shows on the first screen;
      // it opens when the page is opened filtered.
      var box = element("details", { "class": "tl-fields-box" });
      box.appendChild(element("summary", {}, "Filter and sort"));
      box.appendChild(fields);
      box.open = !!readHash(location.hash);
      controls.box = box;

      var bar = element("div", { "class": "tl-status" });
      var reset = element("button", { type: "button", "class": "tl-button tl-reset" },
                          "Show all events");
      reset.addEventListener("click", function () {
        setState({ order: state.order });
        if (controls.q) controls.q.focus();
      });
      bar.appendChild(reset);
      controls.reset = reset;
      var order = element("button", { type: "button", "class": "tl-button tl-order" });
      order.addEventListener("click", function () {
        update("order", state.order === "newest" ? "" : "newest");
      });
      bar.appendChild(order);
      controls.order = order;
      box.appendChild(bar);
      form.appendChild(box);
      count = element("p", { "class": "tl-count", role: "status", "aria-live": "polite" });
      form.appendChild(count);
      mount.appendChild(form);
      mount.classList.add("tl-filters--on");
    }

    function matches(node) {
      for (var i = 0; i < KEYS.length; i++) {
        var wanted = state[KEYS[i].key];
        if (wanted && node.tlValues[KEYS[i].key].indexOf(wanted) < 0) return false;
      }
      var query = words(fold(state.q));
      for (var j = 0; j < query.length; j++) {
        if (node.tlText.indexOf(query[j]) < 0) return false;
      }
      return true;
    }

    function reorder(newestFirst) {
      var want = newestFirst ? "newest" : "oldest";
      if ((list.getAttribute("data-order") || "oldest") === want) return;
      list.setAttribute("data-order", want);
      function reverse(parent, selector) {
        var children = Array.prototype.filter.call(parent.children, function (child) {
          return child.matches(selector);
        });
        children.reverse().forEach(function (child) {
          parent.appendChild(child);
        });
        return children;
      }
      reverse(list, ".tl-year").forEach(function (year) {
        reverse(year, ".tl-month").forEach(function (month) {
          reverse(month.querySelector(".tl-entries") || month, ".tl-entry");
        });
      });
    }

    function render() {
      var shown = 0;
      entries.forEach(function (node) {
        var ok = matches(node);
        node.hidden = !ok;
        if (ok) shown += 1;
      });
      Array.prototype.forEach.call(list.querySelectorAll(".tl-month, .tl-year"),
                                   function (section) {
        section.hidden = !section.querySelector(".tl-entry:not([hidden])");
      });
      reorder(state.order === "newest");
      if (count) {
        count.textContent = shown + " of " + total + (total === 1 ? " event" : " events") +
          " shown";
      }
      KEYS.concat([{ key: "q" }]).forEach(function (spec) {
        var control = controls[spec.key];
        if (!control) return;
        var value = state[spec.key] || "";
        if (control.tagName === "SELECT" && value &&
            !control.querySelector('option[value="' + CSS.escape(value) + '"]')) {
          control.appendChild(element("option", { value: value }, value + " (0)"));
        }
        if (control.value !== value && document.activeElement !== control) {
          control.value = value;
        }
      });
      if (controls.order) {
        controls.order.textContent = state.order === "newest" ? "Show oldest first"
          : "Show newest first";
      }
      if (controls.reset) {
        controls.reset.disabled = !KEYS.some(function (spec) { return state[spec.key]; }) &&
          !state.q;
      }
      keepStateInLinks();
      updateJumpBar();
    }

    /* Links to the other pages of the same list keep the filters. */
    function keepStateInLinks() {
      var hash = writeHash(state);
      Array.prototype.forEach.call(
        root.querySelectorAll(".tl-jump-years a, .tl-pager a"), function (link) {
          var href = link.getAttribute("href") || "";
          if (href.charAt(0) === "#") return;
          if (!link.hasAttribute("data-tl-href")) {
            if (href.indexOf("#") >= 0) return;
            link.setAttribute("data-tl-href", href);
          }
          link.setAttribute("href", link.getAttribute("data-tl-href") + hash);
        });
    }

    function setState(next) {
      state = next;
      var hash = writeHash(state);
      var url = location.pathname + location.search + hash;
      if (location.hash !== hash) history.replaceState(history.state, "", url);
      render();
    }

    function update(key, value) {
      var next = {};
      Object.keys(state).forEach(function (name) { next[name] = state[name]; });
      if (value) next[key] = value; else delete next[key];
      setState(next);
    }

    /* The jump bar: the months row of the year in view. */
    var jump = root.querySelector(".tl-jump");
    var monthRows = jump ? Array.prototype.slice.call(
      jump.querySelectorAll(".tl-jump-months")) : [];
    var current = null;

    function showYear(year) {
      if (!monthRows.length) return;
      if (!monthRows.some(function (row) { return row.getAttribute("data-year") === year; })) {
        year = monthRows[0].getAttribute("data-year");
      }
      if (year === current) return;
      current = year;
      monthRows.forEach(function (row) {
        row.classList.toggle("tl-current", row.getAttribute("data-year") === year);
      });
      Array.prototype.forEach.call(jump.querySelectorAll(".tl-jump-years a"), function (a) {
        a.classList.toggle("tl-current", a.textContent === year);
        if (a.textContent === year && showYearLink) showYearLink(a);
      });
    }

    function updateJumpBar() {
      if (!monthRows.length) return;
      var limit = (jump ? jump.getBoundingClientRect().bottom : 0) + 8;
      var sections = Array.prototype.filter.call(list.querySelectorAll(".tl-year"),
                                                 function (section) { return !section.hidden; });
      // The last year section (in page order, whichever the reading order) whose top has
      // passed under the bar; the first one before any has.
      var year = sections.length ? sections[0].getAttribute("data-year") : null;
      sections.forEach(function (section) {
        if (section.getBoundingClientRect().top <= limit) {
          year = section.getAttribute("data-year");
        }
      });
      showYear(year);
    }

    var showYearLink = null;
    if (jump) {
      jump.classList.add("tl-jump--on");
      var years = jump.querySelector(".tl-jump-years");
      if (years) showYearLink = scroller(years);
      monthRows.forEach(scroller);
      var here = jump.querySelector(".tl-jump-years [aria-current]");
      if (here && showYearLink) showYearLink(here);
      var pending = false;
      window.addEventListener("scroll", function () {
        if (pending) return;
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          updateJumpBar();
        });
      }, { passive: true });
      /* In-page jumps keep the filter hash: scroll and move focus without changing it. */
      jump.addEventListener("click", function (event) {
        var link = event.target.closest("a");
        if (!link) return;
        var href = link.getAttribute("href") || "";
        if (href.charAt(0) !== "#") return;
        var target = document.getElementById(decodeURIComponent(href.slice(1)));
        if (!target) return;
        var section = target.closest(".tl-year");
        if (section) showYear(section.getAttribute("data-year"));
        if (!writeHash(state)) return;  // no filters: the browser's own jump is right
        event.preventDefault();
        target.setAttribute("tabindex", "-1");
        target.scrollIntoView();
        target.focus({ preventScroll: true });
      });
    }

    buildControls();
    state = readHash(location.hash) || {};
    render();
    window.addEventListener("hashchange", function () {
      var next = readHash(location.hash);
      if (next) {
        state = next;
        render();
      }
    });
  }

  function init() {
    // Material's search dialog has no accessible name; give it one.
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
    Array.prototype.forEach.call(document.querySelectorAll(".tl-list"), setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
