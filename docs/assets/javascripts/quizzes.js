/* Quizzes (partials/guide/quiz.html): checking, feedback, a live summary, and dated results kept in
 * this browser only ("quiz:<id>" via guideStore) so a retake shows the change. Without this file the
 * quiz still works: answers in <details>, scoring by hand. Each question's feedback is added here,
 * tied to its fieldset with aria-describedby: pages need not ship an empty box and an id for each. */
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
    if (quiz.classList.contains("g-quiz--js")) return; // already set up: document$ fires on every page
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
      store = window.guideStore,
      level = +find(".g-quiz__title").tagName[1] + 1;
    items.forEach(function (item, index) {
      item.setAttribute("aria-describedby", quiz.id + index);
      item.querySelector("div").insertAdjacentHTML("afterend", '<div data-feedback id="' + quiz.id + index + '"></div>');
    });

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

    check.addEventListener("click", function () {
      var missing = items.filter(function (item) { return !item.querySelector(":checked"); });
      if (missing.length) {
        say(["Please answer every " + (assessment ? "statement" : "question") + " first. Still to answer: " +
          missing.map(function (item) { return items.indexOf(item) + 1; }).join(", ") + "."]);
        return missing[0].querySelector("input").focus();
      }
      var score = 0, flagged, entry, text, band;
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
        band = all(quiz, "[data-min]").filter(function (row) {
          return row.getAttribute("data-min") <= score && score <= row.getAttribute("data-max");
        })[0].querySelector("td").cloneNode(true);
        // Repair steps or counselling with a partner you fear can do harm: only the title stays.
        if (flagged) band.replaceChildren(band.firstElementChild, make("p", safety.getAttribute("data-result")));
        entry = { score: score, band: band.firstElementChild.textContent };
        text = "Your total is " + score + ", on a range from " + items.length + " to " +
          items.length * all(items[0], "input").length + ".";
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
      say([heading, flagged && safety, text, band, change, assessment && "Remember: this is a self-check, not a diagnosis."]);
      if (flagged) safety.hidden = false;
      try {
        if (!store.read("nosave", false)) store.write(name, list.concat(entry).slice(-10)); // the last 10
      } catch (blocked) { /* storage off or damaged: shown, not kept */ }
      showHistory();
      quiz.classList.add("is-checked");
      check.hidden = true;
      retry.hidden = false;
      heading.focus();
    });

    retry.addEventListener("click", function () {
      all(quiz, "input").forEach(function (input) { input.checked = false; });
      all(quiz, "[data-feedback]").forEach(function (feedback) { feedback.textContent = feedback.className = ""; });
      all(quiz, "details").forEach(function (details) { details.open = false; });
      if (safety) safety.hidden = true, quiz.appendChild(safety);
      say([]);
      quiz.classList.remove("is-checked");
      check.hidden = false;
      retry.hidden = true;
      items[0].querySelector("input").focus();
    });

    find("[data-clear]").addEventListener("click", function () {
      try { store.remove(name); } catch (blocked) { /* nothing was kept */ }
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
