#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools pipe (stdlib only) against a
built site, serving it on 127.0.0.1, and prints one JSON object of findings
for SiteBrowserTests.swift to assert on.

usage: drive.py SITE_DIR PORT ARTIFACTS_DIR

The site should be built with quick_exit_url http://127.0.0.1:PORT/exit.html.
"""
import base64
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SITE, PORT, ARTIFACTS = sys.argv[1], int(sys.argv[2]), sys.argv[3]
BASE = f"http://127.0.0.1:{PORT}/"
FILE_BASE = "file://" + os.path.abspath(SITE) + "/"
SERVED = []


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=SITE, **kwargs)

    def log_message(self, fmt, *args):
        SERVED.append(self.path)


server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    print(json.dumps({"error": "chromium not found: apt-get install chromium"}))
    sys.exit(3)


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="guide-chromium-")
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()
        # Move the child's ends out of the way of 3 and 4 before dup2.
        to_chrome_r = os.dup(to_chrome_r) if to_chrome_r < 10 else to_chrome_r
        from_chrome_w = os.dup(from_chrome_w) if from_chrome_w < 10 else from_chrome_w
        fds = (to_chrome_r, from_chrome_w)

        def child():
            os.dup2(fds[0], 3)
            os.dup2(fds[1], 4)

        self.proc = subprocess.Popen(
            [find_chromium(), "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
             "--window-size=360,800", "about:blank"],
            pass_fds=(3, 4), preexec_fn=child, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.write = os.fdopen(to_chrome_w, "wb", buffering=0)
        self.read = os.fdopen(from_chrome_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.requests = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        for method in ("Page.enable", "Network.enable", "Runtime.enable"):
            self.call(method, session=self.session)
        self.call("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": True},
                  session=self.session)

    def _message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = self.read.read(65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message = json.loads(raw)
        if message.get("method") == "Network.requestWillBeSent":
            self.requests.append(message["params"]["request"]["url"])
        if message.get("method") == "Target.attachedToTarget":
            sid = message["params"]["sessionId"]
            self.send("Network.enable", session=sid)
            self.send("Runtime.runIfWaitingForDebugger", session=sid)
        return message

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.write.write(json.dumps(message).encode() + b"\0")
        return self.next_id

    def call(self, method, params=None, session=None, timeout=20):
        wanted = self.send(method, params, session)
        deadline = time.time() + timeout
        while True:
            message = self._message(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_event(self, method, timeout=20):
        deadline = time.time() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == self.session:
                del self.events[: i + 1]
                return event
        self.events.clear()
        while True:
            message = self._message(deadline)
            if message.get("method") == method and message.get("sessionId") == self.session:
                return message

    def goto(self, url):
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=self.session)
        self.wait_event("Page.loadEventFired")

    def js(self, expression, timeout=20):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True},
                           session=self.session, timeout=timeout)
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js(expression):
                return True
            time.sleep(0.2)
        return False

    def screenshot(self, name, width, height):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, session=self.session)
        time.sleep(0.2)
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=self.session)["data"]
        with open(os.path.join(ARTIFACTS, name), "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


RESULTS_JS = "Array.from(document.querySelectorAll('#g-search-results a')).map(a => a.getAttribute('href'))"


def search(browser, base, language, query):
    browser.goto(base + f"{language}/search/index.html?q=" + urllib.parse.quote(query))
    browser.wait_for("document.querySelectorAll('#g-search-results li').length > 0", timeout=5)
    return browser.js(RESULTS_JS)


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    out = {}
    browser = Browser()
    try:
        out["search_http_es"] = search(browser, BASE, "es", "pasaporte")
        out["search_http_es_accent"] = search(browser, BASE, "es", "TRIPULACION")
        out["search_http_ht"] = search(browser, BASE, "ht", "dominiken ijans")
        out["search_http_alias"] = search(browser, BASE, "en", "voluntary travel")
        out["search_file_es"] = search(browser, FILE_BASE, "es", "pasaporte")
        out["search_file_ht"] = search(browser, FILE_BASE, "ht", "dominiken ijans")
        out["file_scripts_ran"] = browser.js("document.getElementById('g-search-status').textContent")

        # Quick exit by three Shift presses: the page is replaced, not added to history.
        browser.goto(BASE + "es/index.html")
        browser.goto(BASE + "es/indicators/holds-no-documents/index.html")
        before = browser.js("history.length")
        browser.events.clear()
        for _ in range(3):
            browser.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Shift", "code": "ShiftLeft",
                                                     "windowsVirtualKeyCode": 16, "modifiers": 8}, session=browser.session)
            browser.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Shift", "code": "ShiftLeft",
                                                     "windowsVirtualKeyCode": 16}, session=browser.session)
        browser.wait_event("Page.loadEventFired")
        out["exit_shift"] = {"before": before, "after": browser.js("history.length"), "href": browser.js("location.href")}

        # Quick exit by the control itself (first focusable element: Tab once).
        browser.goto(BASE + "pap/index.html")
        browser.goto(BASE + "pap/helplines/index.html")
        before = browser.js("history.length")
        browser.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
                     session=browser.session)
        browser.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
                     session=browser.session)
        out["first_focus"] = browser.js("document.activeElement && document.activeElement.id")
        browser.events.clear()
        browser.js("document.activeElement.click()")
        browser.wait_event("Page.loadEventFired")
        out["exit_click"] = {"before": before, "after": browser.js("history.length"), "href": browser.js("location.href")}

        # Offline: after a first visit the service worker has the whole language.
        browser.goto(BASE + "es/index.html")
        cached = browser.wait_for(
            "caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.match('"
            + BASE + "es/offline.json'))))).then(hits => hits.some(Boolean))", timeout=30)
        out["offline_cached"] = cached
        browser.call("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1,
                                                          "uploadThroughput": -1}, session=browser.session)
        served_before = len(SERVED)
        browser.goto(BASE + "es/protocols/report-on-board/index.html")
        out["offline_title"] = browser.js("document.title")
        out["offline_served_during"] = SERVED[served_before:]
        browser.call("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                          "uploadThroughput": -1}, session=browser.session)

        # Screenshots to look at.
        for name, path in (("home-es", "es/index.html"), ("indicator-es", "es/indicators/holds-no-documents/index.html"),
                           ("helpline-ht", "ht/helplines/do-anti-trafficking-line/index.html"),
                           ("country-aw-pap", "pap/countries/AW/index.html"), ("root", "index.html"),
                           ("search-es", "es/search/index.html?q=pasaporte")):
            for width, height in ((360, 800), (1280, 900)):
                browser.goto(BASE + path)
                browser.screenshot(f"{name}-{width}.png", width, height)
    finally:
        out["requests"] = sorted(set(browser.requests))
        out["served"] = len(SERVED)
        browser.close()
        server.shutdown()
    print(json.dumps(out, indent=1))


main()
