"""`build.py site -o DIR [--serve [--port N]]`: the self-check site for partners (competency_maps.site)."""

from __future__ import annotations

from pathlib import Path

from competency_maps.console import Console
from competency_maps.errors import issue
from competency_maps.site.build import write_site
from competency_maps.site.fetch import default_cache
from competency_maps.site.serve import server


def site(*, inputs: Path, out: Path, console: Console, serve: bool = False, port: int = 8000,
         cache: Path | None = None) -> int:
    summary = write_site(out, inputs, cache=cache or default_cache())
    mb = 1024 * 1024
    console.say("site.command.written", folder=str(out), files=summary.files, size=f"{summary.size / mb:.1f}",
                compressed=f"{summary.compressed / mb:.1f}")
    if summary.compiled:
        console.problems([issue("site.command.not_compiled", reason=summary.compiled)])
    if serve:
        httpd = server(out, port)
        host, bound = httpd.server_address[:2]
        console.say("site.command.serving", folder=str(out), url=f"http://{host}:{bound}/")
        console.flush()
        try:
            httpd.serve_forever()
        finally:
            httpd.server_close()
    return 0
