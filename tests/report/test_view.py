"""The report's view depends on no input stage and no file format: building it loads no openpyxl,
Pillow, lxml or docx, and no module of inputs/, xlsx/ or render/ (it will run in a browser too)."""

from __future__ import annotations

import subprocess
import sys

from reports import sample_content

from competency_maps.report.view import Properties, ReportContent


def test_importing_the_report_loads_no_input_stage_and_no_file_format():
    code = ("import sys, competency_maps.report.content, competency_maps.report.assemble\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'PIL', 'lxml', 'docx', 'docxtpl',"
            " 'weasyprint', 'cairosvg') or m.startswith(('competency_maps.inputs', 'competency_maps.xlsx',"
            " 'competency_maps.render')))\n"
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_view_hands_the_files_properties_as_finished_values():
    content = sample_content()
    assert isinstance(content, ReportContent) and not hasattr(content, "d")
    assert content.properties == Properties("en", content.properties.date, "Mov'eo",
                                            "Regrouping European Clusters in a Partnership of Excellence for Mobility",
                                            "Cluster analysis, services, network, partners, business model, SMEs")
    assert content.properties.created == "2020-10-02"
