"""newsfacts report and show: the page is one self-contained file whose embedded data no document can break out of."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import make_fact

from extract.cli import main
from extract.engine import DocumentResult
from extract.report import ReportData, render_report, script_json
from schemas import DocumentMeta

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
HOSTILE = (
    "Russia launched 96 drones </script><script>window.pwned = 1</script> overnight, and <b>62</b> "
    "were shot down <!-- an unclosed comment & an </SCRIPT > in capitals, \u2028 a line separator."
)


def hostile_result() -> DocumentResult:
    doc = {"path": "evil </script>.txt", "sha256": "0" * 64, "lang": "en", "title": "<b>Title</b> </script>"}
    facts = [
        make_fact(HOSTILE, "96", "drones", {"status": "launched"}, doc=doc, quantity={"value": 96}),
        make_fact(HOSTILE, "62", "drones", {"status": "destroyed"}, doc=doc, quantity={"value": 62}),
    ]
    return DocumentResult(path=doc["path"], doc=DocumentMeta.model_validate(doc), facts=facts, text=HOSTILE)


def embedded(page: str) -> str:
    (data,) = re.findall(r'<script type="application/json" id="newsfacts-data">(.*?)</script>', page, re.DOTALL)
    return data


def test_script_json_leaves_nothing_that_could_end_a_script_element() -> None:
    text = script_json({"text": HOSTILE})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"text": HOSTILE}


def test_a_document_with_markup_stays_data() -> None:
    data = ReportData()
    data.add(hostile_result())
    page = render_report(data, title="<i>mine</i>")
    payload = json.loads(embedded(page))
    assert payload["documents"][0]["text"] == HOSTILE
    assert [fact["text"] for fact in payload["facts"]] == ["96", "62"]
    assert page.count("</script>") == 2  # the data's own element and the script's
    assert "<title>&lt;i&gt;mine&lt;/i&gt;</title>" in page


def test_the_page_needs_no_network(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "report.html"
    assert main(["report", str(EXAMPLES), "-o", str(page)]) == 0
    assert "3 documents, 30 facts, 0 skipped" in capsys.readouterr().err
    html = page.read_text(encoding="utf-8")
    outside = embedded(html)
    code = html.replace(outside, "")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", code)
    assert "<link" not in code and "@import" not in code and "fetch(" not in code
    assert len(json.loads(outside)["facts"]) == 30


def test_report_skips_unreadable_documents_and_refuses_to_write_an_empty_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page = tmp_path / "report.html"
    assert main(["report", str(empty), "-o", str(page)]) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err and "not written" in err and not page.exists()
    assert main(["report", str(empty), str(EXAMPLES / "breakdown_fr.txt"), "-o", str(page)]) == 0
    assert "1 document, " in capsys.readouterr().err and page.exists()


def test_report_requires_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLES)]) == 2
    assert "-o/--output" in capsys.readouterr().err


def test_show_prints_the_text_and_one_row_per_fact(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "220")
    assert main(["show", str(EXAMPLES / "breakdown_fr.txt")]) == 0
    out = capsys.readouterr().out
    assert "neutralisés dans les régions de Koursk (12), Belgorod (9)" in out
    assert "10 facts" in out
    rows = [line for line in out.splitlines() if re.match(r"│\s+\d+ │", line)]
    assert len(rows) == 10
    assert any("fr.drones.count" in row and "status=destroyed" in row and "La Russie" in row for row in rows)


def test_show_names_a_record_of_a_jsonl_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [{"id": "a1", "text": "Russia launched 96 drones overnight."}, {"id": "b2", "text": "Nothing here."}]
    feed.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    assert main(["show", f"{feed}#a1", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Russia launched 96 drones" in out and "Nothing here" not in out
    assert main(["show", f"{feed}#zz"]) == 1
    assert "no readable record 'zz'" in capsys.readouterr().err
