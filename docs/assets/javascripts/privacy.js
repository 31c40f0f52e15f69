/* See overrides/partials/guide/clear-data.html */
document.addEventListener("click", function (event) {
  var status = document.querySelector("[data-cleared]");
  if (event.target.closest("[data-guide-clear]")) guideStore.clearAll(), status.textContent = status.dataset.cleared;
});
