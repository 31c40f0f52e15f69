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

  /* CSS prints this copy (on ruled lines) instead of the text box. */
  function mirror(el) {
    var out = el.nextElementSibling;
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

  /* "Don't save" (shared device: no question first) removes saved answers; the screen keeps them. */
  function setNoSave(section, on) {
    if (on) {
      store.names("ws:").forEach(store.remove);
      store.write("nosave", true);
    } else {
      store.remove("nosave");
      each(sections(), save);
    }
    each(document.querySelectorAll("[data-nosave]"), function (box) { box.checked = on; });
    say(section, on ? "Saved answers removed. Nothing you type will be saved on this device." : "Your answers will be saved on this device again.");
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
    each(document.querySelectorAll("[data-js]"), function (el) { el.hidden = false; });
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

  document$.subscribe(function () {
    // Printed in the page margin (guide.css, @page) under worksheets. Setting it restyles the whole
    // page, so only where one can print; elsewhere an address left from the last page is removed.
    if (sections().length || document.querySelector(".g-workbook-sheets")) {
      root.style.setProperty("--g-foot", JSON.stringify(document.title.split(" - ").pop() + " · " + location.origin + location.pathname));
    } else {
      root.style.removeProperty("--g-foot");
    }
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
  });
})();
