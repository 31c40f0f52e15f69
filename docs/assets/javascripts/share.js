/* Compare with your partner: on a self-assessment and on a worksheet with `shareable: true` (quiz.html
 * and worksheet.html mark them [data-share], each shared field with its [data-talk] question), the
 * reader sends their answers to their partner in a private link or a file; opening it shows both
 * sets of answers side by side. Loaded only by pages that have one (hooks/guide_macros/scripts.py):
 * instant navigation runs it again on each such page, so it sets up only what is not set up yet,
 * and a first visit runs it before guide.js, whose store (window.guideStore) it waits for.
 *
 * The link is the page's address + "#share=" + base64url(deflate-raw(JSON)); a file holds the JSON:
 *   {f: "guide-share", v: 1, k: "ws" | "quiz", id, l: layout version, a: answers}
 * A worksheet's answers as the store keeps them ({data-k: text | true}); a self-assessment's as
 * {statement number: pick, 0 to 4}. Safety statements are never offered, and a self-assessment
 * whose answers raise a safety flag is not shared at all. Browsers never send what follows "#" to
 * any server. A partner's answers are shown, never filled in: the opener's own stay as they were. */
(function () {
  if (window.guideShare) return window.guideShare();
  var FORMAT = "guide-share", MARK = "#share=", ZIP = "deflate-raw";
  var LONGEST = 5000, UNPACKED = 256 * 1024; /* characters in one answer; bytes a link may unpack to */
  var MSG = {
    about: "Send your answers to your partner in a private link or a file, to see both side by side. The answers travel inside the link itself: this site never receives them.",
    none: "Answer at least one question first: there is nothing to share yet.",
    safety: "These answers are not shared: some of them are about your safety. Please read the Safety page first.",
    long: "One of your answers is too long to share (more than 5,000 characters). Shorten it, then try again.",
    damaged: "This link to your partner's answers is damaged or cut short, so nothing was shown and nothing was changed. Ask your partner to send it again, or to send the file instead.",
    foreign: "This is not a link to a partner's answers from this guide, so nothing was shown and nothing was changed.",
    elsewhere: "These answers are for a worksheet or self-check that is not on this page, so nothing was shown and nothing was changed. Open them on the page where your partner made them.",
    changed: "This part of the guide has changed since your partner shared their answers, so they cannot be shown beside yours. Nothing was changed: ask your partner to share them again.",
    badFile: "That file is not a partner's answers file from this guide, or it is damaged. Nothing was changed.",
    gone: " The link was taken out of the address bar, so it is not bookmarked by accident; it stays in this browser's history until you clear it.",
    replaced: " They replace the copy of their answers you kept before."
  };

  function all(root, selector) { return [].slice.call(root.querySelectorAll(selector)); }
  function make(tag, text, parent) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function words(text) { return String(text).replace(/\s+/g, " ").trim(); }

  /* ---- One worksheet or self-assessment, as sharing sees it ---- */
  function component(section) {
    var quiz = section.hasAttribute("data-quiz"), inputs = function (set) { return all(set, "input"); };
    var c = {
      section: section, quiz: quiz, kind: quiz ? "quiz" : "ws",
      id: section.getAttribute(quiz ? "data-quiz" : "data-worksheet"),
      version: section.getAttribute("data-version"),
      title: words(section.querySelector("h2, h3, h4, h5, h6").textContent),
      level: +section.querySelector("h2, h3, h4, h5, h6").tagName[1] + 1,
      /* Each shared field: its label, its question for a difference, and the keys of its answers. */
      fields: (quiz ? all(section, "fieldset[data-talk]") : all(section, ".g-ws__field[data-talk]")).map(function (el) {
        return { el: el, label: words(el.querySelector("legend, label").textContent), talk: el.getAttribute("data-talk"),
          keys: quiz ? [String(all(section, "fieldset").indexOf(el) + 1)] : all(el, "[data-k]").map(function (k) { return k.getAttribute("data-k"); }) };
      })
    };
    c.own = function () {
      if (!quiz) return window.guideWorksheets.collect(section);
      var own = {};
      c.fields.forEach(function (field) {
        var pick = inputs(field.el).indexOf(field.el.querySelector(":checked"));
        if (pick >= 0) own[field.keys[0]] = pick;
      });
      return own;
    };
    /* A self-assessment whose answers raise a safety flag is not shared (guide.js scores the same way). */
    c.flagged = function () {
      return quiz && all(section, "fieldset[data-threshold]").some(function (set) {
        return inputs(set).indexOf(set.querySelector(":checked")) + 1 >= +set.getAttribute("data-threshold");
      });
    };
    /* The control an answer belongs to, and whether `value` fits it. */
    c.fits = function (key, value) {
      if (quiz) {
        var set = all(section, "fieldset")[+key - 1];
        return /^[1-9]\d*$/.test(key) && !!set && set.hasAttribute("data-talk") && typeof value === "number" &&
          value === Math.floor(value) && value >= 0 && value < inputs(set).length;
      }
      var el = section.querySelector('[data-k="' + CSS.escape(key) + '"]');
      if (!el) return false;
      if (!el.type) return typeof value === "string" && !!el.querySelector('[value="' + CSS.escape(value) + '"]');
      return el.type === "checkbox" ? value === true : typeof value === "string" && value.length <= LONGEST;
    };
    /* One line per answer, as a reader reads it. */
    c.lines = function (field, answers) {
      return field.keys.filter(function (key) { return key in answers; }).map(function (key) {
        var value = answers[key], el;
        if (quiz) return words(inputs(field.el)[value].parentNode.textContent);
        el = section.querySelector('[data-k="' + CSS.escape(key) + '"]');
        if (!el.type) return value + " (" + all(field.el, ".g-ws__ends span").map(function (s) { return s.textContent; }).join(", ") + ")";
        var name = el.getAttribute("aria-label");
        if (el.type === "checkbox") return name ? name + ": ticked" : words(el.labels[0].textContent);
        return name ? name + ": " + value : value;
      });
    };
    return c;
  }

  /* ---- Link and file ---- */
  function toLink(record) {
    var stream = new Blob([JSON.stringify(record)]).stream().pipeThrough(new CompressionStream(ZIP));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer), text = "";
      for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
      return location.origin + location.pathname + MARK + btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    });
  }

  /* The record in a link's fragment; rejects with a message key. */
  function fromLink(packed) {
    return Promise.resolve().then(function () {
      if (!/^[A-Za-z0-9_-]+$/.test(packed)) throw "damaged";
      var text = atob(packed.replace(/-/g, "+").replace(/_/g, "/")), bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      return inflate(bytes);
    }).then(JSON.parse).catch(function (problem) { throw typeof problem === "string" ? problem : "damaged"; });
  }

  /* Unpacked a piece at a time, and given up past UNPACKED bytes: a crafted link cannot hang the tab. */
  function inflate(bytes) {
    var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(ZIP)).getReader(), parts = [], size = 0;
    function next(step) {
      if (step.done) return new Blob(parts).text();
      size += step.value.length;
      if (size > UNPACKED) return reader.cancel().then(function () { throw "damaged"; });
      parts.push(step.value);
      return reader.read().then(next);
    }
    return reader.read().then(next);
  }

  /* The component on this page the record belongs to, once every answer fits it; throws a message key. */
  function match(record) {
    if (!record || record.f !== FORMAT || record.v !== 1 || (record.k !== "ws" && record.k !== "quiz")) throw "foreign";
    var found = here().filter(function (c) { return c.kind === record.k && c.id === record.id; })[0], a = record.a;
    if (!found) throw "elsewhere";
    if (record.l !== found.version) throw "changed";
    if (!a || typeof a !== "object" || Array.isArray(a) || !Object.keys(a).length ||
      !Object.keys(a).every(function (key) { return found.fits(key, a[key]); })) throw "damaged";
    return found;
  }

  function here() {
    return all(document, "[data-share]").filter(function (s) { return !s.closest(".g-workbook__sheets"); }).map(component);
  }

  function download(record, c) {
    var link = document.createElement("a"), name = "answers-for-my-partner-" + c.id + ".json";
    link.href = URL.createObjectURL(new Blob([JSON.stringify(record, null, 1)], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000); /* after the download has started */
    return name;
  }

  /* The safety message, with the way to the Safety page (quiz.html gives its address). */
  function saySafety(status, c) {
    status.textContent = MSG.safety.replace("Please read the Safety page first.", "");
    var href = c.section.getAttribute("data-safety-href"), link = href ? make("a", "Please read the Safety page first.", status) : null;
    if (link) link.href = href;
    else status.append("Please read the Safety page first.");
  }

  function tooLong(shared) {
    return Object.keys(shared.a).some(function (key) { return typeof shared.a[key] === "string" && shared.a[key].length > LONGEST; });
  }

  /* ---- "Share my answers with my partner": what will be shared, then the link or the file ---- */
  function bar(c) {
    var box = make("div"), status, panel = null, toggle, open, file;
    box.className = "g-share";
    box.setAttribute("data-search-exclude", "");
    make("p", MSG.about, box);
    var row = make("p", "", box);
    toggle = make("button", "Share my answers with my partner", row);
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    open = make("button", "Open a file from my partner", row);
    open.type = "button";
    file = make("input", "", row);
    file.type = "file";
    file.accept = ".json,application/json";
    file.hidden = true;
    status = make("p", "", box);
    status.setAttribute("role", "status");

    function close() {
      if (panel) panel.remove(), panel = null;
      toggle.setAttribute("aria-expanded", "false");
    }

    /* Only the list is rebuilt when answers change: a button pressed as a text box loses focus stays. */
    function preview() {
      var own = c.own(), shown = c.fields.filter(function (field) { return c.lines(field, own).length; }), list, out;
      if (c.flagged() || !shown.length) {
        close();
        if (c.flagged()) saySafety(status, c);
        else status.textContent = MSG.none;
        return;
      }
      var left = panel ? all(panel, "[data-field]").filter(function (box) { return !box.checked; }).map(function (box) { return box.getAttribute("data-field"); }) : [];
      if (!panel) {
        panel = make("div"); /* not a fieldset: a quiz takes a change in one for a changed answer */
        panel.className = "g-share__panel";
        panel.id = c.section.id + "-share";
        panel.setAttribute("role", "group");
        panel.setAttribute("aria-labelledby", panel.id + "-title");
        toggle.setAttribute("aria-controls", panel.id);
        box.insertBefore(panel, status);
        make("p", "What your partner will see", panel).id = panel.id + "-title";
        make("p", "Untick anything you want to leave out. Anyone who has the link or the file can read these answers.", panel);
        make("ul", "", panel);
        var actions = make("p", "", panel);
        make("button", "Make the link", actions).setAttribute("data-make", "link");
        make("button", "Save as a file instead", actions).setAttribute("data-make", "file");
        all(actions, "button").forEach(function (b) { b.type = "button"; });
      }
      list = panel.querySelector("ul");
      list.textContent = "";
      if ((out = panel.querySelector("input[readonly]"))) out.parentNode.remove(); /* a link made before is stale */
      shown.forEach(function (field) {
        var item = make("li", "", list), label = make("label", "", item), tick = make("input", "", label);
        tick.type = "checkbox";
        tick.checked = left.indexOf(field.keys.join(" ")) < 0;
        tick.setAttribute("data-field", field.keys.join(" "));
        make("strong", field.label, label);
        var answers = make("ul", "", item);
        c.lines(field, own).forEach(function (line) { make("li", line, answers); });
      });
      toggle.setAttribute("aria-expanded", "true");
    }

    /* Only the ticked fields, read again from the page as the reader sees them now. */
    function record() {
      var own = c.own(), a = {};
      all(panel, "[data-field]:checked").forEach(function (tick) {
        tick.getAttribute("data-field").split(" ").forEach(function (key) { if (key in own) a[key] = own[key]; });
      });
      return Object.keys(a).length ? { f: FORMAT, v: 1, k: c.kind, id: c.id, l: c.version, a: a } : null;
    }

    function link(shared) {
      toLink(shared).then(function (address) {
        var out = panel.querySelector("input[readonly]");
        if (!out) {
          var label = make("label", "Private link for your partner", make("p", "", panel));
          out = make("input", "", label.parentNode);
          out.readOnly = true;
          out.id = panel.id + "-link";
          label.htmlFor = out.id;
        }
        out.value = address;
        out.focus();
        out.select();
        var done = function (copied) {
          status.textContent = (copied ? "The link is made and copied: paste it into a message to your partner."
            : "The link is made: copy it from the box above and send it to your partner.") +
            " Anyone who has it can read these answers, so send it only to them.";
        };
        return navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(address).then(function () { done(true); }, function () { done(false); }) : done(false);
      }, function () { status.textContent = "This browser cannot make the link. Save your answers as a file instead."; });
    }

    toggle.addEventListener("click", function () {
      status.textContent = "";
      if (panel) close();
      else preview();
    });
    box.addEventListener("click", function (event) {
      var how = event.target.getAttribute && event.target.getAttribute("data-make"), shared;
      if (!how) return;
      if (c.flagged()) {
        close();
        return saySafety(status, c);
      }
      if (!(shared = record())) return void (status.textContent = "Tick at least one answer to share.");
      if (tooLong(shared)) return void (status.textContent = MSG.long);
      if (how === "link") return link(shared);
      status.textContent = "Saved the file " + download(shared, c) + " in your downloads. Send it to your partner: they open this page, then choose \u201cOpen a file from my partner\u201d. Anyone who has the file can read these answers.";
    });
    /* An answer changed: what will be shared changes too, and a link made before is stale. */
    c.section.addEventListener("change", function (event) {
      if (panel && !box.contains(event.target)) status.textContent = "", preview(); /* preview may say why it closed */
    });
    open.addEventListener("click", function () { file.click(); });
    file.addEventListener("change", function () {
      var chosen = file.files[0];
      file.value = "";
      if (!chosen) return;
      chosen.text().then(JSON.parse).then(function (shared) {
        var found;
        try { found = match(shared); } catch (key) { return void (status.textContent = key === "elsewhere" || key === "changed" ? MSG[key] : MSG.badFile); }
        compare(found, shared.a, false);
        status.textContent = "Your partner's answers are shown beside yours, above. Your own answers are unchanged.";
      }, function () { status.textContent = MSG.badFile; });
    });
    return box;
  }

  /* ---- Both sets of answers side by side ---- */
  function same(a, b) { return a.length === b.length && a.every(function (line, i) { return line.toLowerCase() === b[i].toLowerCase(); }); }

  function compare(c, theirs, kept) {
    var fill = c.section.querySelector(".g-fill"), view = c.section.querySelector(".g-compare"), keep, note;
    window.guideOpen(c.section);
    if (!view) {
      view = document.createElement("section");
      view.className = "g-compare";
      view.id = c.section.id + "-compare";
      view.setAttribute("aria-labelledby", view.id + "-title");
      view.setAttribute("data-search-exclude", "");
      fill.querySelector("summary").after(view);
    }
    view.textContent = "";
    var heading = make("h" + Math.min(c.level, 6), "Your answers and your partner's", view);
    heading.id = view.id + "-title";
    heading.tabIndex = -1;
    make("p", "Your partner's answers are only shown here: yours stay as they are. Where your answers differ, a question helps you talk about it.", view);
    var body = make("div", "", view);
    function draw() {
      var own = c.own();
      body.textContent = "";
      c.fields.forEach(function (field) {
        var mine = c.lines(field, own), yours = c.lines(field, theirs);
        if (!yours.length) return;
        var item = make("div", "", body), pair = make("dl", "", item);
        item.className = "g-compare__item";
        make("p", field.label, item).className = "g-compare__label";
        item.appendChild(pair);
        [["You", mine], ["Your partner", yours]].forEach(function (side) {
          var group = make("div", "", pair), dd;
          make("dt", side[0], group);
          dd = make("dd", side[1].length ? "" : "Not answered yet", group);
          side[1].forEach(function (line) { make("span", line, dd); });
        });
        var state = !mine.length ? "one" : same(mine, yours) ? "same" : "differ";
        var mark = make("p", "", item);
        mark.className = "g-compare__mark";
        mark.setAttribute("data-mark", state);
        make("strong", { same: "Same answer.", differ: "Different answers.", one: "Only your partner has answered this." }[state], mark);
        if (state !== "same") mark.append(" Talk about it: " + field.talk);
      });
    }
    draw();
    /* The opener's own answers change: the comparison follows (one listener, the latest drawing). */
    if (!c.section.guideCompare) {
      c.section.addEventListener("change", function (event) { if (!event.target.closest(".g-share, .g-compare")) c.section.guideCompare(); });
    }
    c.section.guideCompare = draw;

    var p = make("p", "", view), label = make("label", "", p);
    keep = make("input", "", label);
    keep.type = "checkbox";
    keep.checked = kept;
    keep.setAttribute("data-keep-partner", "");
    label.append(" Keep my partner's answers on this device");
    var hint = make("span", "Off unless you tick it. Clear them any time by unticking this, or on the Privacy page.", p);
    hint.className = "g-share__hint";
    hint.id = view.id + "-keep-hint";
    keep.setAttribute("aria-describedby", hint.id);
    note = make("p", "", view);
    note.setAttribute("role", "status");
    keep.addEventListener("change", function () {
      var name = keptName(c);
      if (!keep.checked) {
        guideStore.remove(name);
        note.textContent = "Your partner's answers are no longer kept on this device.";
        return;
      }
      keep.checked = guideStore.write(name, { v: c.version, a: theirs, at: new Date().toISOString() });
      note.textContent = keep.checked ? "Your partner's answers are kept on this device, until you untick this or clear everything on the Privacy page."
        : guideStore.blocked() ? "Not kept: this browser does not let this site keep anything."
          : "Not kept: \u201cDon't save anything on this device\u201d is on.";
    });
    return view;
  }

  /* Where a partner's copy is kept, when the reader asks (the store's "partner:" records). */
  function keptName(c) { return "partner:" + c.kind + "-" + c.id; }

  function keptBefore(c) {
    try { return guideStore.read(keptName(c), null); } catch (damaged) { return null; }
  }

  /* ---- A link opened on this page ---- */
  function notice(text, alert) {
    var old = document.querySelector(".g-share__notice"), box = document.createElement("div"),
      title = document.querySelector(".md-content__inner h1");
    if (old) old.remove();
    box.className = "g-share__notice";
    box.setAttribute("role", alert ? "alert" : "status");
    box.setAttribute("data-search-exclude", "");
    if (title) title.after(box);
    else document.querySelector(".md-content__inner, main, body").prepend(box);
    setTimeout(function () { box.textContent = text; }, 50); /* filled once in place, so it is announced */
    return box;
  }

  function openLink() {
    var at = location.hash.indexOf(MARK);
    if (at !== 0) return;
    var packed = location.hash.slice(MARK.length);
    history.replaceState(history.state, "", location.pathname + location.search);
    fromLink(packed).then(function (record) {
      var c = match(record), replaced = !!keptBefore(c);
      /* The reader kept a copy before: the new answers replace it, so an old copy never comes back. */
      if (replaced) replaced = guideStore.write(keptName(c), { v: c.version, a: record.a, at: new Date().toISOString() });
      var view = compare(c, record.a, replaced);
      notice("Your partner's answers to \u201c" + c.title + "\u201d are shown beside yours, in \u201cYour answers and your partner's\u201d below. Your own answers are unchanged." +
        (replaced ? MSG.replaced : "") + MSG.gone);
      view.querySelector("h1, h2, h3, h4, h5, h6").focus(); /* on a phone it is screens below the notice */
    }).catch(function (key) { notice(MSG[key] || MSG.damaged, true); });
  }

  /* ---- Setting up ---- */
  function setUp() {
    here().forEach(function (c) {
      var section = c.section, fill = section.querySelector(".g-fill");
      if (section.dataset.share) return;
      section.dataset.share = "ready";
      /* Built when the reader opens the fill, so a page that is only read costs nothing more. */
      function build() {
        if (!fill.open || section.querySelector(".g-share")) return;
        if (c.quiz) section.querySelector(".g-quiz__actions").after(bar(c));
        else section.querySelector(".g-ws__more").before(bar(c));
      }
      fill.addEventListener("toggle", build);
      build();
      /* A copy the reader kept from before, unless a link brings a new one. */
      if (location.hash.indexOf(MARK) === 0) return;
      var kept = null;
      kept = keptBefore(c);
      if (!kept) return;
      if (kept.v === c.version && kept.a && Object.keys(kept.a).every(function (key) { return c.fits(key, kept.a[key]); })) compare(c, kept.a, true);
      else guideStore.remove(keptName(c)); /* made for another layout of this worksheet: it can never be shown */
    });
    openLink();
  }

  /* "Don't save" turned on: the store removed kept copies; the boxes say so. */
  document.addEventListener("guide:saving", function () {
    if (!guideStore.saving()) all(document, "[data-keep-partner]").forEach(function (box) { box.checked = false; });
  });

  window.guideShare = setUp;
  function start() {
    setUp();
    if (window.document$) window.document$.subscribe(setUp); /* instant navigation */
  }
  if (window.guideStore) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
