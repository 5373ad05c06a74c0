/* The language chooser: suggests the browser's language, never redirects,
   and asks the service worker to keep that language (or the one the reader
   picks) for offline use. */
(function () {
  "use strict";
  var links = Array.prototype.slice.call(document.querySelectorAll(".language-choices a[hreflang]"));
  var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""]);
  var match = null;
  for (var i = 0; i < wanted.length && !match; i++) {
    var tag = String(wanted[i]).toLowerCase();
    match = links.filter(function (a) { return a.hreflang.toLowerCase() === tag; })[0] ||
      links.filter(function (a) { return a.hreflang.toLowerCase() === tag.split("-")[0]; })[0] || null;
  }
  function keep(language) { if (window.guideKeepLanguage) { window.guideKeepLanguage(language); } }
  links.forEach(function (a) { a.addEventListener("click", function () { keep(a.hreflang); }); });
  var box = document.getElementById("g-suggestion");
  if (!match || !box) { return; }
  keep(match.hreflang);
  var a = document.createElement("a");
  a.href = match.getAttribute("href");
  a.hreflang = match.hreflang;
  a.lang = match.lang;
  a.className = "suggested";
  a.textContent = match.getAttribute("data-suggest") + " →";
  box.appendChild(a);
  box.hidden = false;
}());
