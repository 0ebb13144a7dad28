from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from extract import __version__
from extract.cli import main
from extract.errors import OptionError
from schemas import FACT_ADAPTER

ARTICLE = (
    "KYIV, Nov. 17 — Russia launched 96 drones and four ballistic missiles at Ukraine overnight, "
    "the air force said. Air defences shot down 62 of the drones.\n"
)
LATIN1 = "Le café de Kharkiv a été touché : la Russie a lancé 40 drones pendant la nuit, dont 25 ont été abattus.\n"

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "latin.md").write_bytes(LATIN1.encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "ignored.pdf").write_bytes(b"%PDF-1.4")
    return folder


def facts_of(output: str) -> list[dict[str, Any]]:
    lines = output.splitlines()
    for line in lines:
        FACT_ADAPTER.validate_json(line)
    return [json.loads(line) for line in lines]


def test_version(capsys: Capture) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"newsfacts {__version__}\n" == "newsfacts 0.1.0\n"


def test_schema_is_json_with_a_discriminator_on_kind(capsys: Capture) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["discriminator"]["propertyName"] == "kind"
    kinds = set(schema["discriminator"]["mapping"])
    assert {"drones", "missiles", "troops", "casualties", "prison_sentence", "interest_rate"} <= kinds


def test_extract_goes_on_past_bad_inputs_and_reports_each(mixed: Path, capsys: Capture) -> None:
    missing = mixed / "nowhere.txt"
    assert main(["extract", str(mixed), str(missing)]) == 0
    captured = capsys.readouterr()
    paths = {fact["doc"]["path"] for fact in facts_of(captured.out)}
    assert paths <= {str(mixed / "good.txt"), str(mixed / "sub" / "latin.md")}
    errors = [line for line in captured.err.splitlines() if line.startswith("newsfacts: error:")]
    for bad in ("empty.txt", "binary.txt", "nowhere.txt"):
        assert len([line for line in errors if bad in line]) == 1, bad
    assert len(errors) == 3
    warnings = [line for line in captured.err.splitlines() if line.startswith("newsfacts: warning:")]
    assert len(warnings) == 1 and "latin.md" in warnings[0] and "UTF-8" in warnings[0]
    assert "2 documents read, 3 skipped" in captured.err
    assert "Traceback" not in captured.err


def test_extract_writes_csv_to_a_file(mixed: Path, tmp_path: Path, capsys: Capture) -> None:
    assert main(["extract", str(mixed / "good.txt"), "--lang", "en", "--published", "2024-11-17"]) == 0
    facts = facts_of(capsys.readouterr().out)
    target = tmp_path / "facts.csv"
    assert main(["extract", str(mixed / "good.txt"), "--lang", "en", "--published", "2024-11-17", "--format", "csv",
                 "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["span.text"] for row in rows] == [fact["span"]["text"] for fact in facts]
    assert {row["doc.published"] for row in rows} <= {"2024-11-17"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["docs", "facts.csv"]


def test_extract_with_no_readable_document_exits_1(tmp_path: Path, capsys: Capture) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "blob.md").write_bytes(b"\x00" * 100)
    assert main(["extract", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "0 documents read, 2 skipped" in captured.err


def test_extract_of_an_empty_folder_exits_1(tmp_path: Path, capsys: Capture) -> None:
    assert main(["extract", str(tmp_path)]) == 1
    assert f"{tmp_path}: no .txt, .md, .html, .htm, .json or .jsonl documents" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--lang", "xx"], "unknown language"),
        (["--published", "2024-13-45"], "2024-13-45"),
        (["--published", "yesterday"], "yesterday"),
        (["--rules", "/no/such/rules"], "/no/such/rules"),
        (["--format", "xml"], "xml"),
    ],
)
def test_bad_options_exit_2_with_one_line(mixed: Path, capsys: Capture, options: list[str], message: str) -> None:
    assert main(["extract", str(mixed / "good.txt"), *options]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "error" in lines[0] and message in lines[0]


def test_an_unwritable_output_exits_2(mixed: Path, tmp_path: Path, capsys: Capture) -> None:
    assert main(["extract", str(mixed / "good.txt"), "-o", str(tmp_path / "no" / "out.jsonl")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_debug_shows_the_traceback(mixed: Path) -> None:
    with pytest.raises(OptionError):
        main(["--debug", "extract", str(mixed / "good.txt"), "--lang", "xx"])


PAGE = """<html><head><title>Drones | News</title>
<meta property="og:title" content="Drones over Ukraine"><meta property="og:url" content="https://news.example/d">
<meta property="article:published_time" content="2024-11-17T08:15:00Z"></head>
<body><nav>Home | World</nav><article><p>Russia launched 96 drones at Ukraine overnight, the air force said.</p>
<p>Air defences shot down 62 of the drones, it said in a statement.</p></article></body></html>
"""


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"id": "a1", "body": "Russia launched 96 drones overnight.", "date": "2024-11-17"}),
        '{"id": "a2", "body": "Ukraine shot',
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps({"id": "a4", "body": "Air defences shot down 62 of 145 drones."}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_text_prints_exactly_the_text_offsets_index_into(tmp_path: Path, capsys: Capture) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["text", str(page)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Russia launched 96 drones") and "Home" not in text and "<p>" not in text
    assert main(["extract", str(page)]) == 0
    for fact in facts_of(capsys.readouterr().out):
        assert text[fact["span"]["start"] : fact["span"]["end"]] == fact["span"]["text"]
        assert fact["doc"]["url"] == "https://news.example/d" and fact["doc"]["published"] == "2024-11-17"
        assert fact["doc"]["title"] == "Drones over Ukraine"


def test_text_meta_prints_the_metadata_and_where_it_came_from(tmp_path: Path, capsys: Capture) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.meta.json").write_text('{"published": "2024-11-16"}', encoding="utf-8")
    assert main(["text", "--meta", str(page)]) == 0
    meta = json.loads(capsys.readouterr().out)
    assert {key: meta[key] for key in ("published", "url", "title")} == {
        "published": "2024-11-16",
        "url": "https://news.example/d",
        "title": "Drones over Ukraine",
    }
    assert meta["origins"] == {"published": "sidecar page.meta.json", "url": "meta og:url", "title": "meta og:title"}


def test_text_of_records_names_one_by_id(feed: Path, capsys: Capture) -> None:
    text_field = ["--text-field", "body"]
    assert main(["text", f"{feed}#a4", *text_field]) == 0
    assert capsys.readouterr().out == "Air defences shot down 62 of 145 drones."
    assert main(["text", str(feed), *text_field]) == 2
    assert f"name one as {feed}#ID (ids: a1, a4)" in capsys.readouterr().err
    assert main(["text", f"{feed}#a3", *text_field]) == 1
    assert capsys.readouterr().err == f"newsfacts: error: {feed}:3: no text field (tried body)\n"
    assert main(["text", "--meta", str(feed), *text_field]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["record"] for line in captured.out.splitlines()] == ["a1", "a4"]
    assert f"{feed}:2: invalid JSON" in captured.err


def test_extract_reads_each_record_and_reports_bad_lines(feed: Path, capsys: Capture) -> None:
    assert main(["extract", str(feed), "--text-field", "content,body", "--published", "2024-11-20"]) == 0
    captured = capsys.readouterr()
    facts = facts_of(captured.out)
    assert {(f["doc"]["path"], f["span"]["text"], f["doc"]["published"]) for f in facts} == {
        (f"{feed}#a1", "96", "2024-11-20"),
        (f"{feed}#a4", "62", "2024-11-20"),
        (f"{feed}#a4", "145", "2024-11-20"),
    }
    errors = [line for line in captured.err.splitlines() if line.startswith("newsfacts: error:")]
    assert errors == [
        f"newsfacts: error: {feed}:2: invalid JSON: Unterminated string starting at (column 22)",
        f"newsfacts: error: {feed}:3: no text field (tried content, body)",
    ]
    assert "2 documents read, 2 skipped, 3 facts" in captured.err


def test_a_bad_field_option_exits_2(feed: Path, capsys: Capture) -> None:
    assert main(["extract", str(feed), "--id-field", ","]) == 2
    assert "--id-field" in capsys.readouterr().err
