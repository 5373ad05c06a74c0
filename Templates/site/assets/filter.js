/* guide: the indicator list's filters (touchpoint, role, category,
   country), applied in the browser. Without scripts the form stays hidden
   and every indicator is listed. */
(function () {
  "use strict";
  function start() {
    var form = document.getElementById("g-filters");
    if (!form) { return; }
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var cards = Array.prototype.slice.call(document.querySelectorAll(".card[data-category]"));
    var status = document.getElementById("g-filter-status");
    function matches(card, key, value) {
      if (!value) { return true; }
      var listed = (card.getAttribute("data-" + key) || "").split(" ").filter(Boolean);
      /* An indicator without countries applies everywhere. */
      if (key === "countries" && listed.length === 0) { return true; }
      return listed.indexOf(value) >= 0;
    }
    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = selects.every(function (select) { return matches(card, select.getAttribute("data-filter"), select.value); });
        card.hidden = !ok;
        if (ok) { shown += 1; }
      });
      var sections = document.querySelectorAll(".listing-section");
      for (var i = 0; i < sections.length; i++) {
        sections[i].hidden = sections[i].querySelectorAll(".card[data-category]:not([hidden])").length === 0;
      }
      var filtered = selects.some(function (select) { return select.value; });
      status.textContent = !filtered ? "" : shown === 0 ? form.getAttribute("data-none")
        : form.getAttribute("data-count").replace("{count}", String(shown)).replace("{total}", String(cards.length));
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    document.getElementById("g-filters-box").hidden = false;
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
