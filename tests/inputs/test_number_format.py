"""Numbers and dates read as Excel shows them: the cell's number format applied."""

from __future__ import annotations

import datetime as dt

import pytest

from competency_maps.errors import Severity
from competency_maps.inputs.number_format import Unsupported, locale_date, shown
from competency_maps.inputs.reader import read_workbook
from competency_maps.model.schema import PROFILE_SHEET
from competency_maps.inputs.validate import _field_row


@pytest.mark.parametrize("value, number_format, expected", [
    (0.35, "0%", "35%"),
    (0.355, "0.0%", "35.5%"),
    (1234567.891, "#,##0.00", "1,234,567.89"),
    (1234567.891, "#,##0", "1,234,568"),
    (2.5, "0", "3"),  # Excel rounds half away from zero
    (5, "0.00", "5.00"),
    (3.2, "0.0#", "3.2"),
    (0.5, "#.00", ".50"),
    (-5.5, "#,##0.00;[Red]-#,##0.00", "-5.50"),
    (-5.5, "#,##0.00;(#,##0.00)", "(5.50)"),
    (-5.5, "0.0", "-5.5"),
    (0, '0.00;-0.00;"–"', "–"),
    (1234.5, '"€"#,##0.00', "€1,234.50"),
    (1234.5, "[$€-407]#,##0.00", "€1,234.50"),
    (1234.5, '#,##0.00 "EUR"', "1,234.50 EUR"),
    (1500000, '#,##0.0,,"M"', "1.5M"),
    (12345.678, "0.00E+00", "1.23E+04"),
    (42, '"about "General', "about 42"),
    (dt.datetime(2024, 3, 1), "dd/mm/yyyy", "01/03/2024"),
    (dt.datetime(2024, 3, 1), "[$-407]dd.mm.yyyy", "01.03.2024"),
    (dt.datetime(2024, 3, 1, 14, 5), "d mmmm yyyy hh:mm", "1 March 2024 14:05"),
    (dt.datetime(2024, 3, 1, 14, 5), "h:mm AM/PM", "2:05 PM"),
    (dt.datetime(2024, 3, 1), "mmm-yy", "Mar-24"),
    (dt.datetime(2024, 3, 1), "dddd, d mmmm yyyy", "Friday, 1 March 2024"),
    (dt.time(9, 30), "hh:mm:ss", "09:30:00"),
])
def test_a_number_or_date_is_shown_as_its_format_says(value, number_format, expected):
    assert shown(value, number_format) == expected


def test_general_and_text_formats_leave_the_value_to_the_reader():
    assert shown(42.0, "General") is None and shown(0.35, "@") is None


@pytest.mark.parametrize("number_format", ["# ?/?", "[<10]0;0.0", "[h]:mm", "0.00 foo"])
def test_a_format_beyond_what_is_supported_is_said_not_guessed(number_format):
    with pytest.raises(Unsupported):
        shown(5.25, number_format)


def test_the_computers_own_date_format_is_recognised():
    assert locale_date("mm-dd-yy") and locale_date("[$-F800]dddd, mmmm dd, yyyy")
    assert not locale_date("dd/mm/yyyy")


def _formatted(cells: dict[str, tuple[object, str]]):
    def edit(wb) -> None:
        for ref, (value, number_format) in cells.items():
            sheet, cell = ref.rsplit("!", 1)
            wb[sheet][cell] = value
            wb[sheet][cell].number_format = number_format
    return edit


def test_entries_read_as_excel_shows_them(tmp_path, make_workbook, schema):
    res = read_workbook(make_workbook(tmp_path, edit=_formatted({
        "SWOT!D2": (0.35, "0%"), "SWOT!D3": (1234567.891, "#,##0.00"),
        "SWOT!D4": (dt.datetime(2024, 3, 1), "dd/mm/yyyy"), "SWOT!D5": (7, "General")})), schema)
    assert res.issues == []
    assert [e.plain for e in res.cluster.swot[:4]] == ["35%", "1,234,567.89", "01/03/2024", "7"]


def test_a_format_that_cannot_be_applied_or_a_computers_date_names_the_cell(tmp_path, make_workbook, schema):
    res = read_workbook(make_workbook(tmp_path, edit=_formatted({
        "SWOT!D2": (0.25, "# ?/?"), "SWOT!D3": (dt.datetime(2024, 3, 1), "mm-dd-yy")})), schema)
    by_cell = {i.location.cell: i for i in res.issues}
    assert by_cell["D2"].code == "cell.number_format.unsupported" and by_cell["D2"].severity is Severity.WARNING
    assert by_cell["D2"].params["printed"] == "0.25" and by_cell["D2"].params["number_format"] == "# ?/?"
    assert by_cell["D3"].code == "cell.number_format.locale_date" and by_cell["D3"].params["printed"] == "2024-03-01"
    assert [e.plain for e in res.cluster.swot[:2]] == ["0.25", "2024-03-01"]


def test_the_smes_error_quotes_what_the_partner_sees(tmp_path, make_workbook, schema):
    cell = f"{PROFILE_SHEET}!B{_field_row('SMEs')}"
    res = read_workbook(make_workbook(tmp_path, edit=_formatted({cell: (0.7, "0%")})), schema)
    [error] = res.errors
    assert error.location.cell == cell.split("!")[1]
    assert error.code == "profile.number.invalid" and error.params["value"] == "70%"
