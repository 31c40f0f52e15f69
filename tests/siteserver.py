"""Serve a built site on 127.0.0.1 under a sub-path, gzipped, the way GitHub Pages serves a project site.

One server for the tests (`serve`) and for bench/ (`GzipServer`): what the tests check in a browser
is served exactly as what the benchmarks measure.
"""

from __future__ import annotations

import functools
import gzip
import io
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUB_PATH = "/guide/"  # served under a sub-path, like a GitHub Pages project site
# GitHub Pages gzips text responses; level 6 is gzip's (and nginx's usual) middle setting.
GZIP_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
GZIP_LEVEL = 6


@functools.lru_cache(maxsize=4096)
def gzipped_once(body: bytes) -> bytes:
    """A file is compressed once, then served from memory, as a CDN serves GitHub Pages. Compressing
    on every request (under Python's one lock) made a page's later files arrive late and in a
    different order from run to run, which moved Lighthouse's first paint between runs."""
    return gzip.compress(body, GZIP_LEVEL, mtime=0)


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH; text is gzipped when the client accepts it; 404 -> 404.html."""

    sent: list  # (path, bytes on the wire) per response, for whoever wants to read it

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "\0missing")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the standard redirect to the slash form
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body, status = path.read_bytes(), 200
        return self.answer(status, body, self.guess_type(str(path)), path.suffix)

    def answer(self, status: int, body: bytes, content_type: str, suffix: str):
        gzipped = suffix in GZIP_TYPES and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzipped_once(body)
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") or
                                                         suffix in (".js", ".json", ".svg") else ""))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        self.sent.append((self.path, len(body)))
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            stream = self.answer(404, page.read_bytes(), "text/html", ".html")
            if self.command != "HEAD":
                self.wfile.write(stream.read())
            return
        super().send_error(code, message, explain)

    def log_message(self, *args) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    """A browser that gives up on a request (a test leaving a page) is not an error worth printing."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass


class GzipServer:
    """`with GzipServer() as base_url:` serves `.site_dir`. The port is known (`.base_url`) before it
    starts, so a site can be built with its own address as site_url (canonical links, 404 assets)."""

    def __init__(self, site_dir: Path | None = None):
        self.site_dir = site_dir
        self.sent: list = []  # (path, bytes on the wire) of every response
        self.server = QuietServer(("127.0.0.1", 0), self._handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}{SUB_PATH}"

    def _handler(self, *args, **kwargs):
        handler = type("Handler", (GzipHandler,), {"sent": self.sent})
        return handler(*args, directory=str(self.site_dir), **kwargs)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.base_url

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()



@contextmanager
def serve(site_dir: Path):
    """Yield the site's base URL (ending in SUB_PATH) while a server runs on a free port."""
    with GzipServer(site_dir) as base_url:
        yield base_url
