import pytest

from competency_maps.model.schema import (D21_TOPICS, FORMATS, LISTS_SHEET, PROFILE_SHEET, QUADRANTS,
                                    README_SHEET, STRATEGIES, STYLES, build_schema, match_choice)

T1, T2, T3 = D21_TOPICS


@pytest.mark.parametrize("typed, expected", [
    ("Strength", "Strength"),
    ("strengths", "Strength"),
    (" Threat ", "Threat"),
    ("THREATS", "Threat"),
    ("weaknesses", "Weakness"),
    ("opportunities", "Opportunity"),
    ("Opportunity", "Opportunity"),
])
def test_quadrant_tolerance(typed, expected):
    assert match_choice(typed, QUADRANTS) == expected


@pytest.mark.parametrize("typed, expected", [
    ("S-O", "S-O"),
    ("S\u2013O", "S-O"),  # en dash
    ("W\u2014T", "W-T"),  # em dash
    ("s-t", "S-T"),
    (" W - O ", "W-O"),
])
def test_strategy_tolerance(typed, expected):
    assert match_choice(typed, STRATEGIES) == expected


@pytest.mark.parametrize("typed, expected", [
    ("Cluster in its environment - funders, partners, network", T3),
    ("cluster in its environment: funders partners network", T3),
    ("Cluster\u2019s business model and internal management", T1),  # curly apostrophe
    ("Topic 2: Cluster's services and ability to attract/retain members", T2),
    ("  Cluster's services and ability to attract / retain members  ", T2),
])
def test_topic_tolerance(typed, expected):
    assert match_choice(typed, D21_TOPICS) == expected


@pytest.mark.parametrize("typed, choices", [
    ("Stength", QUADRANTS),
    ("Strong", QUADRANTS),
    ("", QUADRANTS),
    ("   ", QUADRANTS),
    ("S-X", STRATEGIES),
    ("Cluster's business model", D21_TOPICS),  # a different topic, not a spelling of one
    ("Numberd", STYLES),
])
def test_refusals(typed, choices):
    assert match_choice(typed, choices) is None


def test_build_schema_sheets_and_columns():
    s = build_schema()
    assert [sh.name for sh in s.sheets] == ["Step 1", "SWOT", "TOWS", "Step 2 notes",
                                           "Notes to the coordinator"]
    assert [c.name for c in s.sheet("Step 1").columns] == ["Style", "Text"]
    assert [c.name for c in s.sheet("SWOT").columns] == ["Topic", "Quadrant", "Group", "Entry"]
    assert [c.name for c in s.sheet("TOWS").columns] == ["Topic", "Strategy", "Format", "Entry"]
    assert [c.name for c in s.sheet("Step 2 notes").columns] == ["Label", "Style", "Text", "Language"]
    assert [c.name for c in s.sheet("Notes to the coordinator").columns] == ["Note"]
    assert [sh.optional for sh in s.sheets] == [False, False, False, True, True]
    assert s.all_sheet_names == (README_SHEET, PROFILE_SHEET, "Step 1", "SWOT", "TOWS", "Step 2 notes",
                                 "Notes to the coordinator", "Summary", LISTS_SHEET, "Check")
    assert s.topics == D21_TOPICS


def test_lists_follow_the_schema():
    s = build_schema(["Alpha", "Beta"])
    assert s.lists == {"Styles": STYLES, "Topics": ("Alpha", "Beta"), "Quadrants": QUADRANTS,
                       "Strategies": STRATEGIES, "Formats": FORMATS}
    assert s.sheet("SWOT").column("Topic").choices == ("Alpha", "Beta")
    assert s.sheet("TOWS").column("Topic").choices == ("Alpha", "Beta")


def test_closed_columns_have_a_list_and_open_ones_none():
    for sheet in build_schema().sheets:
        for c in sheet.columns:
            assert c.closed == bool(c.list_name), (sheet.name, c.name)
