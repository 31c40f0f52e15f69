/* Quizzes (partials/guide/quiz.html). Loaded only by pages that have a quiz
 * (hooks/guide_macros/scripts.py); it uses guide.js's store and "Fill in here". */
(function () {
  if (window.guideQuizScript) return; /* run again by instant navigation: document$ already sets up each page */
  window.guideQuizScript = true;
  function start() {
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

        /* Leaving leaves nothing behind: a self-assessment's answers and result are never kept unless
         * asked, so they go when the page is left or comes back from the back-forward cache (below). */
        if (quiz.assessment) section.addEventListener("guide:forget", function () {
          all(section, "fieldset input").forEach(function (input) { input.checked = false; });
          keep.checked = lastKept = false;
          uncheck();
          section.dispatchEvent(new Event("change", { bubbles: true })); /* share.js redraws what it showed */
        });

        if (saved().length) showHistory();
      }

      /* Every way out: pagehide (a page kept whole by the back-forward cache, in Chromium, Firefox and
       * Safari alike, is hidden first), pageshow from that cache (in case pagehide was missed), and
       * quick exit (guide.js). A full load restores no answer either: the form is autocomplete="off"
       * (quiz.html), which all three honour; `unload` is not used: it is unreliable and keeps pages
       * out of that cache. */
      function forget() {
        all(document, "[data-quiz]").forEach(function (section) { section.dispatchEvent(new CustomEvent("guide:forget")); });
      }
      window.addEventListener("pagehide", forget);
      window.addEventListener("pageshow", function (event) { if (event.persisted) forget(); });
      document.addEventListener("guide:leave", forget);

      function start() { all(document, "[data-quiz]").forEach(setup); }

      window.guideScore = score; /* for tests: scoring is a pure function */
      if (window.document$) window.document$.subscribe(start);
      else document.addEventListener("DOMContentLoaded", start);
    })();
  }
  /* A first visit runs this before guide.js (it sits in the page, guide.js at its end): wait for it. */
  if (window.guideStore) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
