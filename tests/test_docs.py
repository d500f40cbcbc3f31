"""The README and `build.py --help` say what the command line really does.

Every option and subcommand of the parser (competency_maps/cli.py) is named in README.md, every
option the README gives to build.py exists, the README's exit-code table lists exactly the codes of
the help's epilog, and every subcommand, option and argument has a help text.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from code_map import README as MAPPED_README, code_map, readme_with_map

from competency_maps.cli import EPILOG, _parser, main
from competency_maps.console import Console

README = Path(__file__).resolve().parent.parent / "README.md"

# argparse's own options, which --help lists itself: the README need not name them (it names
# `build.py --help`, not --version)
NOT_IN_README = {"-h", "--help", "--version"}

OUR_PROGRAMS = {"build.py", "competency-maps"}
# A command in a code span: a script, a Python, or a tool; the options after it are that command's.
PROGRAM = re.compile(r"(?<![\w./-])(?:[\w./-]*/)?([\w.-]+\.(?:py|sh)|python3?|pytest|pip|competency-maps)"
                     r"(?![\w.-])")
LONG_OPTION = re.compile(r"(?<![\w-])--[A-Za-z][\w-]*")
CODE = re.compile(r"`([^`\n]+)`")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {name: sub for a in actions for name, sub in a.choices.items()}


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """The top-level parser (as "") and each subcommand's, by name."""
    top = _parser()
    return {"": top, **_subparsers(top)}


def _options(parser: argparse.ArgumentParser) -> list[list[str]]:
    """The option strings of each optional argument, e.g. [["-o", "--out"], ["--force"]]."""
    return [list(a.option_strings) for a in parser._actions if a.option_strings]


def _mentioned(text: str, option: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def readme() -> str:
    return README.read_text(encoding="utf-8")


def readme_code_lines(text: str) -> list[str]:
    """The code of each line: a fenced block's lines whole, elsewhere the `spans` of the line joined,
    so that a command named in one span owns the options of the next (`x.py` (`--quick`…))."""
    out, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        out.append(line.split(" # ")[0] if fenced else " ".join(CODE.findall(line)))
    return out


def readme_options_for_us(text: str) -> list[tuple[str, str]]:
    """(subcommand or "", --option) for every long option the README gives to our command: in a code
    span after `build.py` or `competency-maps`, or in a span that names no other command."""
    subcommands = set(_subparsers(_parser()))
    found = []
    for code in readme_code_lines(text):
        program, subcommand = None, ""
        for token in code.split():
            named = PROGRAM.fullmatch(token)
            if named:
                program, subcommand = named.group(1), ""
            elif program in (None, *OUR_PROGRAMS) and token in subcommands:
                subcommand = token
            elif program in (None, *OUR_PROGRAMS):
                found += [(subcommand, o) for o in LONG_OPTION.findall(token)]
    return found


def exit_codes_in_readme(text: str) -> dict[int, str]:
    table = text[text.index("| exit code | meaning |"):]
    rows = re.findall(r"^\|\s*(\d+)\s*\|\s*(.*?)\s*\|\s*$", table.split("\n\n")[0], re.M)
    return {int(code): meaning for code, meaning in rows}


def exit_codes_in_epilog(epilog: str) -> dict[int, str]:
    listed = " ".join(epilog[epilog.index("exit codes:") + len("exit codes:"):].split())
    return {int(code): meaning.strip() for code, meaning in re.findall(r"(\d+) ([^,]+)", listed)}


# --- the parser, in the README -----------------------------------------------------------------


def test_every_option_and_subcommand_of_the_parser_is_in_the_readme():
    text = readme()
    missing = []
    for name, parser in _parsers().items():
        if name and not any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", code)
                            for code in readme_code_lines(text)):
            missing.append(name)
        for strings in _options(parser):
            if not set(strings) & NOT_IN_README and not any(_mentioned(text, s) for s in strings):
                missing.append(f"{name} {'/'.join(strings)}".strip())
    assert not missing, f"not in README.md: {missing}"


def test_every_option_the_readme_gives_build_py_exists():
    parsers = _parsers()
    found = readme_options_for_us(readme())
    assert ("", "--inputs") in found  # the README's options are found at all
    unknown = [f"{sub} {opt}".strip() for sub, opt in found
               if not any(opt in strings for strings in _options(parsers[sub]))]
    assert not unknown, f"README.md names options that build.py does not have: {unknown}"


def test_the_readme_and_the_help_list_the_same_exit_codes():
    readme_codes = exit_codes_in_readme(readme())
    epilog_codes = exit_codes_in_epilog(EPILOG)
    assert set(readme_codes) == set(epilog_codes) and 0 in readme_codes, (readme_codes, epilog_codes)
    assert all(readme_codes.values()) and all(epilog_codes.values())


# --- help texts -----------------------------------------------------------------------------------


def test_every_subcommand_option_and_argument_has_help_text(capsys):
    top = _parser()
    [action] = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {a.dest: a.help for a in action._choices_actions}
    assert set(helps) == set(action.choices) == {"init", "check", "new-workbook", "proof", "changes", "export", "site"}
    text = top.format_help()
    for name, help_text in helps.items():
        assert help_text and help_text.strip(), name
        assert name in text and help_text in text, name
    for name, parser in _parsers().items():
        for a in parser._actions:
            if isinstance(a, argparse._SubParsersAction):
                continue
            assert a.help and a.help.strip() and a.help != argparse.SUPPRESS, (name, a.dest)
    for name in helps:
        assert main([name, "--help"], Console(progress=False)) == 0
        assert "usage:" in capsys.readouterr().out


# --- the checks themselves can fail -----------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Options: `--inputs DIR`, `--colour`.", [("", "--inputs"), ("", "--colour")]),
    ("`build.py new-workbook X --force`", [("new-workbook", "--force")]),
    ("`tools/setup.sh --test && .venv/bin/python -m pytest -q`", []),
    ("`.venv/bin/python bench/benchmark.py` (`--quick` for a shorter run)", []),
    ("```sh\ncompetency-maps --inputs DIR  # a comment --not-an-option\n```", [("", "--inputs")]),
])
def test_options_are_given_to_the_command_they_follow(text, expected):
    assert readme_options_for_us(text) == expected


def test_exit_code_tables_are_read_whole():
    table = "| exit code | meaning |\n|---|---|\n| 0 | built |\n| 4 | new |\n\nAfter."
    assert exit_codes_in_readme(table) == {0: "built", 4: "new"}
    assert exit_codes_in_epilog("exit codes: 0 done, 1 problems in the inputs,\n   3 internal error\n") == {
        0: "done", 1: "problems in the inputs", 3: "internal error"}


@pytest.mark.slow  # over a second: imports and reads every module
def test_the_readme_map_of_the_code_is_made_from_the_docstrings():
    text = MAPPED_README.read_text(encoding="utf-8")
    assert readme_with_map(text) == text, (
        "README.md's map of the code differs from the packages' docstrings; refresh it with "
        "`.venv/bin/python tests/code_map.py`")
    assert all(f"**`competency_maps/{stage}/`**" in code_map()
               for stage in ("inputs", "model", "analysis", "report", "render", "xlsx", "dataset"))
