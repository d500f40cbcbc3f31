"""The words of deliverable.toml's and the review file's messages: the only tests that read them (the
others assert codes and parameters). What a coordinator reads: the key first, then the fix."""

from __future__ import annotations

import pytest

from competency_maps import messages
from competency_maps.errors import Location, issue


@pytest.mark.parametrize("code, params, shown", [
    ("config.text.type", {"kind": "a number", "value": "21", "key": "number", "typed": "21"},
     'ERROR deliverable.toml › deliverable › number: must be text in quotes, not a number (21). '
     'Write it in quotes: number = "21"'),
    ("config.key.unknown", {"noun": "section", "name": "synthesys", "close": "synthesis"},
     "WARNING deliverable.toml › deliverable › number: unknown section 'synthesys', ignored. "
     "Did you mean 'synthesis'?"),
    ("config.pattern.invalid", {"problem": "'{0}' is not a blank", "allowed": "{name}, {project}"},
     "ERROR deliverable.toml › deliverable › number: is not a valid pattern ('{0}' is not a blank). "
     "Use only {name}, {project}; write {{ and }} for a literal brace."),
    ("config.pattern.blanks", {"blanks": ("cluster", "x"), "allowed": "{name}"},
     "ERROR deliverable.toml › deliverable › number: uses blanks that do not exist: cluster, x. Use only {name}."),
    ("config.rows.width", {"row": 1, "cells": 2, "columns": 4},
     'ERROR deliverable.toml › deliverable › number: row 1 has 2 cells for 4 columns. '
     'Give every row one cell per column ("" for an empty one).'),
])
def test_config_messages_read_as_before(code, params, shown):
    assert str(issue(code, Location("deliverable.toml", "deliverable", "number"), **params)) == shown


@pytest.mark.parametrize("code, params, shown", [
    ("review.include.unknown", {"value": "'Maybe'"},
     "ERROR r.xlsx › Review › E2: 'Maybe' is not Yes or No. Choose Yes (print it) or No (leave it out) in the "
     "cell's dropdown, or leave it empty to decide later."),
    ("review.columns.missing", {"columns": ("'Include'",), "expected": ("Kind", "Theme")},
     "ERROR r.xlsx › Review › E2: The first row has no column 'Include'. Keep the first row as the build wrote "
     "it: Kind, Theme."),
    ("review.row.repeated", {"first": 2},
     "WARNING r.xlsx › Review › E2: This row repeats row 2: only row 2's Include and Wording count. "
     "Delete one of the two rows."),
])
def test_review_messages_read_as_before(code, params, shown):
    assert str(issue(code, Location("r.xlsx", "Review", "E2"), **params)) == shown


def test_every_config_and_review_template_is_filled_by_its_own_fields():
    for code, t in messages.ALL.items():
        if code.startswith(("config.", "review.")):
            filled = messages.render(code, {f: f"<{f}>" for f in t.fields()})
            assert "{" not in filled.message.replace("{{", "") or code == "config.pattern.invalid", code
            assert filled.message.strip(), code
