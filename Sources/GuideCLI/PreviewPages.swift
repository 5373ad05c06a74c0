import Foundation
import Markdown

/// The preview's own pages and files, served under `/_guide/`. No inline
/// script or style: they work under the site's Content-Security-Policy.
enum PreviewPages {
    static let reloadPath = "/_guide/reload.js"
    static let versionPath = "/_guide/version"
    static let stylePath = "/_guide/preview.css"

    /// Polls the build version; reloads the page when it changes. The version
    /// the page was served with is in the script's own URL (`?v=`).
    static let reloadScript = """
        (function () {
          "use strict";
          var script = document.currentScript;
          var served = script ? new URL(script.src, location.href).searchParams.get("v") : null;
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (response) { return response.text(); })
              .then(function (version) {
                version = version.trim();
                if (served === null) { served = version; }
                if (version !== served) { location.reload(); return; }
                setTimeout(poll, 300);
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();

        """

    /// Replaces the site's service worker in the preview: it removes itself,
    /// so no page is ever served stale from its cache.
    static let serviceWorker = """
        self.addEventListener("install", function () { self.skipWaiting(); });
        self.addEventListener("activate", function (event) {
          event.waitUntil(self.registration.unregister().then(function () { return self.clients.matchAll(); })
            .then(function (clients) { clients.forEach(function (client) { client.navigate(client.url); }); }));
        });

        """

    static let style = """
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 3rem}
        .guide-errors h1{color:#8a1010}
        .guide-errors pre{background:#fbf3f3;border:1px solid #d9a3a3;padding:1rem;overflow-x:auto;font-size:.9rem;line-height:1.4;white-space:pre-wrap}
        .notice{background:#fff4cc;border-left:4px solid #8a6d00;padding:.5rem 1rem}
        .state{font-size:.85rem;color:#444}
        nav a{margin-right:1rem}

        """

    /// The page shown for every page while the content has errors.
    static func errorPage(title: String, text: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscaping.escape(title)) · guide serve</title>
        <link rel="stylesheet" href="\(stylePath)">
        </head>
        <body>
        <main class="guide-errors">
        <h1>\(HTMLEscaping.escape(title))</h1>
        <p>These are the problems <code>guide check</code> reports. Fix them and save: this page reloads by itself.</p>
        <pre>\(HTMLEscaping.escape(text))</pre>
        </main>
        </body>
        </html>

        """
    }

    static func notFoundPage(_ path: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Not found · guide serve</title><link rel="stylesheet" href="\(stylePath)"></head>
        <body><main><h1>Not found</h1><p>Nothing is built at <code>\(HTMLEscaping.escape(path))</code>.</p><p><a href="/">Go to the start page</a></p></main></body>
        </html>

        """
    }

    /// Adds the reload script to an HTML page, before `</head>` (or at the end).
    static func inject(into html: String, version: String) -> String {
        let tag = "<script src=\"\(reloadPath)?v=\(version)\" defer></script>"
        if let head = html.range(of: "</head>", options: .caseInsensitive) {
            return html.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: tag + "\n")
        }
        return html + tag + "\n"
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "webmanifest": return "application/manifest+json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        case "txt": return "text/plain; charset=utf-8"
        case "xml": return "application/xml"
        default: return "application/octet-stream"
        }
    }
}
