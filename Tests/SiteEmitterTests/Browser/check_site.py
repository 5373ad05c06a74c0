#!/usr/bin/env python3
"""Checks a built site in Debian's Chromium, driven by selenium and
chromium-driver, with axe-core injected from the axe-playwright-python
wheel, and prints one JSON object of findings for SiteBrowserTests.swift.

usage: check_site.py SITE_DIR PORT ARTIFACTS_DIR

The site must be built with quick_exit_url http://127.0.0.1:PORT/exit.html.
The server below answers a missing page inside a language folder with that
language's 404.html (status 404), as docs/site.md tells static hosts to.
Screenshots (PNG, 360 and 1280 px wide) go to ARTIFACTS_DIR.
"""
import gzip
import http.server
import json
import os
import sys
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

SITE, PORT, ARTIFACTS = sys.argv[1], int(sys.argv[2]), sys.argv[3]
BASE = f"http://127.0.0.1:{PORT}/"
EXIT = BASE + "exit.html"
LANGUAGES = ["en", "es", "nl", "pap", "ht", "pt"]
SERVED = []


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=SITE, **kwargs)

    def log_message(self, fmt, *args):
        SERVED.append(self.path)

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        first = urllib.parse.urlparse(self.path).path.strip("/").split("/")[0]
        page = os.path.join(SITE, first, "404.html") if first in LANGUAGES else os.path.join(SITE, "404.html")
        body = open(page, "rb").read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def axe_source():
    import axe_playwright_python
    with open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"), encoding="utf-8") as f:
        return f.read()


def browser(accept_language="es,en"):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=360,800",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--hide-scrollbars"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": accept_language})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    return driver


REQUESTS = set()


def collect_requests(driver):
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            REQUESTS.add(message["params"]["request"]["url"])


def size(driver, width, height, dark=False):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def wait_for(driver, script, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if driver.execute_script(script):
                return True
        except Exception:
            pass
        time.sleep(0.2)
    return False


def on_guide(url):
    return url.startswith(BASE) and not url.startswith(EXIT)


def page_types(language):
    return {
        "root": "index.html", "not-found-root": "no/such/page/", "home": f"{language}/index.html",
        "search": f"{language}/search/index.html?q=pasaporte", "safety": f"{language}/safety/index.html",
        "handouts": f"{language}/handouts/index.html", "concepts": f"{language}/concepts/index.html",
        "indicators": f"{language}/indicators/index.html", "touchpoints": f"{language}/touchpoints/index.html",
        "touchpoint": f"{language}/touchpoints/gate/index.html", "country": f"{language}/countries/AW/index.html",
        "concept": f"{language}/concepts/consent/index.html",
        "indicator": f"{language}/indicators/holds-no-documents/index.html",
        "protocol": f"{language}/protocols/alert-at-gate/index.html",
        "helpline": f"{language}/helplines/do-anti-trafficking-line/index.html",
        "not-found": f"{language}/no/such/page/", "offline": f"{language}/offline.html",
    }


def run_axe(driver, axe):
    driver.execute_script(axe)
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var rules = axe.getRules().map(function (r) { return r.ruleId; });
        axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']}).then(function (r) {
          done({version: axe.version, rules: rules.length, violations: r.violations.map(function (v) {
            return {id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); })};
          })});
        }, function (e) { done({error: String(e)}); });""")


def accessibility(driver, out):
    axe = axe_source()
    driver.set_script_timeout(60)
    out["axe"] = []
    for language in LANGUAGES:
        for name, path in page_types(language).items():
            if language != "es" and name in ("root", "not-found-root"):
                continue
            for width, height, dark in ((360, 800, False),) + (((1280, 900, False), (360, 800, True)) if language == "es" else ()):
                size(driver, width, height, dark)
                driver.get(BASE + path)
                if name == "search":
                    wait_for(driver, "document.querySelectorAll('#g-search-results li').length > 0", 5)
                result = run_axe(driver, axe)
                out["axe"].append({"page": path, "width": width, "dark": dark, "result": result})
                if language == "es" or (language == "ht" and name in ("home", "indicator")):
                    suffix = "-dark" if dark else ""
                    driver.save_screenshot(os.path.join(ARTIFACTS, f"{name}-{language}-{width}{suffix}.png"))
    size(driver, 360, 800)


MEASURE_JS = """
var bar = document.querySelector('.safety-bar').getBoundingClientRect();
var h1 = document.querySelector('main h1').getBoundingClientRect();
var first = document.querySelector('main .jump-link, main .number-link, main .channel-link, main .card-title, main .link-list a, main .chip');
var small = [], primary = [], all = 0;
document.querySelectorAll('a[href], button, summary, select, input').forEach(function (el) {
  var r = el.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1 || getComputedStyle(el).visibility === 'hidden') { return; }
  var inline = getComputedStyle(el).display === 'inline' && el.closest('p, li, dd, td') &&
    el.closest('p, li, dd, td').textContent.trim().length > el.textContent.trim().length;
  all += 1;
  var label = el.tagName + ' ' + (el.className || '') + ' ' + el.textContent.trim().slice(0, 30);
  if (!inline && (r.height < 24 || r.width < 24)) { small.push(label + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); }
  var isPrimary = el.closest('.safety-bar, .site-header, .menu, .link-list, .cards, .numbers, .chips, .filters, .jump, .search-form') &&
    !inline && !el.closest('.contact-facts, .contact-meta, .card-summary, .number-name');
  if (isPrimary && (r.height < 44 || r.width < 44)) { primary.push(label + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); }
});
return {bar_bottom: bar.bottom, h1_top: h1.top, first_action_bottom: first ? first.getBoundingClientRect().bottom : null,
        targets: all, under_24: small, primary_under_44: primary};
"""


def measure(driver, out):
    size(driver, 360, 800)
    out["measure"] = {}
    for language in LANGUAGES:
        for name in ("home", "indicator", "protocol", "helpline", "indicators", "country"):
            driver.get(BASE + page_types(language)[name])
            out["measure"][f"{language}/{name}"] = driver.execute_script(MEASURE_JS)
    # What an entry page transfers (the search index aside): raw, and gzip as a host sends it.
    driver.get(BASE + "es/indicators/holds-no-documents/index.html")
    urls = driver.execute_script("return [location.href].concat(performance.getEntriesByType('resource').map(function (e) { return e.name; }))")
    raw = packed = 0
    for url in urls:
        path = urllib.parse.urlparse(url).path.lstrip("/")
        full = os.path.join(SITE, path)
        if os.path.isfile(full) and not path.endswith("search/index.js"):
            data = open(full, "rb").read()
            raw += len(data)
            packed += len(gzip.compress(data, 6))
    out["entry_transfer"] = {"files": [urllib.parse.urlparse(u).path for u in urls], "raw": raw, "gzip": packed}


def press_shift(driver, times):
    for _ in range(times):
        ActionChains(driver).key_down(Keys.SHIFT).key_up(Keys.SHIFT).perform()
        time.sleep(0.05)


def quick_exit(driver, out):
    q = out["quick_exit"] = {}
    driver.get(BASE + "es/search/index.html")
    box = driver.find_element(By.ID, "g-q")
    box.click()
    box.send_keys("UNODC Port of Spain TT CTU CMMA")
    time.sleep(0.5)
    q["typing_capitals"] = {"url": driver.current_url, "value": box.get_attribute("value")}
    for _ in range(3):
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    time.sleep(0.5)
    q["shift_tab_3"] = driver.current_url
    driver.get(BASE + "es/indicators/holds-no-documents/index.html")
    for letter in "abc":
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(letter).key_up(Keys.SHIFT).perform()
    time.sleep(0.5)
    q["shift_letter_3"] = driver.current_url
    # Shift twice, another key, Shift once: the count started again.
    press_shift(driver, 2)
    ActionChains(driver).send_keys("x").perform()
    press_shift(driver, 1)
    time.sleep(0.5)
    q["interrupted"] = driver.current_url
    q["status_after_one"] = driver.execute_script("return document.getElementById('g-exit-status').textContent")

    # root → home → touchpoint → indicator by taps, then Shift ×3; then Back.
    driver.get("about:blank")
    driver.get(BASE + "index.html")
    driver.find_element(By.CSS_SELECTOR, ".language-choices a[hreflang=es]").click()
    wait_for(driver, "return location.pathname.indexOf('/es/') === 0")
    driver.find_element(By.CSS_SELECTOR, ".journey a[href*='touchpoints/gate/']").click()
    wait_for(driver, "return location.pathname.indexOf('/touchpoints/gate/') > 0")
    driver.find_element(By.CSS_SELECTOR, ".card-indicators .card-title").click()
    wait_for(driver, "return location.pathname.indexOf('/indicators/') > 0")
    q["trail_before_exit"] = {"url": driver.current_url, "history": driver.execute_script("return history.length")}
    press_shift(driver, 3)
    wait_for(driver, "return location.href === '%s'" % EXIT)
    q["shift_3"] = driver.current_url
    driver.back()
    time.sleep(0.8)
    q["back_after_shift_exit"] = driver.current_url

    # The control itself, with the mouse.
    driver.get("about:blank")
    driver.get(BASE + "pap/helplines/index.html")
    driver.find_element(By.CSS_SELECTOR, ".card-title").click()
    wait_for(driver, "return location.pathname.indexOf('/helplines/') > 0 && location.pathname.split('/').length > 4")
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "g-quick-exit")).click().perform()
    wait_for(driver, "return location.href === '%s'" % EXIT)
    q["mouse"] = driver.current_url
    driver.back()
    time.sleep(0.8)
    q["back_after_mouse_exit"] = driver.current_url

    # The keyboard path: Tab once reaches it, Enter leaves.
    driver.get("about:blank")
    driver.get(BASE + "ht/concepts/consent/index.html")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    q["first_focus"] = driver.execute_script("return document.activeElement.id")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_for(driver, "return location.href === '%s'" % EXIT)
    q["keyboard"] = driver.current_url
    driver.back()
    time.sleep(0.8)
    q["back_after_keyboard_exit"] = driver.current_url


def focus_visibility(driver, out):
    size(driver, 360, 800)
    driver.get(BASE + "es/indicators/holds-no-documents/index.html")
    driver.execute_script("window.scrollTo(0, 400)")
    hidden = []
    body = driver.find_element(By.TAG_NAME, "body")
    for step in range(40):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        info = driver.execute_script("""var el = document.activeElement, r = el.getBoundingClientRect();
          var bar = document.querySelector('.safety-bar').getBoundingClientRect();
          return {body: el === document.body || el === document.documentElement, inBar: !!el.closest('.safety-bar'), top: r.top, bottom: r.bottom, barBottom: bar.bottom,
                  text: (el.textContent || el.id || el.tagName).trim().slice(0, 30)};""")
        if info["text"] in ("BODY", "HTML") or info.get("body"):
            continue
        if not info["inBar"] and info["top"] < info["barBottom"] - 1:
            hidden.append(info)
    # Skip link, then the next Tab: neither the target nor the next element under the bar.
    driver.get(BASE + "es/indicators/holds-no-documents/index.html")
    ActionChains(driver).send_keys(Keys.TAB).send_keys(Keys.TAB).perform()
    skip = driver.execute_script("return document.activeElement.className")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    time.sleep(0.3)
    ActionChains(driver).send_keys(Keys.TAB).perform()
    after = driver.execute_script("""var r = document.activeElement.getBoundingClientRect();
        return {top: r.top, barBottom: document.querySelector('.safety-bar').getBoundingClientRect().bottom,
                h1Top: document.querySelector('main h1').getBoundingClientRect().top, url: location.href};""")
    out["focus"] = {"hidden": hidden, "skip_link": skip, "after_skip": after}


def filters(driver, out):
    driver.get(BASE + "es/indicators/index.html")
    total = len(driver.find_elements(By.CSS_SELECTOR, ".card[data-category]"))
    form_visible = driver.execute_script("return !document.getElementById('g-filters-box').hidden")
    driver.find_element(By.CSS_SELECTOR, "#g-filters-box summary").click()
    select = driver.find_element(By.ID, "g-filter-touchpoints")
    select.find_element(By.CSS_SELECTOR, "option[value=gate]").click()
    visible = driver.execute_script("""return Array.from(document.querySelectorAll('.card[data-category]'))
        .filter(function (c) { return !c.hidden; }).map(function (c) { return c.getAttribute('data-touchpoints'); })""")
    driver.find_element(By.ID, "g-filter-category").find_element(By.CSS_SELECTOR, "option[value=children]").click()
    both = driver.execute_script("""return Array.from(document.querySelectorAll('.card[data-category]'))
        .filter(function (c) { return !c.hidden; }).map(function (c) { return c.getAttribute('data-category'); })""")
    status = driver.find_element(By.ID, "g-filter-status").text
    out["filters"] = {"total": total, "form_visible": form_visible, "gate": visible, "gate_children": both, "status": status}


def search(driver, base, language, query):
    driver.get(base + f"{language}/search/index.html?q=" + urllib.parse.quote(query))
    wait_for(driver, "return document.querySelectorAll('#g-search-results li').length > 0", 5)
    return driver.execute_script("return Array.from(document.querySelectorAll('#g-search-results a')).map(a => a.getAttribute('href'))")


def searches(driver, out):
    file_base = "file://" + os.path.abspath(SITE) + "/"
    out["search"] = {"http_es": search(driver, BASE, "es", "pasaporte"), "http_es_accent": search(driver, BASE, "es", "TRIPULACION"),
                     "http_ht": search(driver, BASE, "ht", "dominiken ijans"), "http_alias": search(driver, BASE, "en", "voluntary travel"),
                     "file_es": search(driver, file_base, "es", "pasaporte"), "file_ht": search(driver, file_base, "ht", "dominiken ijans")}


def not_found(driver, out):
    driver.get(BASE + "es/protocols/no-such-protocol/")
    home = driver.find_element(By.CSS_SELECTOR, "main .link-list a")
    info = {"title": driver.title, "exit": len(driver.find_elements(By.ID, "g-quick-exit")), "lang": driver.execute_script("return document.documentElement.lang")}
    home.click()
    wait_for(driver, "return location.pathname === '/es/index.html'")
    info["home_after_click"] = driver.current_url
    info["css_loaded"] = driver.execute_script("return getComputedStyle(document.querySelector('.safety-bar')).position")
    out["not_found"] = info


def offline(driver, out, server):
    # The chooser keeps the language the browser prefers (Spanish here).
    driver.get(BASE + "index.html")
    stored = """return caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.match('%s'))))).then(h => h.some(Boolean))"""
    out["offline_chooser_cached_es"] = wait_for(driver, stored % (BASE + "es/offline.json"), 60)
    out["offline_chooser_cached_en"] = driver.execute_script(stored % (BASE + "en/offline.json"))
    # Offline for real: the server stops (Chromium's offline emulation does not reach the service worker).
    served_before = len(SERVED)
    server.shutdown()
    server.server_close()
    titles = {}
    for address in ("es/protocols/alert-at-gate/", "es/protocols/alert-at-gate", "es/protocols/alert-at-gate/index.html",
                    "es/protocols/report-on-board/", "es/countries/AW/"):
        try:
            driver.get(BASE + address)
            titles[address] = driver.title
        except Exception as error:
            titles[address] = "error: " + str(error)[:80]
    driver.get(BASE + "es/indicators/no-such-indicator/")
    out["offline_missing"] = {"title": driver.title, "lang": driver.execute_script("return document.documentElement.lang"),
                              "exit": len(driver.find_elements(By.ID, "g-quick-exit"))}
    out["offline_titles"] = titles
    out["offline_served_during"] = SERVED[served_before:]


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = {}
    driver = browser()
    steps = [("search", searches), ("quick_exit", quick_exit), ("focus", focus_visibility), ("filters", filters),
             ("not_found", not_found), ("measure", measure), ("accessibility", accessibility)]
    only = os.environ.get("CHECK_ONLY", "")
    try:
        for name, step in steps:
            if only and name not in only.split(","):
                continue
            try:
                step(driver, out)
            except Exception as error:
                out.setdefault("errors", []).append(f"{name}: {type(error).__name__}: {error}"[:500])
            collect_requests(driver)
        # Offline last, in a fresh browser whose service worker starts from nothing.
        if not only or "offline" in only:
            driver.quit()
            driver = browser()
            try:
                offline(driver, out, server)
            except Exception as error:
                out.setdefault("errors", []).append(f"offline: {type(error).__name__}: {error}"[:500])
            collect_requests(driver)
    finally:
        out["requests"] = sorted(REQUESTS)
        out["served"] = len(SERVED)
        driver.quit()
        try:
            server.shutdown()
        except Exception:
            pass
    print(json.dumps(out, indent=1))


main()
