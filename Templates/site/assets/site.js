/* guide: quick exit, history that keeps no trail, offline support.
   No cookies, no storage of what the reader looked at, no other host. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var lang = (script && script.getAttribute("data-lang")) || "";
  var button = document.getElementById("g-quick-exit");

  /* Quick exit, after GOV.UK's "Exit this page": blank the page, then
     replace it (location.replace) with the neutral site, so Back does not
     come back to it. */
  function say(text) {
    var status = document.getElementById("g-exit-status");
    if (status) { status.textContent = text || ""; }
  }
  function exit(event) {
    if (event) { event.preventDefault(); }
    if (!button) { return; }
    document.body.className += " exiting";
    document.title = "";
    say(button.getAttribute("data-loading"));
    window.location.replace(button.href);
  }

  /* The shortcut: Shift pressed and released three times, each time on its
     own. A Shift that another key joined while it was down (Shift+Tab,
     capitals, "UNODC") does not count and starts the count again, as does
     any other key or five seconds without a press. */
  var presses = 0, joined = false, timer = null;
  function reset(announce) {
    presses = 0;
    if (timer) { window.clearTimeout(timer); timer = null; }
    if (announce && button) { say(button.getAttribute("data-timed-out")); }
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { joined = event.ctrlKey || event.altKey || event.metaKey; }
      return;
    }
    joined = true;
    if (presses > 0) { reset(false); }
  }, true);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { return; }
    if (joined || event.ctrlKey || event.altKey || event.metaKey) { joined = false; reset(false); return; }
    presses += 1;
    if (timer) { window.clearTimeout(timer); }
    if (presses >= 3) { reset(false); exit(); return; }
    say(button && button.getAttribute(presses === 1 ? "data-press-two" : "data-press-one"));
    timer = window.setTimeout(function () { reset(true); }, 5000);
  }, true);
  window.addEventListener("pageshow", function () {
    document.body.className = document.body.className.replace(/\s*exiting/g, "");
    reset(false);
  });

  /* Moving inside the guide replaces the current history entry instead of
     adding one: the guide holds a single entry in the tab's history, which
     the quick exit then replaces, so Back never shows a page of the guide
     (docs/site.md). Links to other sites, new tabs and downloads are left alone. */
  function internal(a) {
    if (!a.href || a.target || a.hasAttribute("download") || a.hasAttribute("data-quick-exit")) { return false; }
    var url = new URL(a.href, location.href);
    var base = new URL(root || "./", location.href);
    if (url.protocol !== location.protocol || url.host !== location.host) { return false; }
    return url.pathname.indexOf(base.pathname) === 0 && !/\.pdf$/i.test(url.pathname);
  }
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    var a = event.target.closest ? event.target.closest("a[href]") : null;
    if (!a) { return; }
    if (a.hasAttribute("data-quick-exit")) { exit(event); return; }
    if (!internal(a)) { return; }
    event.preventDefault();
    var url = new URL(a.href, location.href);
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      history.replaceState(history.state, "", url.hash);
      var target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (target) {
        if (!target.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA|SUMMARY)$/.test(target.tagName)) { target.setAttribute("tabindex", "-1"); }
        target.scrollIntoView();
        target.focus({ preventScroll: true });
      }
      return;
    }
    location.replace(a.href);
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.action || (form.method || "get").toLowerCase() !== "get") { return; }
    event.preventDefault();
    location.replace(form.action.split("?")[0] + "?" + new URLSearchParams(new FormData(form)).toString());
  });

  /* Printing: the day it was printed, after the page's address. */
  window.addEventListener("beforeprint", function () {
    var printed = document.getElementById("g-printed");
    if (printed) { printed.textContent = " · " + printed.getAttribute("data-label") + " " + new Date().toISOString().slice(0, 10); }
  });

  /* Offline: over http(s), a service worker keeps this language's pages
     (the language chooser asks for the one the reader prefers). */
  function keep(language) {
    if (!language || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) { return; }
    navigator.serviceWorker.register(root + "sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (registration.active) { registration.active.postMessage({ cacheLanguage: language }); }
    }).catch(function () { /* offline support is optional */ });
  }
  window.guideKeepLanguage = keep;
  keep(lang);
}());
