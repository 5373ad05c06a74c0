/* guide: quick exit, search and offline support. No cookies, no storage of
   what the reader looked at, no requests to any other host. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var lang = (script && script.getAttribute("data-lang")) || "";
  var exitURL = (script && script.getAttribute("data-exit")) || "https://www.google.com/";

  /* Quick exit: replace this page (so Back does not return to it). */
  function quickExit(event) {
    if (event) { event.preventDefault(); }
    try { document.title = ""; document.body.style.visibility = "hidden"; } catch (e) { /* ignore */ }
    window.location.replace(exitURL);
  }
  var shiftTimes = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) { return; }
    var now = Date.now();
    shiftTimes.push(now);
    shiftTimes = shiftTimes.filter(function (t) { return now - t < 1500; });
    if (shiftTimes.length >= 3) { shiftTimes = []; quickExit(); }
  });

  /* After every deferred script (such as the search index) has run. */
  function ready(fn) {
    if (document.readyState === "complete") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  /* Search: accent- and case-insensitive, on an index built with the site. */
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
  function showResults() {
    var box = document.getElementById("g-search");
    if (!box) { return; }
    var input = document.getElementById("g-q");
    var status = document.getElementById("g-search-status");
    var list = document.getElementById("g-search-results");
    function run() {
      var index = window.GUIDE_SEARCH || [];
      var query = input.value;
      while (list.firstChild) { list.removeChild(list.firstChild); }
      if (!query.trim()) { status.textContent = ""; return; }
      var found = search(index, query);
      status.textContent = found.length === 0 ? box.getAttribute("data-no-results")
        : box.getAttribute("data-results").replace("{count}", String(found.length));
      found.slice(0, 50).forEach(function (item) {
        var li = document.createElement("li");
        li.className = "card";
        var a = document.createElement("a");
        a.className = "card-title";
        a.href = item.u;
        a.textContent = item.t;
        if (item.l) { a.lang = item.l; }
        var type = document.createElement("span");
        type.className = "card-type";
        type.textContent = item.y;
        li.appendChild(type);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(a);
        if (item.s) {
          var p = document.createElement("p");
          p.className = "card-summary";
          p.textContent = item.s;
          if (item.l) { p.lang = item.l; }
          li.appendChild(p);
        }
        list.appendChild(li);
      });
    }
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    run();
    input.addEventListener("input", run);
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// */ }
    });
  }

  /* Offline: over http(s), a service worker keeps this language's pages. */
  function offline() {
    if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) { return; }
    navigator.serviceWorker.register(root + "sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (registration.active && lang) { registration.active.postMessage({ cacheLanguage: lang }); }
    }).catch(function () { /* offline support is optional */ });
  }

  ready(function () {
    var exits = document.querySelectorAll("[data-quick-exit]");
    for (var i = 0; i < exits.length; i++) { exits[i].addEventListener("click", quickExit); }
    showResults();
    offline();
  });
}());
