/* The guide's one script, in sections (as guide.css is one stylesheet): a phone fetches one file,
 * not five. Deferred in mkdocs.yml, so it runs after Material's script (it uses its document$) and
 * never holds up the first paint. Each section keeps to itself (its own function scope); they
 * share only window.guideStore from the first. The last line marks <html> with data-guide-js:
 * guide.css shows the tools that need this file only then (a dead button is worse than none). */

/* ---- Storage --------------------------------------------------------------------------------- */
/* Everything this site keeps in the reader's browser goes through here, under one prefix.
 * The prefix includes the site's path: GitHub Pages project sites share one origin. */
(function () {
  var scope = typeof __md_scope !== "undefined" ? __md_scope.pathname : "/";
  var prefix = "guide:" + scope + ":";

  function keys() {
    var found = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf(prefix) === 0) found.push(key);
    }
    return found;
  }

  window.guideStore = {
    /* Stored JSON for `name`, or `fallback` when absent; throws SyntaxError when damaged. */
    read: function (name, fallback) {
      var raw = localStorage.getItem(prefix + name);
      return raw === null ? fallback : JSON.parse(raw);
    },
    write: function (name, value) { localStorage.setItem(prefix + name, JSON.stringify(value)); },
    remove: function (name) { localStorage.removeItem(prefix + name); },
    /* Names (without the prefix) of everything this site stored, optionally under `start`. */
    names: function (start) {
      return keys().map(function (key) { return key.slice(prefix.length); })
        .filter(function (name) { return !start || name.indexOf(start) === 0; });
    },
    /* Remove everything this site stored but the reader's "Don't save" choice (a setting, not their
     * data: dropping it would quietly start saving again); other sites' data on the same origin stays.
     * True when that choice was kept. */
    clearAll: function () {
      var keep = localStorage.getItem(prefix + "nosave") === "true";
      keys().forEach(function (key) { if (!keep || key !== prefix + "nosave") localStorage.removeItem(key); });
      return keep;
    }
  };
})();

/* ---- Quick exit ------------------------------------------------------------------------------ */
/* See overrides/partials/guide/quick-exit.html */
(function (doc) {
  var shifts = [];

  function leave(control) {
    doc.body.style.display = "none";
    location.replace(control.getAttribute("data-quick-exit"));
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
})(document);

/* ---- Privacy page ---------------------------------------------------------------------------- */
/* See overrides/partials/guide/clear-data.html */
document.addEventListener("click", function (event) {
  var status = document.querySelector("[data-cleared]");
  if (event.target.closest("[data-guide-clear]")) status.textContent = status.getAttribute(guideStore.clearAll() ? "data-cleared-kept" : "data-cleared");
});

/* ---- Worksheets ------------------------------------------------------------------------------ */
/* Worksheets (partials/guide/worksheet.html): answers save as the reader types, in guideStore
 * "ws:<id>" = {v: layout version, a: {key: text | true}}; another version is never filled in. */
(function () {
  var store = window.guideStore, root = document.documentElement;
  var FILE = "worksheet-answers.json";
  var MSG = {
    damaged: "Your saved answers could not be read, so they were not filled in. What you type now will replace them.",
    changed: "This worksheet has changed, so your saved answers were not filled in. Export them to keep a copy: what you type now replaces them.",
    unsaved: "Your answers could not be saved on this device. Print or export them to keep them.",
    badFile: "That file could not be imported: it is not a worksheet answers file, or it is damaged. Nothing was changed."
  };

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  /* In the fold when it is open (its buttons did it), else at the top. */
  function say(section, text) { section.querySelectorAll(".g-ws-status")[+section.querySelector(".g-ws-more").open].textContent = text; }
  function sections() { return document.querySelectorAll(".g-worksheet"); }
  function noSave() { try { return store.read("nosave", false) === true; } catch (e) { return false; } }

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

  /* CSS prints this copy (on ruled lines) instead of the text box; a table cell gets one when first typed in. */
  function mirror(el) {
    var out = el.nextElementSibling;
    if (!out && el.type === "text" && el.value) {
      out = el.parentNode.appendChild(document.createElement("span"));
      out.className = "g-ws-out";
      out.setAttribute("aria-hidden", "true");
    }
    if (out && out.className === "g-ws-out") out.setAttribute("data-v", el.value);
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
  }

  function save(section) {
    if (noSave()) return;
    var answers = collect(section), name = "ws:" + section.dataset.worksheet;
    try {
      if (Object.keys(answers).length) store.write(name, { v: section.dataset.version, a: answers });
      else store.remove(name);
    } catch (e) { say(section, MSG.unsaved); }
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
      var data, sheets, ids;
      try { data = JSON.parse(reader.result); } catch (e) { data = null; }
      sheets = data && data.format === "guide-worksheets" && data.version === 1 && data.worksheets;
      ids = sheets && typeof sheets === "object" ? Object.keys(sheets) : [];
      if (!ids.length || !ids.every(function (id) { return /^[a-z0-9-]+$/.test(id) && valid(sheets[id]); })) return say(section, MSG.badFile);
      var keep = !noSave();
      try { if (keep) ids.forEach(function (id) { store.write("ws:" + id, sheets[id]); }); } catch (e) { return say(section, MSG.unsaved); }
      each(sections(), function (s) {
        var record = sheets[s.dataset.worksheet];
        if (record && record.v === s.dataset.version) fill(s, record.a);
      });
      say(section, "Imported answers for " + ids.length + " worksheet(s)." + (keep ? "" : " They are not saved, because \"Don't save on this device\" is on."));
    };
    reader.readAsText(file);
  }

  function clear(section) {
    if (!window.confirm("Clear every answer on this worksheet? This cannot be undone.")) return;
    fill(section, {});
    store.remove("ws:" + section.dataset.worksheet);
    say(section, "Answers cleared.");
  }

  /* "Don't save" (shared device: no question first) removes saved answers and quiz results (the quiz
   * section stops showing them); the screen keeps the answers. */
  function setNoSave(section, on) {
    if (on) {
      store.names("ws:").concat(store.names("quiz:")).forEach(store.remove);
      store.write("nosave", true);
    } else {
      store.remove("nosave");
      each(sections(), save);
    }
    each(document.querySelectorAll("[data-nosave]"), function (box) { box.checked = on; });
    say(section, on ? "Saved answers and quiz results removed. Nothing you type or pick will be saved on this device." : "Your answers will be saved on this device again.");
  }

  function print(section, blank) {
    root.classList.toggle("g-print-blank", blank);
    root.classList.add("g-print-one");
    section.classList.add("g-print-this");
    window.print();
  }

  window.addEventListener("afterprint", function () {
    root.classList.remove("g-print-blank", "g-print-one");
    each(document.querySelectorAll(".g-print-this"), function (s) { s.classList.remove("g-print-this"); });
  });

  function setUp(section) {
    var file = section.querySelector("input[type=file]"), box = section.querySelector("[data-nosave]");
    var actions = {
      print: function () { print(section, false); },
      blank: function () { print(section, true); },
      export: function () { exportAll(section); },
      import: function () { file.click(); },
      clear: function () { clear(section); }
    };
    section.dataset.ready = "1";
    box.checked = noSave();
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
    box.addEventListener("change", function () { setNoSave(section, box.checked); });
    file.addEventListener("change", function () {
      if (file.files[0]) importFile(section, file.files[0]);
      file.value = "";
    });
  }

  function wake() {
    each(sections(), function (section) { if (!section.dataset.ready) setUp(section); });
  }

  /* The workbook links to each worksheet on its own page and brings them here only when asked,
   * so the page stays light for everyone who just wants the list. */
  function gather(bar, then) {
    var holder = document.querySelector(".g-workbook-sheets"), status = bar.querySelector("[role=status]");
    if (holder.childElementCount) return then();
    if (holder.dataset.busy) return; /* a second click while fetching */
    holder.dataset.busy = "1";
    status.textContent = "Getting the worksheets\u2026";
    Promise.all([].map.call(document.querySelectorAll(".md-content li > a[href*='#ws-']"), function (a) {
      return fetch(a.pathname).then(function (r) { return r.ok ? r.text() : Promise.reject(); }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html").getElementById(a.hash.slice(1));
      });
    })).finally(function () { delete holder.dataset.busy; }).then(function (found) {
      found.forEach(function (section) { if (section) holder.append(section); });
      wake();
      status.textContent = "All " + holder.childElementCount + " worksheets are now on this page, below the contents.";
      then();
    }, function () { status.textContent = "The worksheets could not be fetched. Check your connection, then try again."; });
  }

  /* The site and page address, printed in the page margin (guide.css, @page) under worksheets. Set
   * just before printing: setting it restyles the whole page, which a phone should not pay for while
   * the page loads; on a page without worksheets (or the workbook) an address left from the last page
   * is removed. */
  window.addEventListener("beforeprint", function () {
    if (sections().length || document.querySelector(".g-workbook-sheets")) {
      root.style.setProperty("--g-foot", JSON.stringify(document.title.split(" - ").pop() + " · " + location.origin + location.pathname));
    } else {
      root.style.removeProperty("--g-foot");
    }
  });

  function onEachPage() {
    wake();
    each(document.querySelectorAll("[data-print-all]"), function (button) {
      var how = button.getAttribute("data-print-all");
      button.onclick = function () {
        gather(button.parentNode, function () {
          if (how === "show") return;
          root.classList.toggle("g-print-blank", how === "blank");
          window.print();
        });
      };
    });
  }

  if (window.document$) document$.subscribe(onEachPage); /* every page, instant navigation too */
  else document.addEventListener("DOMContentLoaded", onEachPage);
})();

/* ---- Quizzes --------------------------------------------------------------------------------- */
/* Quizzes (partials/guide/quiz.html): checking, feedback, a live summary, and dated results kept in
 * this browser only ("quiz:<id>" via guideStore) so a retake shows the change. Without this file the
 * quiz still works: answers in <details>, scoring by hand (guide.css swaps those for the buttons
 * under data-guide-js). Setting up changes nothing else on the page, so it costs a phone no restyle while
 * the page loads; each question's feedback box is added, and tied to its fieldset, at the first check. */
(function () {
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

  function setup(quiz) {
    if (quiz.dataset.ready) return; // already set up: document$ fires on every page
    quiz.dataset.ready = "1";
    var name = "quiz:" + quiz.getAttribute("data-quiz"),
      assessment = /self-assessment/.test(quiz.className),
      items = all(quiz, "fieldset"),
      find = quiz.querySelector.bind(quiz),
      summary = find("[data-summary]"),
      check = find("[data-check]"),
      retry = find("[data-retry]"),
      history = find("[data-history]"),
      safety = find("[data-safety]"),
      store = window.guideStore,
      level = +find(".g-quiz__title").tagName[1] + 1,
      kept = false, // the last check's result was saved
      amended = false; // ...and an answer has changed since: the next check replaces that result

    function addFeedback() {
      items.forEach(function (item, index) {
        if (item.querySelector("[data-feedback]")) return;
        item.setAttribute("aria-describedby", quiz.id + index);
        item.querySelector("div").insertAdjacentHTML("afterend", '<div data-feedback id="' + quiz.id + index + '"></div>');
      });
    }

    function saved() {
      try { return store.read(name, []) || []; } catch (damaged) { return []; }
    }

    // Folded away: anyone who sees the screen sees only the count.
    function showHistory() {
      var list = saved(), shown = history.querySelector("ul");
      history.hidden = !list.length;
      history.querySelector("span").textContent = list.length;
      shown.textContent = "";
      list.reverse().forEach(function (entry) { shown.appendChild(make("li", day(entry.date) + ", " + describe(entry))); });
    }

    function say(nodes) {
      summary.textContent = "";
      nodes.forEach(function (node) { node && summary.appendChild(node.nodeType ? node : make("p", node)); });
    }

    // A band's title, as in "toward “Mostly steady”": which way a total moves only means something
    // named. Bands run from the lowest totals up (the build checks), so the first and last name the ends.
    var bands = all(quiz, "[data-min]"), lows = bands[0], highs = bands[bands.length - 1];
    function titleOf(row) { return "“" + row.querySelector("td").firstElementChild.textContent + "”"; }

    // The whole question in view (its scroll margin keeps it clear of the sticky header), not just
    // the first answer that takes focus.
    function focusQuestion(item) {
      item.scrollIntoView({ block: "nearest" });
      item.querySelector("input").focus({ preventScroll: true });
    }

    check.addEventListener("click", function () {
      var missing = items.filter(function (item) { return !item.querySelector(":checked"); });
      if (missing.length) {
        say(["Please answer every " + (assessment ? "statement" : "question") + " first. Still to answer: " +
          missing.map(function (item) { return items.indexOf(item) + 1; }).join(", ") + "."]);
        return focusQuestion(missing[0]);
      }
      var score = 0, flagged, entry, text, band;
      addFeedback();
      items.forEach(function (item) {
        var inputs = all(item, "input"), picked = item.querySelector(":checked"), feedback = item.querySelector("[data-feedback]"), best,
          points, value = inputs.indexOf(picked) + 1, threshold = item.getAttribute("data-threshold");
        if (assessment) {
          points = item.hasAttribute("data-reverse") ? inputs.length + 1 - value : value;
          score += points;
          if (threshold && value >= threshold) flagged = true;
          feedback.textContent = points + (points == 1 ? " point" : " points") +
            (item.hasAttribute("data-reverse") ? " (this one counts the other way)." : ".");
        } else {
          best = item.querySelector("[data-best]");
          score += picked == best;
          feedback.textContent = picked == best
            ? "Your answer is the better move."
            : "Not quite. The better move is “" + best.parentNode.textContent.trim() + "”";
          feedback.className = picked == best ? "is-right" : "is-wrong";
          item.querySelector("details").open = true;
        }
      });
      if (assessment) {
        band = bands.filter(function (row) {
          return row.getAttribute("data-min") <= score && score <= row.getAttribute("data-max");
        })[0].querySelector("td").cloneNode(true);
        // Repair steps or counselling with a partner you fear can do harm: only the title stays.
        if (flagged) band.replaceChildren(band.firstElementChild, make("p", safety.getAttribute("data-result")));
        entry = { score: score, band: band.firstElementChild.textContent };
        text = "Your total is " + score + ", on a range from " + items.length + " (" + titleOf(lows) + ") to " +
          items.length * all(items[0], "input").length + " (" + titleOf(highs) + ").";
      } else {
        entry = { score: score, of: items.length };
        text = "You picked the better move in " + score + " of " + items.length + " questions.";
      }
      entry.date = new Date().toISOString();
      var list = saved().slice(0, amended ? -1 : undefined), last = list[list.length - 1],
        heading = make("h" + level, "Your result"), change;
      kept = amended = false;
      if (last) {
        change = "Last time, on " + day(last.date) + ": " + describe(last) + ". " +
          (score == last.score ? "This time your score is the same." :
            "This time it is " + Math.abs(score - last.score) + (score > last.score ? " higher" : " lower") +
            (assessment ? ", toward " + titleOf(score > last.score ? highs : lows) + "." : "."));
      }
      heading.tabIndex = -1;
      say([heading, flagged && safety, text, band, change, assessment && "Remember: this is a self-check, not a diagnosis."]);
      if (flagged) safety.hidden = false;
      try {
        if (!store.read("nosave", false)) store.write(name, list.concat(entry).slice(-10)), kept = true; // the last 10
      } catch (blocked) { /* storage off or damaged: shown, not kept */ }
      showHistory();
      quiz.classList.add("is-checked");
      check.hidden = true;
      retry.hidden = false;
      heading.focus();
    });

    // Back to unchecked: no feedback, no result (an emptied live region says nothing), "Check" again.
    function uncheck() {
      all(quiz, "[data-feedback]").forEach(function (feedback) { feedback.textContent = feedback.className = ""; });
      all(quiz, "details").forEach(function (details) { details.open = false; });
      if (safety) safety.hidden = true, quiz.appendChild(safety);
      say([]);
      quiz.classList.remove("is-checked");
      check.hidden = false;
      retry.hidden = true;
    }

    retry.addEventListener("click", function () {
      all(quiz, "input").forEach(function (input) { input.checked = false; });
      uncheck();
      focusQuestion(items[0]);
    });

    // A changed answer makes the feedback and result stale: the reader checks again, and that result
    // replaces the stale one in the saved list rather than adding a near-copy of it.
    quiz.addEventListener("change", function () {
      if (!quiz.classList.contains("is-checked")) return;
      uncheck();
      amended = kept;
      say(["You changed an answer. Check again to see your result."]);
    });

    find("[data-clear]").addEventListener("click", function () {
      try { store.remove(name); } catch (blocked) { /* nothing was kept */ }
      showHistory();
      say(["Your saved results for this quiz are cleared."]);
      focusQuestion(items[0]);
    });

    if (saved().length) showHistory();
  }

  function start() { all(document, "[data-quiz]").forEach(setup); }

  // A worksheet's "Don't save on this device" switch, turned on, removed the saved results: stop showing them.
  document.addEventListener("change", function (event) {
    if (event.target.checked && event.target.matches("[data-nosave]")) all(document, "[data-history]").forEach(function (history) {
      history.hidden = true;
      history.querySelector("ul").textContent = "";
    });
  });

  if (window.document$) window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();

/* Everything above loaded: show the tools that need it (guide.css). An attribute, not a class:
 * Material's `:not([class])` rules make any class change on <html> restyle every element. */
document.documentElement.setAttribute("data-guide-js", "");
