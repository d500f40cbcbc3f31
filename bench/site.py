#!/usr/bin/env python3
"""Benchmark of the self-check site: its size, and in headless Chromium its ready and check times.

    python bench/site.py            # 3 first visits, each in a fresh browser profile
    python bench/site.py --runs 5

Each visit is a partner's first: a new Chromium profile (nothing cached), the site served from
127.0.0.1. "ready" is from opening the page until the checker can take a workbook; "check" is the
worker's time for one workbook (the broken copy, then the clean one). Numbers, not assertions: the
machine is shared (its load average is printed with them).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "site"))

from competency_maps.site.build import write_site  # noqa: E402
from competency_maps.site.fetch import default_cache  # noqa: E402
from competency_maps.site.serve import server  # noqa: E402
from site_corpus import make_corpus  # noqa: E402

DRIVER = ROOT / "tests" / "site" / "browser_check.mjs"
MB = 1024 * 1024


def visit(url: str, broken: Path, clean: Path, out: Path) -> dict:
    done = subprocess.run(["node", str(DRIVER), url, str(broken), str(clean), str(out)], capture_output=True,
                          text=True, timeout=600, check=True)
    result = json.loads(done.stdout)
    if "error" in result:
        raise RuntimeError(result["error"])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        summary = write_site(tmp / "site", ROOT / "inputs", cache=default_cache())
        built = time.perf_counter() - t
        corpus = {p.name: p for p in make_corpus(tmp / "corpus")}
        httpd = server(tmp / "site", 0)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        runs = []
        try:
            for _ in range(args.runs):
                runs.append(visit(url, corpus["bad-quadrant.xlsx"], corpus["moveo.xlsx"], tmp))
        finally:
            httpd.shutdown()
    med = lambda xs: statistics.median(xs)  # noqa: E731
    report = {
        "site_files": summary.files, "site_mb": round(summary.size / MB, 2),
        "compressed_mb": round(summary.compressed / MB, 2), "first_visit_compressed_mb": round(summary.first_visit / MB, 2),
        "build_s_cached": round(built, 2),
        "ready_s": [round(r["ready_ms"] / 1000, 2) for r in runs],
        "phases_ms_median": {k: med([r["phases"][k] for r in runs]) for k in runs[0]["phases"]},
        "check_broken_s": [round(r["broken"]["worker_ms"] / 1000, 3) for r in runs],
        "check_clean_s": [round(r["clean"]["worker_ms"] / 1000, 3) for r in runs],
        "load_average": [round(x, 1) for x in os.getloadavg()], "cores": os.cpu_count(),
    }
    print(json.dumps(report, indent=1))
    print(f"\nfirst visit {report['first_visit_compressed_mb']} MB compressed (target <= 8); ready median "
          f"{med(report['ready_s'])} s (target < 10); check median "
          f"{med(report['check_broken_s'] + report['check_clean_s'])} s (target < 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
