/* The guide's script for every page, in sections: the store, quick exit, the Privacy page's button,
 * the don't-save switches, "Fill in here" and the progress marks. What only some pages use loads
 * only there (hooks/guide_macros/scripts.py): worksheet.js, quiz.js, share.js, plan.js, which use
 * window.guideStore and window.guideOpen from here. Deferred in mkdocs.yml, so it runs after
 * Material's script (it uses its document$) and never holds up the first paint. The last line marks
 * <html> with data-guide-js: guide.css shows the controls that need a script only then (a dead
 * button is worse than none). */

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
    /* True when this browser lets the site keep nothing at all (storage turned off), which
     * saving() alone cannot tell from the reader's own "Don't save". */
    blocked: function () {
      try { return !window.localStorage; } catch (off) { return true; }
    },
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

  /* Self-checks forget their unsaved answers first (quiz.js listens for guide:leave), then the page
   * goes from the screen, then from history (replace: Back skips it). */
  function leave(control) {
    doc.dispatchEvent(new CustomEvent("guide:leave"));
    doc.body.style.display = "none";
    location.replace(control.getAttribute("data-quick-exit"));
  }

  /* Back or Forward can bring a page back whole from the browser's back-forward cache (Chromium,
   * Firefox and Safari all keep one, and all say so with `persisted`): show it again if quick exit
   * hid it. quiz.js has already cleared its answers on pagehide, and clears them again here. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) doc.body.style.display = "";
  });

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
    [].forEach.call(document.querySelectorAll(".g-step, .md-nav__link > .g-sr"), function (old) { old.remove(); });
    [].forEach.call(document.querySelectorAll('.md-nav--primary a.md-nav__link[href]:not([href^="#"])'), function (link) {
      var page = pages[link.pathname];
      if (!page) return;
      var pause = document.createElement("span"), badge = document.createElement("span");
      pause.className = "g-sr";
      pause.textContent = ", "; /* "Take stock, started", not "Take stock started" */
      badge.className = "g-step";
      badge.textContent = page.done >= page.of ? "done" : "started";
      link.append(pause, badge);
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

/* Everything above loaded: show the controls that need it (guide.css). An attribute, not a class:
 * Material's `:not([class])` rules make any class change on <html> restyle every element. */
document.documentElement.setAttribute("data-guide-js", "");
