"""Serve a built site on loopback the way GitHub Pages does: gzip for text and wasm, a 10-minute cache.

The session fixture in tests/conftest.py serves files uncompressed, which is right for behaviour tests
but wrong for speed: Lighthouse's simulated throttling prices every transferred byte, and GitHub Pages
(our host) gzips HTML, CSS, JS, JSON, SVG and wasm on the fly. Lighthouse and the benchmark therefore
load the site through this server, so their figures are the ones readers get.
"""
import functools
import gzip
import http.server
import os
import threading

# Content types GitHub Pages compresses; images and fonts are sent as they are.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/manifest+json",
                "application/xml", "application/atom+xml", "image/svg+xml", "application/wasm")
EXTRA_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
               ".webmanifest": "application/manifest+json", ".ics": "text/calendar; charset=utf-8",
               ".xml": "application/xml"}


@functools.lru_cache(maxsize=512)
def _gzipped(path, mtime_ns, size):
    with open(path, "rb") as f:
        return gzip.compress(f.read(), compresslevel=6, mtime=0)


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host (Lighthouse counts connection set-up)

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to "dir/"
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and os.path.isfile(path) and ctype.startswith(COMPRESSIBLE)):
            return super().send_head()
        stat = os.stat(path)
        body = _gzipped(path, stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        self._gzip_body = body
        return None

    def do_GET(self):
        self._gzip_body = None
        result = self.send_head()
        if self._gzip_body is not None:
            self.wfile.write(self._gzip_body)
        elif result:
            try:
                self.copyfile(result, self.wfile)
            finally:
                result.close()

    def do_HEAD(self):
        self._gzip_body = None
        result = self.send_head()
        if result:
            result.close()


def serve_like_pages(directory):
    """Serve `directory` on a free loopback port with gzip; returns (base_url, stop)."""
    handler = functools.partial(PagesHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop():
        server.shutdown()
        server.server_close()

    return "http://127.0.0.1:%d/" % server.server_address[1], stop
