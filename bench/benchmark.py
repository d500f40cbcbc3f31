#!/usr/bin/env python3
"""Benchmark of the build, phase by phase, against LibreOffice converting our own DOCX to PDF.

    python bench/benchmark.py            # sample build (medians of 5 runs after a warm-up) + scaling
    python bench/benchmark.py --quick    # 3 runs, scaling up to 25 clusters
    python bench/benchmark.py --large    # only the large consortium: 2 workbooks of 2,000 entries
    python bench/benchmark.py --refusals # only the time to read (or refuse) hostile workbooks

Numbers, not assertions: the machines are shared, so compare the ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from competency_maps.report.assemble import assemble  # noqa: E402
from competency_maps.inputs.gather import gather  # noqa: E402
from competency_maps.render.docx.render import clear_caches, render_docx  # noqa: E402
from competency_maps.render.pdf.render import render_pdf  # noqa: E402


def phases(inputs: Path) -> dict:
    """Seconds of each phase; "docx" fills the Word file as a build's first one (its template made,
    its parts compiled), "docx_again" as the build's second one, which reuses them."""
    t0 = time.perf_counter()
    g = gather(inputs)
    t1 = time.perf_counter()
    content = assemble(g)
    clear_caches()
    docx = render_docx(content)
    t2 = time.perf_counter()
    render_docx(content)
    t2_again = time.perf_counter()
    pdf = render_pdf(content)
    t3 = time.perf_counter()
    return {"read": t1 - t0, "docx": t2 - t1, "docx_again": t2_again - t2, "pdf": t3 - t2_again,
            "total": t3 - t0 - (t2_again - t2), "pages": pdf.pages, "docx_bytes": docx, "errors": len(g.errors)}


def _timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system, its child processes included) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def libreoffice(docx: bytes, work: Path) -> tuple[float, float]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return float("nan"), float("nan")
    src = work / "report.docx"
    src.write_bytes(docx)
    return _timed([soffice, f"-env:UserInstallation={(work / 'lo-profile').as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(work), str(src)])


def whole_build(inputs: Path, out: Path, jobs: int | None = None) -> tuple[float, float]:
    """The coordinator's command as a new process: imports included, as LibreOffice's start-up is.
    jobs=1: everything in one process; None: the default (the PDF in a second process)."""
    env = dict(os.environ)
    if jobs is not None:
        env["COMPETENCY_MAPS_JOBS"] = str(jobs)
    return _timed([sys.executable, str(ROOT / "build.py"), "--inputs", str(inputs), "--output", str(out)],
                  env)


def _median_pair(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def check_one(path: Path) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "build.py"), "check", str(path)], capture_output=True)
    return time.perf_counter() - t


def make_consortium(n: int, dest: Path) -> Path:
    """n clusters: the five sample workbooks, repeated with new short names."""
    from competency_maps.inputs import config
    from competency_maps.model.schema import build_schema
    from competency_maps.xlsx.writer import write_filled_workbook
    dest.mkdir(parents=True, exist_ok=True)
    d = config.load(ROOT / "inputs")
    for f in (ROOT / "inputs").iterdir():
        if f.suffix in (".toml", ".md", ".svg", ".png"):
            shutil.copy(f, dest / f.name)
    base = gather(ROOT / "inputs").clusters
    schema = build_schema(d.topics, d.theme_names)
    names = []
    for i in range(n):
        c = base[i % len(base)]
        name = c.name if i < len(base) else f"{c.name} {i // len(base) + 1}"
        names.append(name)
        clone = replace(c, profile=replace(c.profile, short_name=name))
        write_filled_workbook(schema, clone, dest / f"cluster-{i:03d}.xlsx")
    toml = (dest / "deliverable.toml").read_text(encoding="utf-8")
    order = "order = [" + ", ".join(json.dumps(x) for x in names) + "]"
    toml = re.sub(r"^order = \[.*?\]$", order, toml, flags=re.M)
    (dest / "deliverable.toml").write_text(toml, encoding="utf-8")
    return dest


def _copy_deliverable(dest: Path):
    """The sample's toml, Markdown and logos in `dest`; returns the sample's deliverable."""
    from competency_maps.inputs import config
    dest.mkdir(parents=True, exist_ok=True)
    for f in (ROOT / "inputs").iterdir():
        if f.suffix in (".toml", ".md", ".svg", ".png"):
            shutil.copy(f, dest / f.name)
    return config.load(ROOT / "inputs")


FILLER = ("the cluster works with its members, the regional authorities and the universities on projects "
          "that bring new products to the market, trains the staff of small firms in the skills the "
          "transition needs, and shares test benches, data and contacts with partners across Europe so "
          "that each member finds the right partner for its next step")


def long_entry(text: str, length: int = 400) -> str:
    """An entry of exactly `length` characters: the partner's own words first, then filler."""
    out = text.rstrip(". ") + ": " + FILLER
    while len(out) < length:
        out += ", and " + FILLER
    return out[:length - 1].rstrip(" ,") + "." if len(out) > length else out


def pasted_from_pdf(text: str, k: int) -> str:
    """An entry as it arrives when pasted from a PDF: hard line breaks every few words (mid-sentence),
    a stray page number on a line of its own, about 600 characters."""
    words = long_entry(text, 600).split()
    lines = [" ".join(words[i:i + 9]) for i in range(0, len(words), 9)]
    lines.insert(min(3, len(lines)), str(12 + k))  # the page number of the PDF it came from
    return "\n".join(lines)


def make_variant(dest: Path, *, kind: str, clusters: int | None = None) -> Path:
    """The sample clusters with real-world entries, for the page rules (tests/render/test_page_rules.py):
    kind "long": every SWOT entry 400 characters and no TOWS rows at all; kind "pasted": every SWOT entry
    pasted from a PDF (hard line breaks, a page number line), so that a topic row is taller than a page.
    `clusters`: only that many, those with the most SWOT entries (a chapter is laid out alike whatever
    its neighbours: fewer chapters test the same rules in fewer pages)."""
    import tomlkit

    from competency_maps.model.richtext import plain, text_of
    from competency_maps.model.schema import build_schema
    from competency_maps.xlsx.writer import write_filled_workbook
    d = _copy_deliverable(dest)
    toml = dest / "deliverable.toml"
    doc = tomlkit.parse(toml.read_text(encoding="utf-8"))
    if kind == "long":  # a consortium without TOWS: the step switched off, as its toml would say
        doc["chapter"]["tows"] = False
    sample = gather(ROOT / "inputs").clusters
    kept = sorted(sample, key=lambda c: -len(c.swot))[:clusters] if clusters else sample
    if clusters:
        names = {c.name for c in kept}
        for key in ("order", "about_order"):
            if key in doc["clusters"]:
                doc["clusters"][key] = [n for n in doc["clusters"][key] if n in names]
    toml.write_text(tomlkit.dumps(doc), encoding="utf-8")
    schema = build_schema(d.topics, d.theme_names)
    for i, c in enumerate(kept):
        if kind == "long":
            swot = [replace(e, text=text_of(long_entry(plain(e.text)))) for e in c.swot]
            clone = replace(c, swot=swot, tows=[])
        elif kind == "pasted":
            swot = [replace(e, text=text_of(pasted_from_pdf(plain(e.text), k))) for k, e in enumerate(c.swot)]
            clone = replace(c, swot=swot)
        else:
            raise ValueError(kind)
        write_filled_workbook(schema, clone, dest / f"cluster-{i:03d}.xlsx")
    return dest


WORDS = ("funding", "budget", "membership", "communication", "visibility", "skills", "SMEs", "COVID-19",
         "network", "services")


def make_large(entries: int, dest: Path) -> Path:
    """Two clusters of `entries` SWOT entries each, half strengths and half weaknesses, every one on a
    theme of the sample's toml: the worst case of the synthesis (every strength meets every weakness)."""
    from competency_maps.inputs import config
    from competency_maps.model.cluster import SwotEntry
    from competency_maps.model.richtext import text_of
    from competency_maps.model.schema import build_schema
    from competency_maps.xlsx.writer import write_filled_workbook
    dest.mkdir(parents=True, exist_ok=True)
    d = config.load(ROOT / "inputs")
    for f in (ROOT / "inputs").iterdir():
        if f.suffix in (".toml", ".md", ".svg", ".png"):
            shutil.copy(f, dest / f.name)
    base = gather(ROOT / "inputs").clusters[:2]
    schema = build_schema(d.topics, d.theme_names)
    for k, c in enumerate(base):
        swot = [SwotEntry(d.topics[i % len(d.topics)], ("Strength", "Weakness")[i % 2], "",
                          text_of(f"{c.name} item {i}: {WORDS[i % len(WORDS)]} and {WORDS[(i // 7) % len(WORDS)]} "
                                  f"in region {i * 7919 % 1000}."))
                for i in range(entries)]
        write_filled_workbook(schema, replace(c, swot=swot), dest / f"large-{k}.xlsx")
    toml = (dest / "deliverable.toml").read_text(encoding="utf-8")
    order = "order = [" + ", ".join(json.dumps(c.name) for c in base) + "]"
    toml = re.sub(r"^order = \[.*?\]$", order, toml, flags=re.M)
    toml = re.sub(r"^about_order = \[.*?\]$", "about_order = []", toml, flags=re.M)
    (dest / "deliverable.toml").write_text(toml, encoding="utf-8")
    return dest


def peak_rss_mb(pid: int, stop: threading.Event, peaks: dict[int, float]) -> None:
    """Polls the resident memory of a process and of its children (the PDF process) every 50 ms."""
    def rss(p: int) -> float:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    while not stop.is_set():
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            children = []
        for p in [pid, *map(int, children)]:
            peaks[p] = max(peaks.get(p, 0.0), rss(p))
        stop.wait(0.05)


def large_run(entries: int = 2000) -> dict:
    """The build command on two workbooks of `entries` entries each: wall time and the peak memory of
    each of its processes (the main one and the PDF process); then a second build, which compares
    with the first one's snapshot."""
    work = Path(tempfile.mkdtemp(prefix="bench-large-"))
    inputs = make_large(entries, work / "in")
    first = _large_build(inputs, work / "out")
    again = _large_build(inputs, work / "out")
    review = next((work / "out").glob("*-synthesis-review.xlsx"))
    pdf = next((work / "out").glob("*.pdf"))
    first.update(entries=entries, again=again["wall"], review_kb=review.stat().st_size / 1024,
                 pdf_kb=pdf.stat().st_size / 1024)
    shutil.rmtree(work, ignore_errors=True)
    return first


def _large_build(inputs: Path, out: Path) -> dict:
    stop, peaks = threading.Event(), {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--inputs", str(inputs),
                             "--output", str(out)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    watcher = threading.Thread(target=peak_rss_mb, args=(proc.pid, stop, peaks))
    watcher.start()
    out = proc.communicate()[0].decode(errors="replace")
    wall = time.perf_counter() - t
    stop.set()
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"the large build failed ({proc.returncode}):\n{out[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    main_mb = peaks.pop(proc.pid, 0.0)
    return {"wall": wall, "cpu": cpu, "main_mb": main_mb, "pdf_mb": max(peaks.values(), default=0.0),
            "summary": [line for line in out.splitlines() if "complementarities" in line or "Wrote" in line]}


def print_large(r: dict) -> None:
    print(f"\nLarge consortium: 2 workbooks x {r['entries']} entries (strengths and weaknesses, all on themes)")
    print(f"  build.py {r['wall']:.1f} s, CPU {r['cpu']:.1f} s (again, with the first one's snapshot: "
          f"{r['again']:.1f} s); peak RSS: main process {r['main_mb']:.0f} MB, "
          f"PDF process {r['pdf_mb']:.0f} MB; review file {r['review_kb']:.0f} KB, PDF {r['pdf_kb']:.0f} KB")
    for line in r["summary"]:
        print("  " + line)


def scale_run(n: int) -> dict:
    """One scaling point in a fresh process: the phases one after another in that process (its
    peak memory is all of them), then the build command itself (its largest process's peak)."""
    code = (f"import sys, json, resource; sys.path.insert(0, {str(ROOT)!r}); "
            f"from bench.benchmark import make_consortium, phases, whole_build; "
            f"from pathlib import Path; import tempfile; "
            f"d = make_consortium({n}, Path(tempfile.mkdtemp()) / 'in'); r = phases(d); r.pop('docx_bytes'); "
            f"r['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
            f"r['build'], _ = whole_build(d, d.parent / 'out'); "
            f"r['build_peak_mb'] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024; "
            f"print(json.dumps(r))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def million_rows(source: Path, dest: Path, n: int = 1_000_000) -> Path:
    """`source` with n one-cell rows added to its first sheet as raw XML (an 8 MB file that openpyxl
    would take half a minute and 600 MB to load): the reader must refuse it before parsing."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        sheet = "xl/worksheets/sheet1.xml"  # any sheet: the element count is checked before any is parsed
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename != sheet:
                out.writestr(info, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with out.open(info.filename, "w", force_zip64=True) as f:
                f.write(head)
                for start in range(1000, 1000 + n, 10_000):
                    f.write(b"".join(b'<row r="%d"><c r="D%d" t="inlineStr"><is><t>x</t></is></c></row>' % (k, k)
                                     for k in range(start, min(start + 10_000, 1000 + n))))
                f.write(b"</sheetData>" + tail)
    return dest


def far_cell(source: Path, dest: Path) -> Path:
    """`source` with a note typed in the last column Excel has (XFD2): read without visiting the
    16,384 columns before it."""
    from openpyxl import load_workbook
    wb = load_workbook(source, rich_text=True)
    wb["SWOT"]["XFD2"] = "far away"
    wb.save(dest)
    return dest


def refusals() -> dict[str, float]:
    """Seconds to read (or refuse) each hostile workbook; tests assert what is done, not how fast."""
    from competency_maps.inputs.reader import read_workbook
    from competency_maps.model.schema import build_schema
    schema = build_schema()
    work = Path(tempfile.mkdtemp(prefix="bench-refusals-"))
    source = ROOT / "inputs" / "moveo.xlsx"
    out = {}
    for label, path in (("sample workbook (moveo.xlsx)", source),
                        ("a note in XFD2", far_cell(source, work / "far.xlsx")),
                        ("1,000,000 extra rows (refused)", million_rows(source, work / "million.xlsx"))):
        t = time.perf_counter()
        read_workbook(path, schema)
        out[label] = time.perf_counter() - t
    shutil.rmtree(work, ignore_errors=True)
    return out


def print_refusals(r: dict[str, float]) -> None:
    print("\nReading hostile workbooks (one process, read + validate):")
    for label, seconds in r.items():
        print(f"  {label:<36}{seconds:6.2f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--large", action="store_true", help="only the large consortium (2 x 2,000 entries)")
    ap.add_argument("--refusals", action="store_true", help="only the reading of hostile workbooks")
    args = ap.parse_args()
    if args.large:
        print_large(large_run())
        return 0
    if args.refusals:
        print_refusals(refusals())
        return 0
    runs = 3 if args.quick else 5
    inputs = ROOT / "inputs"
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    phases(inputs)  # warm-up
    libreoffice(render_docx(assemble(gather(inputs))), work)
    samples = [phases(inputs) for _ in range(runs)]
    med = {k: statistics.median(s[k] for s in samples) for k in ("read", "docx", "docx_again", "pdf", "total")}
    timings: dict[str, list[tuple[float, float]]] = {"lo": [], "cmd": [], "one": []}
    for _ in range(runs):  # interleaved, so that a noisy minute on a shared machine hits all three
        timings["lo"].append(libreoffice(samples[0]["docx_bytes"], work))
        timings["cmd"].append(whole_build(inputs, work / "out"))
        timings["one"].append(whole_build(inputs, work / "out", jobs=1))
    lo, lo_cpu = _median_pair(timings["lo"])
    cmd, cmd_cpu = _median_pair(timings["cmd"])
    one, one_cpu = _median_pair(timings["one"])
    chk = statistics.median(check_one(inputs / "moveo.xlsx") for _ in range(runs))
    cores = os.cpu_count() or 1
    print(f"Sample build, medians of {runs} runs ({samples[0]['pages']} PDF pages), in one process:")
    for k, label in (("read", "read + validate"), ("docx", "DOCX"), ("docx_again", "DOCX again"), ("pdf", "PDF"),
                     ("total", "total")):
        print(f"  {label:<18}{med[k]:6.2f} s")
    print(f"\nAs commands (new processes){'wall':>31}{'CPU':>10}")
    for label, wall, cpu in (("build.py (PDF in a second process)", cmd, cmd_cpu),
                             ("build.py, COMPETENCY_MAPS_JOBS=1", one, one_cpu),
                             ("LibreOffice DOCX -> PDF", lo, lo_cpu)):
        print(f"  {label:<48}{wall:6.2f} s{cpu:8.2f} s")
    print(f"  ratio build / LibreOffice{cmd / lo:29.2f}")
    least = min(cmd_cpu, one_cpu)  # the work of a build, however it is spread over the cores
    print(f"  floor: least build CPU / {cores} cores = {least / cores:.2f} s, ratio {least / cores / lo:.2f}")
    print(f"  check of one workbook{chk:33.2f} s")
    print("\nScaling (one fresh process each; phases in one process, then the build command):")
    print("  clusters  read s  DOCX s   PDF s  total s  peak MB   build.py s  its peak MB  pages  s/cluster")
    for n in (5, 25) if args.quick else (5, 25, 100):
        r = scale_run(n)
        print(f"  {n:8d} {r['read']:7.2f} {r['docx']:7.2f} {r['pdf']:7.2f} {r['total']:8.2f} "
              f"{r['peak_mb']:8.0f} {r['build']:12.2f} {r['build_peak_mb']:12.0f} {r['pages']:6d} "
              f"{r['build'] / n:10.2f}")
    print_large(large_run())
    print_refusals(refusals())
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
