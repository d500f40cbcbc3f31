"""The message templates, against the code that uses them: every code raised or collected in the
package has a template; a template's placeholders are the parameters its call sites give; each one
renders. The only tests that may read the English of a message are here.

Call sites are found by reading the package's source (ast): calls of `issue(...)`, `.add(...)`,
`.at(sheet, cell, ...)`, `render(...)` and of any `...Error(...)` whose code is a dotted name ("sheet.missing").
English-text calls (the transitional `legacy.text`) are not codes and are left to their own test.
"""

from __future__ import annotations

import ast
import builtins
import functools
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import competency_maps
from competency_maps import messages
from competency_maps.errors import Issue, Location, ReportError, Severity, issue
from competency_maps.messages import LIST_JOINS, Phrase, Template, catalog, render

PACKAGE = Path(competency_maps.__file__).resolve().parent
CODE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")
# keyword arguments of an exception that are not a message's parameters
NOT_PARAMS = {"hint", "issues"}
# keyword arguments of Console.say and .progress that are not parameters either
SAY_OPTIONS = {"language", "indent"}
# parameters that say where, for whoever catches the exception, rather than fill its words
LOCATING = {"markdown.nested_too_deep": {"line"}}
# the areas whose every template must be used by the package (the others are being converted)
FULLY_CONVERTED = ("workbook", "sheets", "cells", "profile", "entries", "completeness", "images", "inputs",
                   "dataset", "outputs", "decisions", "config", "review", "console")


@dataclass(frozen=True)
class Site:
    file: str
    line: int
    codes: tuple[str, ...]  # the codes the call may give (both arms of `a if x else b`)
    pattern: str  # for a code built with an f-string: a regex of it; else ""
    params: frozenset[str] | None  # keyword parameters; None when not all known (**params)


@functools.lru_cache(maxsize=None)
def _sources() -> tuple[tuple[str, ast.Module], ...]:
    """The package's modules, parsed once per process (the scan at collection and a test both walk
    them; neither changes a tree)."""
    return tuple((str(path.relative_to(PACKAGE.parent)), ast.parse(path.read_text(encoding="utf-8")))
                 for path in sorted(PACKAGE.rglob("*.py")))


def _callee(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def _code_arg(call: ast.Call) -> ast.expr | None:
    f = call.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    if name == "at" and len(call.args) >= 3:
        return call.args[2]
    if (name in ("issue", "add", "render", "say", "progress", "Phrase") or name.endswith("Error")) and call.args:
        return call.args[0]
    return None


def _assigned(tree: ast.Module) -> dict[str, list[ast.expr]]:
    """The values assigned to each plain name in a module (a code chosen before the call)."""
    out: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out.setdefault(node.targets[0].id, []).append(node.value)
    return out


def _codes_of(expr: ast.expr, assigned: dict[str, list[ast.expr]], depth: int = 0) -> tuple[list[str], str]:
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return ([expr.value] if CODE.fullmatch(expr.value) else []), ""
    if isinstance(expr, ast.IfExp):
        a, _ = _codes_of(expr.body, assigned, depth)
        b, _ = _codes_of(expr.orelse, assigned, depth)
        return a + b, ""
    if isinstance(expr, ast.JoinedStr):
        parts = [re.escape(v.value) if isinstance(v, ast.Constant) else "[a-z0-9_]+" for v in expr.values]
        pattern = "".join(parts)
        return [], pattern if re.fullmatch(r"[a-z0-9_.\[\]+\\-]+", pattern.replace("[a-z0-9_]+", "x")) else ""
    if isinstance(expr, ast.Name) and depth < 2:
        out: list[str] = []
        for value in assigned.get(expr.id, []):
            out += _codes_of(value, assigned, depth + 1)[0]
        return out, ""
    return [], ""


def call_sites() -> list[Site]:
    sites = []
    for file, tree in _sources():
        assigned = _assigned(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            arg = _code_arg(node)
            if arg is None:
                continue
            codes, pattern = _codes_of(arg, assigned)
            if not codes and not pattern:
                continue
            keywords = [k.arg for k in node.keywords]
            if len(node.args) == 2 and isinstance(node.args[1], ast.Dict):  # render(code, {...})
                keywords = [k.value if isinstance(k, ast.Constant) else None for k in node.args[1].keys]
            known = None not in keywords
            options = NOT_PARAMS | (SAY_OPTIONS if _callee(node) in ("say", "progress") else set())
            params = frozenset(k for k in keywords if k not in options) if known else None
            sites.append(Site(file, node.lineno, tuple(codes), pattern, params))
    return sites


SITES = call_sites()


def test_the_scan_finds_the_call_sites():
    # a guard on the scan itself: these are made in three different ways
    found = {c for s in SITES for c in s.codes}
    assert {"sheet.missing", "workbook.empty", "image.svg.element", "cell.struck.part", "inputs.not_folder",
            "dataset.schema", "step.unused"} <= found
    assert any(s.pattern and re.fullmatch(s.pattern, "list.lines.bulleted.entry") for s in SITES)
    assert len(SITES) > 120


@pytest.mark.parametrize("site", SITES, ids=lambda s: f"{s.file}:{s.line}")
def test_every_code_used_has_a_template(site):
    for code in site.codes:
        assert code in messages.ALL, f"{site.file}:{site.line}: no template for {code}"
    if site.pattern:
        assert any(re.fullmatch(site.pattern, c) for c in messages.ALL), f"{site.file}:{site.line}: {site.pattern}"


@pytest.mark.parametrize("site", [s for s in SITES if s.params is not None and s.codes],
                         ids=lambda s: f"{s.file}:{s.line}")
def test_a_call_site_gives_exactly_the_parameters_of_its_template(site):
    for code in site.codes:
        wanted = messages.template(code).fields() | LOCATING.get(code, set())
        assert set(site.params) == wanted, f"{site.file}:{site.line}: {code} wants {sorted(wanted)}"


def test_every_template_of_a_converted_area_is_used():
    used = {c for s in SITES for c in s.codes}
    patterns = [s.pattern for s in SITES if s.pattern]
    for name in FULLY_CONVERTED:
        area = getattr(messages, name)
        for code in area.TEMPLATES:
            assert code in used or any(re.fullmatch(p, code) for p in patterns), f"{code} is never used"


def test_no_two_templates_share_a_code():
    assert sum(len(area.TEMPLATES) for area in messages.AREAS) == len(messages.ALL)
    with pytest.raises(ValueError, match="declared twice"):
        catalog(Template("a.b", "error", "x"), Template("a.b", "warning", "y"))


def test_every_area_module_is_in_the_catalog_and_short():
    modules = {m.name for m in pkgutil.iter_modules(messages.__path__)} - {"template"}
    assert modules == {area.__name__.rsplit(".", 1)[1] for area in messages.AREAS}
    for area in messages.AREAS:
        assert len(Path(area.__file__).read_text(encoding="utf-8").splitlines()) < 400, area.__name__


def test_codes_are_dotted_and_severities_known():
    for code, t in messages.ALL.items():
        assert t.code == code and CODE.fullmatch(code), code
        assert t.severity in messages.SEVERITIES


def _sample(t: Template, count: int = 2) -> dict:
    """A value for each placeholder, of the kind its format spec wants."""
    from string import Formatter
    out: dict = {}
    for text in (t.message, t.hint, t.plural):
        for _, name, spec, _ in Formatter().parse(text):
            if name:
                out[name] = ["a", "b"] if spec in LIST_JOINS and spec else 1234 if spec == "," else f"<{name}>"
    if t.count:
        out[t.count] = count
    return out


@pytest.mark.parametrize("code", sorted(messages.ALL))
def test_every_template_renders_with_its_parameters(code):
    t = messages.template(code)
    for count in (1, 2) if t.count else (2,):
        r = render(code, _sample(t, count))
        literal = r.hint.replace("{{", "").replace("}}", "")  # a brace shown doubled on purpose (a pattern's)
        assert r.message.strip() and "{" not in r.message and "{" not in literal, r
        assert r.message == r.message.strip() and "  " not in r.message + r.hint, r
        if t.hint and not t.hint.endswith("}") and " = " not in t.hint:  # the fix is a sentence, not a toml line
            assert r.hint[-1] in ".)?", r.hint


def test_a_template_s_fields_are_its_placeholders():
    t = Template("x.y", "error", "{a} and {b:,}", "{c:or}", plural="{a}s", count="a")
    assert t.fields() == {"a", "b", "c"}


# --- rendering: the only tests that read English ------------------------------------------------


def test_a_plural_form_is_chosen_by_its_count():
    assert render("list.typed.bullets", {"count": 1}).message.endswith("printed as 1 bullet.")
    assert render("list.typed.bullets", {"count": 3}).message.endswith("printed as 3 bullets.")
    assert render("list.typed.bulleted", {"count": 2}).message.endswith("2 bullet items.")


def test_lists_are_joined_as_their_field_says():
    assert render("input_file.suffix", {"name": "a.gif", "suffixes": (".png", ".svg")}) == (
        "names 'a.gif', which is not a .png or .svg file.", "Name a .png or .svg file.")
    assert render("header.missing.empty", {"name": "Topic", "cell": "A1", "headers": ("Topic", "Entry")}).hint == (
        "Type 'Topic' back into A1 (the headers must be: Topic | Entry).")
    assert render("cell.choice.several", {"value": "'W, T'", "count": 2, "column": "Quadrant", "first": "W",
                                          "others": ("T",)}).hint.endswith("keep 'W' in one row, 'T' in the other.")
    assert render("cell.choice.unknown", {"value": "X", "column": "Quadrant", "choices": ("A", "B")}).hint == (
        "Choose one of: A, B (the cell's dropdown lists them).")


def test_a_phrase_is_another_template_s_words_in_the_same_message():
    from competency_maps.inputs.images import ImageError
    e = ImageError("image.too_large", size_kb=3000, max_mb=2)
    i = issue("logo.file.unusable", Location("logos/x.png"), cluster="Mov'eo", reason=e.phrase())
    assert i.message == "cannot be used as Mov'eo's logo: it is 3000 KB; a logo may be at most 2 MB."
    assert str(e) == "is 3000 KB; a logo may be at most 2 MB."  # as config.py quotes it
    wrapped = render("version_log.row.invalid", {"reason": i.phrase(), "reason_hint": i.phrase("hint")})
    assert wrapped.message.endswith("row: cannot be used as Mov'eo's logo: it is 3000 KB; a logo may be at most 2 MB.")
    assert wrapped.hint == "Replace it with a plain PNG or SVG logo, or remove the file."


def test_numbers_keep_their_format():
    assert "more than 1,000,000 cells" in render("workbook.too_many_elements", {"limit": 1_000_000, "part": "p"}).message
    assert render("sheet.too_many_rows", {"rows": 100999, "max_rows": 20000}).message == (
        "has 100999 rows with content; a competency map has at most 20000.")


def test_a_coded_exception_survives_pickling_whole():
    import pickle
    from competency_maps.model.richtext import MarkdownError
    e = MarkdownError("markdown.nested_too_deep", line=7, levels=28)
    again = pickle.loads(pickle.dumps(e))
    assert (type(again), again.code, again.line, again.params) == (MarkdownError, e.code, 7, e.params)
    assert isinstance(again, ReportError) and again.message == e.message


def test_an_issue_holding_a_phrase_is_hashable_and_equal_to_its_copy():
    reason = Phrase("image.svg.element", {"element": "image"})
    a = Issue("logo.file.unusable", Severity.ERROR, Location("f"), {"cluster": "C", "reason": reason})
    b = Issue("logo.file.unusable", Severity.ERROR, Location("f"), {"cluster": "C", "reason": reason})
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1


def test_parameters_are_json_data():
    import json
    reason = Phrase("image.svg.element", {"element": "image"})
    params = {"cluster": "C", "reason": reason, "choices": ("A", "B"), "count": 2}
    assert json.loads(json.dumps(messages.jsonable(params))) == {
        "cluster": "C", "reason": {"code": "image.svg.element", "params": {"element": "image"}, "part": "message"},
        "choices": ["A", "B"], "count": 2}


# The modules converted to codes; with the last ones converted this becomes the whole package (and
# errors.error/warning/info and `legacy.text` go).
CONVERTED = ("inputs/cells.py", "inputs/reader.py", "inputs/entries.py", "inputs/habits.py", "inputs/validate.py",
             "inputs/gather.py", "inputs/workbook_file.py", "inputs/images.py", "inputs/logos.py",
             "inputs/template_check.py", "inputs/textsafety.py", "inputs/files.py", "model/", "analysis/",
             "xlsx/prefill.py", "xlsx/annotate.py", "xlsx/blank.py", "xlsx/writer.py", "dataset/", "render/pdf/",
             "inputs/config.py", "inputs/options.py", "inputs/review.py", "report/", "xlsx/review.py",
             "commands/", "publish/", "console.py")  # cli.py: argparse's parser.error() looks like one


def _converted(file: str) -> bool:
    inside = file.removeprefix("competency_maps/")
    return any(inside == c or (c.endswith("/") and inside.startswith(c)) for c in CONVERTED)


KEPT_FOR_OTHERS: set[tuple[str, str]] = set()  # (file, function) left unconverted for another module


def _words(arg: ast.expr) -> bool:
    """A string (or f-string) with a space in its text: English, not a code or a cell range."""
    parts = [arg] if isinstance(arg, ast.Constant) else [v for v in getattr(arg, "values", [])
                                                          if isinstance(v, ast.Constant)]
    return any(isinstance(p.value, str) and " " in p.value for p in parts)


def test_converted_modules_make_no_issue_from_english_text():
    legacy = []
    for file, tree in _sources():
        if not _converted(file):
            continue
        kept = {n for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and (file, f.name) in KEPT_FOR_OTHERS
                for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or node in kept:
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name in ("error", "warning", "info", "err", "warn"):
                legacy.append(f"{file}:{node.lineno}: {name}(…)")
            if name in dir(builtins):  # TimeoutError, ValueError…: a fault caught inside, never shown
                continue
            arg = _code_arg(node)
            if isinstance(arg, (ast.Constant, ast.JoinedStr)) and _words(arg):
                legacy.append(f"{file}:{node.lineno}: {name}({ast.unparse(arg)[:40]}…)")
    assert legacy == []
