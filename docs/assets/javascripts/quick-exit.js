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
