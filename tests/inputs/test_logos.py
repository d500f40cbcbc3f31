"""Logos: the project's (deliverable.toml) and each partner's (inputs/logos/), in both outputs; a bad
one is an error naming the file, and nothing in it is fetched."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest
from reports import INPUTS, sample_content, sample_docx, sample_gathered

from competency_maps.inputs import config
from competency_maps.cli import main
from competency_maps.console import Console
from competency_maps.errors import ConfigError
from competency_maps.inputs.gather import gather

HOSTILE = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" '
           b'height="9"><image xlink:href="file:///etc/passwd"/></svg>')


@pytest.mark.slow
def test_every_sample_cluster_and_the_project_have_their_logo_in_both_outputs():
    g = sample_gathered()
    assert g.deliverable.logo is not None and all(c.profile.logo is not None for c in g.clusters)
    content = sample_content()
    keys = {p.key for p in content.pictures}
    assert {"logo-project"} | {f"logo-ch{i}" for i in range(1, 6)} | {f"logo-about{i}" for i in range(1, 6)} == keys
    with zipfile.ZipFile(io.BytesIO(sample_docx())) as z:
        body = z.read("word/document.xml").decode()
    alts = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)
    for c in g.clusters:  # by its chapter title and in "About the partners"
        assert alts.count(f"{c.profile.display_name} logo") == 2
    assert alts.count("RECIPE4MOBILITY") == 2  # cover and back page
    from competency_maps.render.pdf.render import render_figures, render_html
    html = render_html(content)
    figures = render_figures(content)
    for key in keys:
        assert f'src="memory:{key}"' in html and f"memory:{key}" in figures


@pytest.mark.slow
def test_a_hostile_partner_logo_is_an_error_naming_the_file(inputs):
    (inputs / "logos" / "Mov'eo.svg").write_bytes(HOSTILE)
    g = gather(inputs)
    [issue] = [i for i in g.errors if "logos/" in str(i.location)]
    assert issue.location.file == "logos/Mov'eo.svg"
    assert (issue.code, issue.params["cluster"]) == ("logo.file.unusable", "Mov'eo")
    assert issue.params["reason"].code == "image.svg.element" and issue.params["reason"].params["element"] == "image"
    out = io.StringIO()
    code = main(["--inputs", str(inputs), "check", str(inputs / "moveo.xlsx")], Console(out, io.StringIO(),
                                                                                       progress=False))
    assert code == 1 and "logos/Mov'eo.svg" in out.getvalue()


@pytest.mark.slow
def test_a_logo_named_after_no_cluster_is_a_warning(inputs):
    shutil.copy(inputs / "logos" / "Mobinov.svg", inputs / "logos" / "Mobinow.svg")
    g = gather(inputs)
    [issue] = [i for i in g.all_issues if not i.is_error and "Mobinow" in str(i.location)]
    assert issue.code == "logo.file.no_cluster" and not g.errors


@pytest.mark.slow
def test_a_logo_linked_from_outside_the_inputs_is_refused(inputs, tmp_path):
    outside = tmp_path / "secret.svg"
    outside.write_bytes((INPUTS / "logos" / "Mobinov.svg").read_bytes())
    (inputs / "logos" / "Mobinov.svg").unlink()
    (inputs / "logos" / "Mobinov.svg").symlink_to(outside)
    [issue] = [i for i in gather(inputs).errors if i.location.file == "logos/Mobinov.svg"]
    assert issue.code == "logo.file.unusable" and issue.params["reason"].code == "image.not_inside"


@pytest.mark.parametrize("value, message", [('"../secret.svg"', "goes up out of the inputs folder"),
                                            ('"logo.gif"', "not a .png or .jpg or .jpeg or .svg file"),
                                            ('"bad.svg"', "<image>")])
def test_a_bad_project_logo_is_an_error_at_its_key(inputs, value, message):
    (inputs / "bad.svg").write_bytes(HOSTILE)
    toml = inputs / "deliverable.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('logo = "recipe4mobility-logo.svg"', f"logo = {value}"),
                    encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        config.load(inputs)
    assert message in str(e.value.as_issue()) and "cover › logo" in str(e.value.as_issue())


def _paste(picture: bytes, at: str = "D2", again: bytes | None = None):
    from openpyxl.drawing.image import Image as XlImage

    def edit(wb):
        ws = wb["Cluster"]
        ws.add_image(XlImage(io.BytesIO(picture)), at)
        if again is not None:
            ws.add_image(XlImage(io.BytesIO(again)), "D12")
    return edit


def _png(width: int = 60, height: int = 30) -> bytes:
    from PIL import Image as Pil
    buf = io.BytesIO()
    Pil.new("RGB", (width, height), "teal").save(buf, "PNG")
    return buf.getvalue()


def test_a_logo_pasted_on_the_cluster_sheet_is_the_clusters_logo(tmp_path, make_workbook, schema):
    from competency_maps.inputs.reader import read_workbook
    res = read_workbook(make_workbook(tmp_path, edit=_paste(_png(), again=_png(10, 10))), schema)
    assert not res.errors and res.cluster.profile.logo is not None
    assert res.cluster.profile.logo.format == "png" and res.cluster.profile.logo.width == 60
    [second] = [i for i in res.warnings if i.code == "logo.pasted.second"]
    assert str(second.location).endswith("Cluster › D12")


def test_a_pasted_picture_that_is_no_plain_image_is_an_error_at_its_cell(tmp_path, make_workbook, schema,
                                                                         monkeypatch):
    from competency_maps.inputs import images
    from competency_maps.inputs.reader import read_workbook
    monkeypatch.setattr(images, "MAX_PIXELS", 100)  # a picture of more pixels than a logo may have
    res = read_workbook(make_workbook(tmp_path, edit=_paste(_png(), at="E5")), schema)
    [issue] = res.errors
    assert str(issue.location).endswith("Cluster › E5") and issue.code == "logo.pasted.unusable"
    assert issue.params["reason"].code == "image.too_many_pixels"
    assert res.cluster is None or res.cluster.profile.logo is None


def test_the_read_me_says_where_the_logo_goes(schema):
    from competency_maps.xlsx.blank import readme_rows
    from competency_maps.model.schema import LOGO_HELP
    assert any(LOGO_HELP in " ".join(map(str, row)) for row in readme_rows(schema, "X"))
