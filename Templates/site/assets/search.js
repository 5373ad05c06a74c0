/* guide: search, on the search page only. Accent- and case-insensitive, on
   the index built with the site (window.GUIDE_SEARCH, from index.js). */
(function () {
  "use strict";
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
  }
  function search(index, query) {
    var tokens = fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
    if (tokens.length === 0) { return []; }
    var results = [];
    index.forEach(function (item) {
      var score = 0;
      for (var i = 0; i < tokens.length; i++) {
        var t = tokens[i], s = 0;
        if (item.nt.indexOf(t) >= 0) { s += 10; }
        if (item.na.indexOf(t) >= 0) { s += 8; }
        if (item.ns.indexOf(t) >= 0) { s += 3; }
        if (item.nb.indexOf(t) >= 0) { s += 1; }
        if (s === 0) { return; }
        score += s;
      }
      results.push({ item: item, score: score });
    });
    results.sort(function (a, b) { return b.score - a.score || (a.item.t < b.item.t ? -1 : a.item.t > b.item.t ? 1 : 0); });
    return results.map(function (r) { return r.item; });
  }
  function start() {
    var box = document.getElementById("g-search");
    var input = document.getElementById("g-q");
    if (!box || !input) { return; }
    var status = document.getElementById("g-search-status");
    var list = document.getElementById("g-search-results");
    function run() {
      var query = input.value;
      while (list.firstChild) { list.removeChild(list.firstChild); }
      if (!query.trim()) { status.textContent = ""; return; }
      var found = search(window.GUIDE_SEARCH || [], query);
      status.textContent = found.length === 0 ? box.getAttribute("data-no-results")
        : box.getAttribute("data-results").replace("{count}", String(found.length));
      found.slice(0, 50).forEach(function (item) {
        var li = document.createElement("li");
        li.className = "card";
        var type = document.createElement("span");
        type.className = "card-type";
        type.textContent = item.y;
        var a = document.createElement("a");
        a.className = "card-title";
        a.href = item.u;
        a.textContent = item.t;
        if (item.l) { a.lang = item.l; a.dir = item.d || "ltr"; }
        li.appendChild(type);
        li.appendChild(a);
        if (item.s) {
          var p = document.createElement("p");
          p.className = "card-summary";
          p.textContent = item.s;
          if (item.l) { p.lang = item.l; p.dir = item.d || "ltr"; }
          li.appendChild(p);
        }
        list.appendChild(li);
      });
    }
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    run();
    input.addEventListener("input", run);
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// */ }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
