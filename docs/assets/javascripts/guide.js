/* The guide's one script, in sections, one per component (as guide.css is one stylesheet): a phone
 * fetches one file, not six. Deferred in mkdocs.yml, so it runs after Material's script (it uses its
 * document$) and never holds up the first paint. The sections share only window.guideStore, the
 * first one. The last line marks <html> with data-guide-js: guide.css shows the controls that need
 * this file only then (a dead button is worse than none). */

/* ---- Store ------------------------------------------------------------------------------------ */
/* The one owner of everything this guide keeps in the reader's browser: its keys, and the reader's
 * "Don't save on this device" choice, which holds for the whole site. Keys:
 *   ws:<worksheet id>  a worksheet's answers        quiz:<quiz id>  a quiz's dated results
 *   step:<worksheet id>  where a worksheet lives and whether it is finished (progress marks)
 *   partner:<id>       a partner's shared answers, kept only when the reader asks (share.js)
 *   nosave             the choice not to save (a setting, not the reader's data)
 * The prefix includes the site's path: GitHub Pages project sites share one origin. */
(function () {
  var scope = typeof __md_scope !== "undefined" ? __md_scope.pathname : "/";
  var prefix = "guide:" + scope + ":";
  var DATA = /^(ws|quiz|step|partner):/;

  function keys() {
    var found = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key && key.indexOf(prefix) === 0) found.push(key.slice(prefix.length));
      }
    } catch (blocked) { /* storage turned off: nothing was kept */ }
    return found;
  }

  function saving() {
    try { return localStorage.getItem(prefix + "nosave") !== "true"; } catch (blocked) { return false; }
  }

  function forget(test) {
    keys().forEach(function (name) { if (test(name)) localStorage.removeItem(prefix + name); });
  }

  /* Tell every component on the page (switches, saved-results lists) that the choice changed. */
  function announce() {
    document.dispatchEvent(new CustomEvent("guide:saving", { detail: { saving: saving() } }));
  }

  window.guideStore = {
    /* Stored JSON for `name`, or `fallback` when absent or unreadable; throws SyntaxError when damaged. */
    read: function (name, fallback) {
      var raw = null;
      try { raw = localStorage.getItem(prefix + name); } catch (blocked) { /* nothing kept */ }
      return raw === null ? fallback : JSON.parse(raw);
    },
    /* Keep `value` under `name`, unless the reader chose not to save; false when not kept. */
    write: function (name, value) {
      if (!saving()) return false;
      try { localStorage.setItem(prefix + name, JSON.stringify(value)); return true; } catch (full) { return false; }
    },
    remove: function (name) {
      try { localStorage.removeItem(prefix + name); } catch (blocked) { /* nothing kept */ }
    },
    /* Names of the records this guide kept, optionally those starting with `start`. */
    names: function (start) {
      return keys().filter(function (name) { return DATA.test(name) && (!start || name.indexOf(start) === 0); });
    },
    saving: saving,
    /* Off: delete every answer and result at once (a shared device: no question first) and keep
     * nothing new. On: saving starts again (what is on screen is saved by its component). */
    setSaving: function (on) {
      try {
        if (on) localStorage.removeItem(prefix + "nosave");
        else forget(function (name) { return DATA.test(name); }), localStorage.setItem(prefix + "nosave", "true");
      } catch (blocked) { /* storage turned off: nothing is kept either way */ }
      announce();
    },
    /* Everything this guide kept but the choice not to save (dropping it would quietly start saving
     * again); other sites' data on the same origin stays. True when that choice was kept. */
    clearAll: function () {
      var kept = !saving();
      try { forget(function (name) { return name !== "nosave"; }); } catch (blocked) { /* nothing kept */ }
      announce();
      return kept;
    }
  };
})();

/* ---- Quick exit ------------------------------------------------------------------------------- */
/* See overrides/partials/guide/quick-exit.html */
(function (doc) {
  var shifts = [];

  function leave(control) {
    doc.body.style.display = "none";
    location.replace(control.getAttribute("data-quick-exit"));
  }

  /* The Shift shortcut works only with this script, so only this script tells readers about it. */
  function hint(control) {
    if (control.nextElementSibling || control.closest(".g-quiz")) return;
    var span = doc.createElement("span");
    span.className = "g-quick-exit__hint";
    span.innerHTML = "or press <kbd>Shift</kbd> three times";
    control.after(span);
  }

  doc.addEventListener("click", function (event) {
    var control = event.target.closest("[data-quick-exit]");
    if (control) event.preventDefault(), leave(control);
  });
  doc.addEventListener("keyup", function (event) {
    var control, now = Date.now();
    [].some.call(doc.querySelectorAll("[data-quick-exit]"), function (el) { return el.getClientRects().length && (control = el); });
    shifts = event.key == "Shift" && control ? shifts.filter(function (t) { return now - t < 5000; }).concat(now) : [];
    if (shifts[2]) leave(control);
  });

  function onEachPage() { [].forEach.call(doc.querySelectorAll("[data-quick-exit]"), hint); }
  if (window.document$) document$.subscribe(onEachPage);
  else doc.addEventListener("DOMContentLoaded", onEachPage);
})(document);

/* ---- Privacy page ----------------------------------------------------------------------------- */
/* See overrides/partials/guide/clear-data.html */
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-guide-clear]"), status = document.querySelector("[data-cleared]");
  if (!button) return;
  if (!window.confirm(button.getAttribute("data-confirm"))) return void (status.textContent = status.getAttribute("data-kept"));
  status.textContent = status.getAttribute(guideStore.clearAll() ? "data-cleared-kept" : "data-cleared");
});

/* ---- "Don't save on this device" switches ------------------------------------------------------ */
/* Worksheets and quizzes each carry a switch ([data-nosave]); they are one choice for the whole
 * site, kept by the store, and every switch on the page follows it. */
(function (doc) {
  /* Only a switch that shows the wrong state is set: each change restyles its closed worksheet. */
  function sync() {
    var off = !guideStore.saving();
    [].forEach.call(doc.querySelectorAll("[data-nosave]"), function (box) { if (box.checked !== off) box.checked = off; });
  }
  doc.addEventListener("change", function (event) {
    if (event.target.matches("[data-nosave]")) guideStore.setSaving(!event.target.checked);
  });
  doc.addEventListener("guide:saving", sync);
  if (window.document$) document$.subscribe(sync);
  else doc.addEventListener("DOMContentLoaded", sync);
})(document);

/* ---- Fill in here ----------------------------------------------------------------------------- */
/* A worksheet's fields and a quiz's questions wait in a closed <details class="g-fill"> (see
 * worksheet.html): opened here for a reader who arrives by a link to it (or to a part of it), and,
 * with a quiz's answer key, for paper in browsers that cannot show closed details in print by CSS. */
(function () {
  var opened = [];

  window.guideOpen = function (component) {
    var fill = component && component.querySelector(".g-fill");
    if (fill) fill.open = true;
  };

  function openTarget() {
    var target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var component = target && target.closest(".g-ws, .g-quiz");
    if (!component) return;
    window.guideOpen(component);
    if (target !== component && !target.closest("summary")) target.scrollIntoView();
  }

  window.addEventListener("hashchange", openTarget);
  window.addEventListener("beforeprint", function () {
    opened = opened.concat([].filter.call(document.querySelectorAll(":is(.g-fill, .g-quiz__key):not([open])"), function (fill) { return (fill.open = true); }));
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (fill) { fill.open = false; });
    opened = [];
  });
  if (window.document$) document$.subscribe(openTarget);
  else document.addEventListener("DOMContentLoaded", openTarget);
})();

/* ---- Worksheets ------------------------------------------------------------------------------- */
/* Worksheets (partials/guide/worksheet.html): answers save as the reader types, in the store as
 * "ws:<id>" = {v: layout version, a: {key: text | true}}; another version is never filled in. */
(function () {
  var store = window.guideStore, root = document.documentElement;
  var FILE = "worksheet-answers.json";
  var MSG = {
    damaged: "Your saved answers could not be read, so they were not filled in. What you type now will replace them.",
    changed: "This worksheet has changed, so your saved answers were not filled in. Export them to keep a copy: what you type now replaces them.",
    unsaved: "Your answers could not be saved on this device. Print or export them to keep them.",
    badFile: "That file could not be imported: it is not a worksheet answers file, or it is damaged. Nothing was changed.",
    off: "Saved answers and results removed. Nothing you type or pick will be saved on this device.",
    on: "Your answers will be saved on this device again."
  };

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  /* In the fold when it is open (its buttons did it), else by the title. */
  function say(section, text) { section.querySelectorAll(".g-ws__status")[+section.querySelector(".g-ws__more").open].textContent = text; }
  function sections() { return document.querySelectorAll(".g-ws"); }

  /* A record is only trusted when every answer is text or a tick. */
  function valid(record) {
    var a = record && record.a;
    return !!a && typeof record.v === "string" && typeof a === "object" && !Array.isArray(a) &&
      Object.keys(a).every(function (k) { return typeof a[k] === "string" || a[k] === true; });
  }

  function collect(section) {
    var answers = {};
    each(section.querySelectorAll("[data-k]"), function (el) {
      var k = el.getAttribute("data-k"), picked = el.type ? null : el.querySelector(":checked");
      if (!el.type) { if (picked) answers[k] = picked.value; } /* a scale: the box row holds the key */
      else if (el.type === "checkbox") { if (el.checked) answers[k] = true; }
      else if (el.value) answers[k] = el.value;
    });
    return answers;
  }

  /* CSS prints this copy (typed text on ruled lines) instead of the text box. Made when first typed
   * in, or just before printing for a field's lines (a table cell keeps its row's height instead), so
   * a page ships none of them. */
  function mirror(el, always) {
    if (el.type !== "text" && el.tagName !== "TEXTAREA") return;
    var out = el.nextElementSibling && el.nextElementSibling.classList.contains("g-ws__out") ? el.nextElementSibling : null;
    if (!out && (el.value || always)) {
      out = document.createElement("span");
      out.className = "g-ws__out";
      out.setAttribute("aria-hidden", "true");
      if (el.rows > 1) out.style.setProperty("--n", el.rows);
      el.after(out);
    }
    if (out) out.setAttribute("data-v", el.value);
  }

  function fill(section, answers) {
    each(section.querySelectorAll("[data-k]"), function (el) {
      var v = answers[el.getAttribute("data-k")];
      if (!el.type) each(el.querySelectorAll("input"), function (box) { box.checked = v === box.value; });
      else if (el.type === "checkbox") el.checked = v === true;
      else el.value = typeof v === "string" ? v : "";
      mirror(el);
    });
  }

  function restore(section) {
    var record;
    try { record = store.read("ws:" + section.dataset.worksheet, null); } catch (e) { return say(section, MSG.damaged); }
    if (record === null) return;
    if (!valid(record)) return say(section, MSG.damaged);
    if (record.v !== section.dataset.version) return say(section, MSG.changed);
    fill(section, record.a);
    section.progress = "?"; /* the next save notes where it stands */
    window.guideOpen(section); /* the reader's own answers: show them */
  }

  function save(section) {
    if (!store.saving()) return;
    var answers = collect(section), name = "ws:" + section.dataset.worksheet;
    if (!Object.keys(answers).length) store.remove(name);
    else if (!store.write(name, { v: section.dataset.version, a: answers })) say(section, MSG.unsaved);
    step(section, answers);
  }

  /* Where the worksheet lives, its title, and whether every part has an answer ("step:<id>"): the
   * nav's progress marks and the home page's "Continue" (Progress, below). They are told only when
   * that changes, not at every key. */
  function step(section, answers) {
    var name = "step:" + section.dataset.worksheet, now = "";
    if (Object.keys(answers).length) {
      now = [].every.call(section.querySelectorAll(".g-ws__field"), function (field) {
        return [].some.call(field.querySelectorAll("[data-k]"), function (el) { return answers[el.getAttribute("data-k")] !== undefined; });
      }) ? "done" : "started";
      store.write(name, { p: section.dataset.home, o: +section.dataset.of, d: now === "done", t: Date.now(),
        n: section.querySelector(".g-ws__title").textContent, h: section.id });
    } else store.remove(name);
    if (now !== (section.progress || "")) section.progress = now, document.dispatchEvent(new CustomEvent("guide:progress"));
  }

  /* Saved worksheets, plus what is on screen (unsaved if "Don't save"). */
  function exportAll(section) {
    var sheets = {};
    store.names("ws:").forEach(function (name) {
      try { var record = store.read(name); if (valid(record)) sheets[name.slice(3)] = record; } catch (e) { /* skip damaged */ }
    });
    each(sections(), function (s) {
      var a = collect(s);
      if (Object.keys(a).length) sheets[s.dataset.worksheet] = { v: s.dataset.version, a: a };
    });
    if (!Object.keys(sheets).length) return say(section, "There are no answers to export yet.");
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify({ format: "guide-worksheets", version: 1, worksheets: sheets }, null, 1)], { type: "application/json" }));
    link.download = FILE;
    document.body.appendChild(link);
    link.click();
    link.remove();
    say(section, "Saved " + Object.keys(sheets).length + " worksheet(s) to the file " + FILE + " in your downloads.");
  }

  function importFile(section, file) {
    var reader = new FileReader();
    reader.onerror = function () { say(section, MSG.badFile); };
    reader.onload = function () {
      var data, sheets, ids, kept = true;
      try { data = JSON.parse(reader.result); } catch (e) { data = null; }
      sheets = data && data.format === "guide-worksheets" && data.version === 1 && data.worksheets;
      ids = sheets && typeof sheets === "object" ? Object.keys(sheets) : [];
      if (!ids.length || !ids.every(function (id) { return /^[a-z0-9-]+$/.test(id) && valid(sheets[id]); })) return say(section, MSG.badFile);
      ids.forEach(function (id) { kept = store.write("ws:" + id, sheets[id]) && kept; });
      each(sections(), function (s) {
        var record = sheets[s.dataset.worksheet];
        if (record && record.v === s.dataset.version) fill(s, record.a);
      });
      say(section, "Imported answers for " + ids.length + " worksheet(s)." +
        (store.saving() ? (kept ? "" : " " + MSG.unsaved) : " They are not saved, because \"Don't save on this device\" is on."));
    };
    reader.readAsText(file);
  }

  function clear(section) {
    if (!window.confirm("Clear every answer on this worksheet? This cannot be undone.")) return;
    fill(section, {});
    store.remove("ws:" + section.dataset.worksheet);
    step(section, {});
    say(section, "Answers cleared.");
  }

  function print(section, blank) {
    root.toggleAttribute("data-print-blank", blank);
    root.setAttribute("data-print-one", "");
    section.setAttribute("data-print-this", "");
    window.print();
  }

  window.addEventListener("afterprint", function () {
    root.removeAttribute("data-print-blank");
    root.removeAttribute("data-print-one");
    each(document.querySelectorAll("[data-print-this]"), function (s) { s.removeAttribute("data-print-this"); });
  });

  /* The choice changed on some switch: say so on the worksheet whose switch it was; saving again
   * keeps what every worksheet on screen holds. */
  document.addEventListener("guide:saving", function (event) {
    var switched = document.activeElement && document.activeElement.closest && document.activeElement.closest(".g-ws");
    if (event.detail.saving) each(sections(), save);
    if (switched) say(switched, event.detail.saving ? MSG.on : MSG.off);
  });

  function setUp(section) {
    var file = section.querySelector("input[type=file]");
    var actions = {
      print: function () { print(section, false); },
      blank: function () { print(section, true); },
      export: function () { exportAll(section); },
      import: function () { file.click(); },
      clear: function () { clear(section); }
    };
    section.dataset.ready = "1";
    restore(section);
    function changed(event) {
      if (!event.target.closest("[data-k]")) return;
      mirror(event.target);
      save(section);
    }
    section.addEventListener("input", changed);
    section.addEventListener("change", changed);
    section.addEventListener("click", function (event) {
      var act = actions[event.target.getAttribute("data-act")];
      if (act) act();
    });
    file.addEventListener("change", function () {
      if (file.files[0]) importFile(section, file.files[0]);
      file.value = "";
    });
  }

  /* Set up every worksheet not yet set up (the workbook brings more onto its page). */
  window.guideWorksheets = function () {
    each(sections(), function (section) { if (!section.dataset.ready) setUp(section); });
  };
  window.guideWorksheets.collect = collect; /* share.js: the answers on screen, keyed as saved */

  /* Each text box's paper copy, with its lines, just before printing. */
  window.addEventListener("beforeprint", function () {
    each(document.querySelectorAll(".g-ws__field > :is(input[type=text], textarea)"), function (el) { mirror(el, true); });
  });

  if (window.document$) document$.subscribe(window.guideWorksheets); /* every page, instant navigation too */
  else document.addEventListener("DOMContentLoaded", window.guideWorksheets);
})();

/* ---- Progress --------------------------------------------------------------------------------- */
/* From the worksheets' "step:" notes: beside each page in the nav, "started" or "done" (every
 * worksheet there finished); on the home page, "Continue where you left off" (overrides/main.html)
 * to the worksheet changed last. Nothing is noted while "Don't save" is on, and the marks go when
 * the reader clears everything. */
(function () {
  var store = window.guideStore;

  function steps() {
    return store.names("step:").map(function (name) {
      try { var step = store.read(name); } catch (damaged) { return null; }
      return step && typeof step.p === "string" && typeof step.n === "string" ? step : null;
    }).filter(Boolean);
  }

  function mark() {
    var scope = typeof __md_scope !== "undefined" ? __md_scope : new URL("/", location), pages = {}, last = null;
    steps().forEach(function (step) {
      var path = new URL(step.p, scope).pathname, page = pages[path] || (pages[path] = { done: 0, of: step.o || 1 });
      if (step.d) page.done++;
      if (!last || step.t > last.t) last = step;
    });
    [].forEach.call(document.querySelectorAll(".g-step"), function (old) { old.remove(); });
    [].forEach.call(document.querySelectorAll('.md-nav--primary a.md-nav__link[href]:not([href^="#"])'), function (link) {
      var page = pages[link.pathname];
      if (!page) return;
      var badge = document.createElement("span");
      badge.className = "g-step";
      badge.textContent = page.done >= page.of ? "done" : "started";
      link.append(badge);
    });
    var box = document.querySelector("[data-continue]");
    if (!box) return;
    box.hidden = !last;
    if (last) {
      box.querySelector("a").href = new URL(last.p, scope).pathname + "#" + (last.h || "");
      box.querySelector("[data-last]").textContent = last.n;
    }
  }

  document.addEventListener("guide:progress", mark);
  document.addEventListener("guide:saving", mark);
  if (window.document$) document$.subscribe(mark);
  else document.addEventListener("DOMContentLoaded", mark);
})();

/* ---- Workbook --------------------------------------------------------------------------------- */
/* The workbook (partials/guide/workbook.md) links to each worksheet on its own page and brings them
 * onto its page only when asked, so it stays light for everyone who just wants the list. */
(function () {
  function gather(bar, then) {
    var holder = document.querySelector(".g-workbook__sheets"), status = bar.querySelector("[role=status]");
    if (holder.childElementCount) return then();
    if (holder.dataset.busy) return; /* a second click while fetching */
    holder.dataset.busy = "1";
    status.textContent = "Getting the worksheets\u2026";
    Promise.all([].map.call(document.querySelectorAll(".md-content li > a[href*='#ws-']"), function (a) {
      return fetch(a.pathname).then(function (r) { return r.ok ? r.text() : Promise.reject(); }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html").getElementById(a.hash.slice(1));
      });
    })).finally(function () { delete holder.dataset.busy; }).then(function (found) {
      found.forEach(function (section) { if (section) holder.append(section), window.guideOpen(section); });
      window.guideWorksheets();
      status.textContent = "All " + holder.childElementCount + " worksheets are now on this page, below the contents.";
      then();
    }, function () { status.textContent = "The worksheets could not be fetched. Check your connection, then try again."; });
  }

  function onEachPage() {
    [].forEach.call(document.querySelectorAll("[data-print-all]"), function (button) {
      var how = button.getAttribute("data-print-all");
      button.onclick = function () {
        gather(button.parentNode, function () {
          if (how === "show") return;
          document.documentElement.toggleAttribute("data-print-blank", how === "blank");
          window.print();
        });
      };
    });
  }

  if (window.document$) document$.subscribe(onEachPage);
  else document.addEventListener("DOMContentLoaded", onEachPage);
})();

/* ---- Quizzes ---------------------------------------------------------------------------------- */
/* Quizzes (partials/guide/quiz.html): checking, feedback, a live summary and dated results. A
 * knowledge check's results are kept ("quiz:<id>" in the store) so a retake shows the change; a
 * self-assessment's only when the reader ticks "Keep my result", and one that raised a safety flag
 * never. Without this file the quiz still works by hand (guide.css swaps the two). Setting up
 * changes nothing on the page, so it costs a phone no restyle while the page loads: everything a
 * reader has not asked for yet is built here when needed. */
(function () {
  var STRAINED = 4; /* a statement at this many points or more points to its own page */

  function all(root, selector) { return [].slice.call(root.querySelectorAll(selector)); }

  function make(tag, text) {
    var node = document.createElement(tag);
    node.textContent = text;
    return node;
  }

  function day(iso) {
    return new Date(iso).toLocaleDateString([], { day: "numeric", month: "short", year: "numeric" });
  }

  function describe(entry) {
    return entry.band ? entry.score + " points, " + entry.band : entry.score + " of " + entry.of + " right";
  }

  /* Scoring, apart from the page: `quiz` is what the markup says (read once at setup), `picks` the
   * 0-based answer picked in each item (-1 for none). A safety flag never adds to the total. */
  function score(quiz, picks) {
    var result = { missing: [], total: 0, flagged: false, strained: [], right: [] };
    quiz.items.forEach(function (item, index) {
      var pick = picks[index], points;
      if (pick < 0) return result.missing.push(index + 1);
      if (!quiz.assessment) return result.right.push(pick === item.best), result.total += pick === item.best;
      points = item.reverse ? quiz.scale - pick : pick + 1;
      if (item.threshold) return void (result.flagged = result.flagged || pick + 1 >= item.threshold);
      result.total += points;
      if (points >= STRAINED && item.link) result.strained.push(item.link);
    });
    if (quiz.assessment) {
      result.band = quiz.bands.filter(function (band) { return band.min <= result.total && result.total <= band.max; })[0];
    }
    return result;
  }

  function setup(section) {
    if (section.dataset.ready) return; /* already set up: document$ fires on every page */
    section.dataset.ready = "1";
    var store = window.guideStore,
      name = "quiz:" + section.getAttribute("data-quiz"),
      items = all(section, "fieldset"),
      find = section.querySelector.bind(section),
      summary = find("[data-summary]"),
      check = find("[data-check]"),
      retry = find("[data-retry]"),
      keep = find("[data-keep]"),
      level = +find(".g-quiz__title").tagName[1] + 1,
      history = null,
      last = null, /* the result on screen, while it is on screen */
      lastKept = false;
    var quiz = {
      assessment: !!keep,
      scale: items.length ? all(items[0], "input").length : 0,
      items: items.map(function (item) {
        return {
          reverse: item.hasAttribute("data-reverse"),
          threshold: +item.getAttribute("data-threshold") || 0,
          best: all(item, "input").indexOf(item.querySelector("[data-best]")),
          link: item.getAttribute("data-link") && { href: item.getAttribute("data-link"), text: item.getAttribute("data-link-text") }
        };
      }),
      bands: all(section, "[data-min]").map(function (row) {
        return { min: +row.getAttribute("data-min"), max: +row.getAttribute("data-max"), row: row,
          title: row.querySelector("td").firstElementChild.textContent };
      })
    };

    function picks() {
      return items.map(function (item) { return all(item, "input").indexOf(item.querySelector(":checked")); });
    }

    function saved() {
      try { return store.read(name, []) || []; } catch (damaged) { return []; }
    }

    /* The saved results, folded away (anyone who sees the screen sees only the count), built only
     * when there are some. */
    function showHistory() {
      var list = saved();
      if (!list.length) {
        if (history) history.remove(), history = null;
        return;
      }
      if (!history) {
        history = document.createElement("details");
        history.className = "g-quiz__history";
        history.setAttribute("data-search-exclude", "");
        history.innerHTML = "<summary>Your saved results on this device (<span></span>)</summary><ul></ul>" +
          '<button type="button">Clear my saved results</button>';
        history.querySelector("button").addEventListener("click", function () {
          store.remove(name);
          lastKept = false;
          if (keep) keep.checked = false;
          showHistory();
          say(["Your saved results for this quiz are cleared."]);
          focusQuestion(items[0]);
        });
        all(section, ".g-quiz__note").pop().after(history);
      }
      history.querySelector("span").textContent = list.length;
      var shown = history.querySelector("ul");
      shown.textContent = "";
      list.slice().reverse().forEach(function (entry) { shown.appendChild(make("li", day(entry.date) + ", " + describe(entry))); });
    }

    function put(box, nodes) {
      box.textContent = "";
      nodes.forEach(function (node) { node && box.appendChild(node.nodeType ? node : make("p", node)); });
    }

    function say(nodes) { put(summary, nodes); }

    /* Why the picked answer is, or is not, the better move: from the answer key after the last question. */
    function whyPicked(index) {
      var answers = all(section, ".g-quiz__key > ol > li")[index];
      return all(answers, "li > span")[picks()[index]].textContent;
    }

    /* The whole question in view (its scroll margin keeps it clear of the sticky header), not just
     * the first answer that takes focus. */
    function focusQuestion(item) {
      item.scrollIntoView({ block: "nearest" });
      item.querySelector("input").focus({ preventScroll: true });
    }

    function feedback(item, index) {
      var box = item.querySelector("[data-feedback]");
      if (!box) {
        item.setAttribute("aria-describedby", section.id + "-f" + index);
        box = item.querySelector("div").insertAdjacentElement("afterend", document.createElement("div"));
        box.setAttribute("data-feedback", "");
        box.id = section.id + "-f" + index;
      }
      return box;
    }

    /* Safety first: the message, a way out, and real help; no band, no total, nothing kept. */
    function safetyView() {
      var box = document.createElement("div"), exit = document.createElement("a"), more = document.createElement("p");
      box.className = "g-quiz__safety";
      box.appendChild(make("p", section.getAttribute("data-safety-message"))).insertAdjacentHTML("afterbegin", "<strong>Your safety comes first.</strong> ");
      exit.className = "g-quiz__exit";
      exit.href = section.getAttribute("data-exit");
      exit.setAttribute("data-quick-exit", exit.href);
      exit.rel = "nofollow noreferrer";
      exit.textContent = "Exit this page";
      box.appendChild(document.createElement("p")).appendChild(exit);
      box.insertAdjacentHTML("beforeend", section.getAttribute("data-help"));
      more.appendChild(document.createElement("a")).textContent = "Read the Safety page";
      more.firstChild.href = section.getAttribute("data-safety-href");
      box.appendChild(more);
      return box;
    }

    function remember(entry) {
      var list = saved().concat(entry).slice(-10); /* the last 10 */
      lastKept = store.write(name, list);
      showHistory();
    }

    function forgetLast() {
      var list = saved();
      if (lastKept && list.length) list.pop(), list.length ? store.write(name, list) : store.remove(name);
      lastKept = false;
      showHistory();
    }

    check.addEventListener("click", function () {
      var result = score(quiz, picks()), heading = make("h" + level, "Your result"), previous, text, band, nodes;
      if (result.missing.length) {
        say(["Please answer every " + (quiz.assessment ? "statement" : "question") + " first. Still to answer: " +
          result.missing.join(", ") + "."]);
        return focusQuestion(items[result.missing[0] - 1]);
      }
      previous = lastKept ? saved().slice(0, -1).pop() : saved().pop();
      forgetLast(); /* checking again replaces a result kept from this same sitting */
      heading.tabIndex = -1;
      if (quiz.assessment && result.flagged) {
        last = null;
        nodes = [heading, safetyView(), "Remember: this is a self-check, not a diagnosis. A result that " +
          "touches on your safety is never kept on this device."];
      } else if (quiz.assessment) {
        band = result.band.row.querySelector("td").cloneNode(true);
        last = { score: result.total, band: result.band.title, date: new Date().toISOString() };
        text = "Your total is " + result.total + ", on a range from " + quiz.bands[0].min + " (“" + quiz.bands[0].title +
          "”) to " + quiz.bands[quiz.bands.length - 1].max + " (“" + quiz.bands[quiz.bands.length - 1].title + "”).";
        nodes = [heading, text, band, strainedLinks(result.strained), compared(previous, last),
          "Remember: this is a self-check, not a diagnosis."];
      } else {
        last = { score: result.total, of: items.length, date: new Date().toISOString() };
        nodes = [heading, "You picked the better move in " + result.total + " of " + items.length + " questions.",
          compared(previous, last)];
      }
      items.forEach(function (item, index) {
        var box = feedback(item, index), points;
        if (quiz.assessment) {
          if (quiz.items[index].threshold) return void (box.textContent = "Not counted: this one is about your safety.");
          points = quiz.items[index].reverse ? quiz.scale - picks()[index] : picks()[index] + 1;
          box.textContent = points + (points == 1 ? " point" : " points") + (quiz.items[index].reverse ? " (this one counts the other way)." : ".");
        } else {
          put(box, [result.right[index] ? "Your answer is the better move." :
            "Not quite. The better move is “" + item.querySelector("[data-best]").parentNode.textContent.trim() + "”.",
            whyPicked(index)]);
          box.setAttribute("data-verdict", result.right[index] ? "right" : "wrong");
        }
      });
      say(nodes);
      if (last && (!quiz.assessment || keep.checked)) remember(last);
      if (keep) keep.disabled = !last;
      section.setAttribute("data-checked", "");
      check.hidden = true;
      retry.hidden = false;
      heading.focus();
    });

    /* "Also read", for the statements that scored high on their own. */
    function strainedLinks(links) {
      if (!links.length) return null;
      var list = document.createElement("ul");
      links.forEach(function (link) {
        var a = list.appendChild(document.createElement("li")).appendChild(make("a", link.text));
        a.href = link.href;
      });
      var box = document.createElement("div");
      box.appendChild(make("p", "Some of your answers point to a page of their own:"));
      box.appendChild(list);
      return box;
    }

    /* Last time, and which way this time moved; never toward a band from a result not kept. */
    function compared(previous, now) {
      if (!previous || !now) return null;
      var moved = now.score - previous.score, ends = quiz.bands;
      return "Last time, on " + day(previous.date) + ": " + describe(previous) + ". " + (moved === 0
        ? "This time your score is the same."
        : "This time it is " + Math.abs(moved) + (moved > 0 ? " higher" : " lower") + (quiz.assessment
          ? ", toward “" + (moved > 0 ? ends[ends.length - 1] : ends[0]).title + "”." : "."));
    }

    /* Back to unchecked: no feedback, no result (an emptied live region says nothing), "Check" again. */
    function uncheck() {
      all(section, "[data-feedback]").forEach(function (box) { box.textContent = ""; box.removeAttribute("data-verdict"); });
      all(section, ".g-quiz__key").forEach(function (key) { key.open = false; });
      say([]);
      last = null;
      if (keep) keep.disabled = false;
      section.removeAttribute("data-checked");
      check.hidden = false;
      retry.hidden = true;
    }

    retry.addEventListener("click", function () {
      all(section, "fieldset input").forEach(function (input) { input.checked = false; });
      lastKept = false;
      uncheck();
      focusQuestion(items[0]);
    });

    /* A changed answer makes the feedback and result stale: the reader checks again, and that result
     * replaces the stale one in the saved list rather than adding a near-copy of it. */
    section.addEventListener("change", function (event) {
      if (event.target === keep) {
        if (!last) return;
        if (keep.checked) remember(last);
        else forgetLast();
        return note(keep.checked ? (lastKept ? "Your result is kept on this device." : "Your result could not be kept: " +
          "saving is off on this device.") : "Your result is no longer kept.");
      }
      if (!event.target.closest("fieldset") || !section.hasAttribute("data-checked")) return;
      uncheck();
      say(["You changed an answer. Check again to see your result."]);
    });

    /* The result stays on screen; a note about keeping it goes at the live region's end, so a screen
     * reader hears only the note. */
    function note(text) {
      var p = summary.querySelector("[data-note]") || summary.appendChild(make("p", ""));
      p.setAttribute("data-note", "");
      p.textContent = text;
    }

    /* "Don't save" turned on: the store deleted the saved results, so stop showing them. */
    document.addEventListener("guide:saving", function () {
      if (!section.isConnected) return;
      if (!store.saving()) lastKept = false;
      showHistory();
    });

    if (saved().length) showHistory();
  }

  function start() { all(document, "[data-quiz]").forEach(setup); }

  window.guideScore = score; /* for tests: scoring is a pure function */
  if (window.document$) window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();

/* Everything above loaded: show the controls that need it (guide.css). An attribute, not a class:
 * Material's `:not([class])` rules make any class change on <html> restyle every element. */
document.documentElement.setAttribute("data-guide-js", "");
