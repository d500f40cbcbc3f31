"""Which notes and entries are set right to left."""

from competency_maps.report.direction import rtl_language, rtl_text


def test_right_to_left_languages_by_their_code_whatever_the_region_or_case():
    assert all(rtl_language(c) for c in ("he", "ar", "AR", "fa-IR", "ur", "yi", "ar_EG"))
    assert not any(rtl_language(c) for c in ("de", "en-GB", "hu", "", "arn"))


def test_an_entry_is_right_to_left_when_its_first_letter_is():
    assert rtl_text("שלום, Zone Cluster") and rtl_text("2024: مرحبا") and rtl_text("«שלום»")
    assert not rtl_text("Zone Cluster: שלום") and not rtl_text("2024 – 35 %") and not rtl_text("")
