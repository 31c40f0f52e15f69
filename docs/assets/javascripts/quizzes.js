/* Quizzes (partials/guide/quiz.html): checking, feedback, a live summary, and dated results kept in
 * this browser only ("quiz:<id>" via guideStore) so a retake shows the change. Without this file the
 * quiz still works: answers in <details>, scoring by hand. */
(function () {
  var KEEP = 10; // results kept per quiz

  function all(root, selector) { return [].slice.call(root.querySelectorAll(selector)); }

  function make(tag, text) {
    var node = document.createElement(tag);
    node.textContent = text;
    return node;
  }

  function day(iso) {
    return new Date(iso).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
  }

  function describe(entry) {
    return entry.band ? entry.score + " points, " + entry.band : entry.score + " of " + entry.of + " right";
  }

  function setup(quiz) {
    if (quiz.hasAttribute("data-ready")) return; // already set up: document$ fires on every page
    quiz.setAttribute("data-ready", "");
    quiz.classList.add("g-quiz--js");
    var name = "quiz:" + quiz.getAttribute("data-quiz"),
      assessment = /self-assessment/.test(quiz.className),
      items = all(quiz, "fieldset"),
      find = quiz.querySelector.bind(quiz),
      summary = find("[data-summary]"),
      check = find("[data-check]"),
      retry = find("[data-retry]"),
      history = find("[data-history]"),
      safety = find("[data-safety]"),
      level = +find(".g-quiz__title").tagName.slice(1) + 1;

    function saved() {
      try { return window.guideStore.read(name, []) || []; } catch (damaged) { return []; }
    }

    // Folded away: anyone who sees the screen sees only the count.
    function showHistory() {
      var list = saved(), shown = find("[data-history-text]");
      history.hidden = !list.length;
      find("[data-count]").textContent = list.length;
      shown.textContent = "";
      list.reverse().forEach(function (entry) { shown.appendChild(make("li", day(entry.date) + ", " + describe(entry))); });
    }

    function say(nodes) {
      summary.textContent = "";
      nodes.forEach(function (node) { node && summary.appendChild(typeof node == "string" ? make("p", node) : node); });
    }

    function hideSafety() {
      if (safety) safety.hidden = true, quiz.appendChild(safety);
    }

    check.addEventListener("click", function () {
      var missing = items.filter(function (item) { return !item.querySelector(":checked"); });
      if (missing.length) {
        say(["Please answer every " + (assessment ? "statement" : "question") + " first. Still to answer: " +
          missing.map(function (item) { return items.indexOf(item) + 1; }).join(", ") + "."]);
        missing[0].querySelector("input").focus();
        return;
      }
      var score = 0, flagged = false, entry, text, band;
      items.forEach(function (item) {
        var picked = item.querySelector(":checked"), feedback = item.querySelector("[data-feedback]"), best, points,
          value = +picked.value, threshold = item.getAttribute("data-threshold");
        if (assessment) {
          points = item.hasAttribute("data-reverse") ? item.querySelectorAll("input").length + 1 - value : value;
          score += points;
          flagged = flagged || (threshold && value >= +threshold);
          feedback.textContent = points + (points == 1 ? " point" : " points") +
            (item.hasAttribute("data-reverse") ? " (this one counts the other way)." : ".");
        } else {
          best = item.querySelector("[data-best]");
          score += picked == best;
          feedback.textContent = picked == best
            ? "Your answer is the better move."
            : "Not quite. The better move is “" + best.parentNode.textContent.trim() + "”";
          feedback.className = "g-quiz__feedback " + (picked == best ? "is-right" : "is-wrong");
          item.querySelector("details").open = true;
        }
      });
      if (assessment) {
        band = all(quiz, "[data-band]").filter(function (row) {
          return +row.getAttribute("data-min") <= score && score <= +row.getAttribute("data-max");
        })[0].querySelector("[data-band-text]").cloneNode(true);
        band.className = "g-quiz__band";
        // Repair steps or counselling with a partner you fear can do harm: only the title stays.
        if (flagged) band.replaceChildren(band.firstElementChild, make("p", safety.getAttribute("data-result")));
        entry = { score: score, band: band.firstElementChild.textContent };
        text = "Your total is " + score + ", on a range from " + items.length + " to " +
          items.length * items[0].querySelectorAll("input").length + ".";
      } else {
        entry = { score: score, of: items.length };
        text = "You picked the better move in " + score + " of " + items.length + " questions.";
      }
      entry.date = new Date().toISOString();
      var list = saved(), last = list[list.length - 1], heading = make("h" + level, "Your result"), change;
      if (last) {
        change = "Last time, on " + day(last.date) + ": " + describe(last) + ". " +
          (score == last.score ? "This time your score is the same." :
            "This time it is " + Math.abs(score - last.score) + (score > last.score ? " higher." : " lower."));
      }
      heading.tabIndex = -1;
      say([heading, text, band, change, assessment && "Remember: this is a self-check, not a diagnosis."]);
      if (flagged) summary.insertBefore(safety, heading.nextSibling), safety.hidden = false;
      try {
        if (!window.guideStore.read("nosave", false)) window.guideStore.write(name, list.concat(entry).slice(-KEEP));
      } catch (blocked) { /* storage off or damaged: shown, not kept */ }
      showHistory();
      quiz.classList.add("is-checked");
      check.hidden = true;
      retry.hidden = false;
      heading.focus();
    });

    retry.addEventListener("click", function () {
      all(quiz, "input").forEach(function (input) { input.checked = false; });
      all(quiz, "[data-feedback]").forEach(function (feedback) { feedback.textContent = ""; feedback.className = "g-quiz__feedback"; });
      all(quiz, "details").forEach(function (details) { details.open = false; });
      hideSafety();
      summary.textContent = "";
      quiz.classList.remove("is-checked");
      check.hidden = false;
      retry.hidden = true;
      items[0].querySelector("input").focus();
    });

    find("[data-clear]").addEventListener("click", function () {
      try { window.guideStore.remove(name); } catch (blocked) { /* nothing was kept */ }
      showHistory();
      say(["Your saved results for this quiz are cleared."]);
      items[0].querySelector("input").focus();
    });

    find("[data-actions]").hidden = false;
    showHistory();
  }

  function start() { all(document, "[data-quiz]").forEach(setup); }

  if (window.document$) window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
