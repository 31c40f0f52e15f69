/* Worksheets and the Workbook's "bring them onto this page" (partials/guide/worksheet.html and
 * workbook.md). Loaded only by pages that have a worksheet or the workbook
 * (hooks/guide_macros/scripts.py), after guide.js's store and "Fill in here", which it uses. */
(function () {
  if (window.guideWorksheetScript) return; /* run again by instant navigation: document$ already sets up each page */
  window.guideWorksheetScript = true;
  function start() {
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
  }
  /* A first visit runs this before guide.js (it sits in the page, guide.js at its end): wait for it. */
  if (window.guideStore) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
