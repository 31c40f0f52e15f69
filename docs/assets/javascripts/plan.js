/* My plan (overrides/partials/guide/my-plan.html): fills in, from the answers saved in this browser,
 * every worksheet field marked `plan: true`, and shows only what the reader wrote, or the empty
 * state. Loaded by that page only (hooks/guide_macros/scripts.py); Material's instant navigation
 * runs it again on each visit, so it only ever rewrites the page it is on. It needs guide.js's
 * store, which loads after it on a first visit. */
(function () {
  function each(root, selector, fn) { [].forEach.call(root.querySelectorAll(selector), fn); }
  function shown(el) { return !el.hidden && !!el.textContent.trim(); }

  function saved(sheet) {
    var record = null;
    try { record = guideStore.read("ws:" + sheet.dataset.plan, null); } catch (damaged) { /* left out */ }
    var answers = record && record.v === sheet.dataset.version && record.a;
    return answers && typeof answers === "object" ? answers : {};
  }

  function show(root) {
    var any = false;
    each(root, "[data-plan]", function (sheet) {
      var answers = saved(sheet);
      each(sheet, "[data-k]", function (el) {
        var value = answers[el.getAttribute("data-k")];
        if (el.tagName === "LI") return void (el.hidden = value !== true);
        if (value === true) value = "\u2713";
        el.textContent = typeof value === "string" ? value + (el.dataset.of ? " out of " + el.dataset.of : "") : "";
      });
      each(sheet, "tr[hidden], tbody tr", function (row) { row.hidden = ![].some.call(row.cells, shown); });
      each(sheet, ".g-plan__field", function (field) {
        field.hidden = ![].some.call(field.querySelectorAll("[data-k]"), shown);
      });
      sheet.hidden = !sheet.querySelector(".g-plan__field:not([hidden])");
    });
    each(root, "[data-plan-step]", function (step) {
      step.hidden = !step.querySelector("[data-plan]:not([hidden])");
      any = any || !step.hidden;
    });
    each(root, "[data-plan-empty]", function (empty) { empty.hidden = any; });
    var blocked = guideStore.blocked();
    each(root, "[data-plan-nosave]", function (note) { note.hidden = blocked || guideStore.saving(); });
    each(root, "[data-plan-blocked]", function (note) { note.hidden = !blocked; });
    each(root, ".g-plan__tools", function (tools) { tools.hidden = !any; });
  }

  function setUp() {
    var root = document.querySelector("[data-plan-page]");
    if (!root || !window.guideStore) return;
    show(root);
    root.addEventListener("click", function (event) { if (event.target.closest("[data-plan-print]")) window.print(); });
    if (window.guidePlan) return; /* one listener for the whole visit, whichever page is shown */
    window.guidePlan = true;
    document.addEventListener("guide:saving", function () { var now = document.querySelector("[data-plan-page]"); if (now) show(now); });
  }

  if (window.guideStore) setUp();
  else document.addEventListener("DOMContentLoaded", setUp);
})();
