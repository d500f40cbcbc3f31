"""`build.py site --serve`: the site served on this computer only (127.0.0.1), to try it.

A static server with the types browsers insist on (.mjs as JavaScript, .wasm as WebAssembly for
streaming compilation) and the page's Content-Security-Policy also as a header, so that the worker
is held to it too. Not a production server: the coordinator uploads the folder to one.
"""

from __future__ import annotations

import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from competency_maps.site.build import CSP

TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
         ".woff2": "font/woff2", ".json": "application/json", ".whl": "application/zip",
         ".zip": "application/zip", ".svg": "image/svg+xml"}


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's signature
        pass  # quiet: the coordinator's console shows only what this command says


class SiteServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that drops a connection (a reload, a closed tab) is no fault: no traceback on the
        coordinator's console for it; anything else as the base class reports it."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def server(folder: Path, port: int = 8000) -> ThreadingHTTPServer:
    """A server of `folder` on 127.0.0.1:`port` (0: any free port), not yet serving."""
    handler = functools.partial(SiteHandler, directory=str(folder))
    return SiteServer(("127.0.0.1", port), handler)
