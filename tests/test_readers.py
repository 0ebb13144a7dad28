"""Readers: text, HTML and JSON/JSONL records to text plus metadata (published, url, title) and where each came from."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from extract import Extractor
from extract.errors import OptionError
from extract.readers import (
    Document,
    ReadError,
    RecordFields,
    iter_paths,
    parse_date,
    read_document,
    read_documents,
)
from extract.readers.dates import weekday_dates

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXTRACTOR = Extractor()
BODY = "Russia launched 96 drones and four missiles at Ukraine overnight. Air defences shot down 62 of the drones.\n"

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Russia launches 96 drones at Ukraine | Example News</title>
<meta property="og:title" content="Russia launches 96 drones at Ukraine">
<meta property="og:url" content="https://news.example.com/world/drones">
<meta property="article:published_time" content="2024-11-17T08:15:00+02:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe for 5 euros</nav>
<article>
<h1>Russia launches 96 drones at Ukraine</h1>
<p>KYIV, Nov. 17 — Russia launched 96 drones and four ballistic missiles at Ukraine overnight, the air force said.</p>
<p>Air defences shot down 62 of the drones, the air force said in a statement on Telegram.</p>
<p>Another 30 drones were lost to electronic jamming, it said.</p>
</article>
<footer>© 2024 Example News. 12 offices in 7 countries.</footer>
</body></html>
"""

LD_PAGE = """<html><head><title>Frappes</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "url": "https://journal.example.fr/"},
  {"@type": ["NewsArticle"], "headline": "Quarante drones abattus", "datePublished": "2024-11-12T06:30:00Z",
   "url": "https://journal.example.fr/ukraine/drones"}
]}
</script></head>
<body><article><p>La Russie a lancé 40 drones pendant la nuit, dont 25 ont été abattus, selon l'armée de l'air
ukrainienne. Les défenses aériennes ont été actives dans six régions du pays.</p></article></body></html>
"""

MALFORMED = """<html><head><title>Drones over Odesa</title>
<meta property="og:url" content="https://example.org/odesa">
<meta name="date" content="sometime last week">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-11-17", </script>
<body><div><p>Russia launched 40 drones at Odesa overnight, and air defences shot down 25 of them.<p>Unclosed <b>bold
<i>text</div></span></td><table><tr><td>cell</table></body
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def documents(path: Path, fields: RecordFields | None = None) -> tuple[list[Document], list[ReadError]]:
    items = list(read_documents(path, fields))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ReadError)]


# Text files: the text as is, and what its header and footer lines say.


def test_a_text_file_is_read_as_is_with_the_hash_of_its_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", BODY)
    document = read_document(path)
    assert document.text == BODY
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (document.published, document.url, document.title, document.origins) == (None, None, None, {})


@pytest.mark.parametrize(
    ("footer", "day"),
    [
        ("Publish date : 2024-11-10 14:01:43", "2024-11-10"),
        ("Publié le 12 novembre 2024 à 14h05", "2024-11-12"),
        ("Publié le 1er novembre 2024", "2024-11-01"),
        ("Publicado el 12 de noviembre de 2024", "2024-11-12"),
        ("Veröffentlicht am 12.11.2024", "2024-11-12"),
        ("Stand: 12.11.2024 14:00 Uhr", "2024-11-12"),
        ("Published on Tuesday, November 12, 2024", "2024-11-12"),
        ("• Date de publication : 12/11/2024", "2024-11-12"),
    ],
)
def test_a_publication_footer_gives_the_date(tmp_path: Path, footer: str, day: str) -> None:
    document = read_document(write(tmp_path / "a.md", f"{BODY}\n{footer}\n\nTags : Ukraine\n"))
    assert str(document.published) == day
    assert document.origins["published"] == f"text line 3: {footer.strip()}"


@pytest.mark.parametrize(
    "line",
    [
        "The report was published on November 12, 2024 by the ministry.",
        "Le président russe à Kazan, le 24 octobre 2024",
        "Stand der Dinge am 12. November 2024 laut Kiew",
        "Publié il y a deux heures",
    ],
)
def test_a_date_in_the_body_is_no_publication_date(tmp_path: Path, line: str) -> None:
    assert read_document(write(tmp_path / "a.txt", f"{BODY}{line}\n{BODY}")).published is None


def test_a_source_link_footer_gives_the_url(tmp_path: Path) -> None:
    text = f"{BODY}\n\nSource link : https://www.example.fr/monde/article-123/).\n\nAuthor :\n"
    document = read_document(write(tmp_path / "a.txt", text))
    assert document.url == "https://www.example.fr/monde/article-123/"
    assert document.origins["url"].startswith("text line 4: Source link : https://")
    assert read_document(write(tmp_path / "b.txt", f"{BODY}Source : AFP\n")).url is None


@pytest.mark.parametrize(
    ("header", "day"),
    [
        ("Hoy Tuesday, November 12, 2024French Chancellor believes that nothing changes.", "2024-11-12"),
        ("Ce jeudi 24 octobre 2024", "2024-10-24"),
        ("Mardi 12 novembre 2024 - Le direct", "2024-11-12"),
        ("Dienstag, 12. November 2024", "2024-11-12"),
    ],
)
def test_a_dated_header_line_gives_the_date_when_nothing_better_does(tmp_path: Path, header: str, day: str) -> None:
    document = read_document(write(tmp_path / "a.txt", f"Live: the war in Ukraine\n{header}\n{BODY}"))
    assert str(document.published) == day and document.origins["published"].startswith("header line 2: ")
    footed = read_document(write(tmp_path / "b.txt", f"{header}\n{BODY}Publish date : 2024-11-14 10:00:00\n"))
    assert str(footed.published) == "2024-11-14"


def test_a_dated_line_far_from_the_top_is_no_header(tmp_path: Path) -> None:
    text = "".join(f"Paragraph {n} of the article.\n" for n in range(12)) + "The 12 November 2024 meeting.\n"
    assert read_document(write(tmp_path / "a.txt", text)).published is None
    dated = read_document(write(tmp_path / "b.txt", text + "Mardi 12 novembre 2024\n"))
    assert dated.origins["published"] == "stated in text line 14: Mardi 12 novembre 2024"


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("Le ministre a déclaré jeudi 7 novembre qu'il viendrait. Hier soir, deux drones sont tombés.", "2024-11-07"),
        ("Die Polizei meldete am Dienstag, 12. November, drei Festnahmen.", "2024-11-12"),
        ("El ministerio informó el martes 12 de noviembre de 2024 y el lunes 11 de noviembre.", "2024-11-12"),
        ("On Monday, November 11, officials spoke; on Sunday, November 10, 2024 they met.", "2024-11-11"),
    ],
)
def test_the_latest_day_named_with_its_weekday_is_the_last_resort(tmp_path: Path, body: str, day: str) -> None:
    document = read_document(write(tmp_path / "a.txt", f"{body}\n"))
    assert str(document.published) == day
    assert document.origins["published"].startswith("stated in text line 1: ")


def test_a_weekday_that_disagrees_with_its_date_states_nothing(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "a.txt", "Le sommet aura lieu lundi 7 novembre 2024.\n"))
    assert document.published is None


def test_the_year_a_weekday_gives_is_never_after_today() -> None:
    ((_, day),) = weekday_dates("jeudi 7 novembre", dt.date(2026, 11, 21))
    assert day == dt.date(2024, 11, 7)
    ((_, day),) = weekday_dates("jeudi 7 novembre", dt.date(2019, 11, 6))
    assert day == dt.date(2013, 11, 7)


def test_parse_date_reads_every_form_and_refuses_relative_dates() -> None:
    assert parse_date("2024-11-17T08:15:00+02:00") == dt.date(2024, 11, 17)
    assert parse_date("17.11.2024") == parse_date("Sun, 17 Nov 2024 08:15:00 GMT") == dt.date(2024, 11, 17)
    assert parse_date("11/27/2024") == dt.date(2024, 11, 27)
    assert parse_date("12 de noviembre de 2024") == dt.date(2024, 11, 12)
    assert parse_date("yesterday") is None and parse_date("31.02.2024") is None


# Sidecars override what the document says.


def test_a_sidecar_overrides_the_footer(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", f"{BODY}Publish date : 2024-11-10 14:01:43\nSource link : https://a.example/1\n")
    write(tmp_path / "a.meta.json", json.dumps({"published": "2024-11-09", "title": "Drones", "lang": "en"}))
    document = read_document(path)
    assert (str(document.published), document.url, document.title, document.lang) == (
        "2024-11-09",
        "https://a.example/1",
        "Drones",
        "en",
    )
    assert document.origins["published"] == "sidecar a.meta.json"
    assert document.origins["url"].startswith("text line 3")
    assert document.warnings == []


def test_a_sidecar_null_clears_and_its_unknown_keys_warn(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", f"{BODY}Publish date : 2024-11-10 14:01:43\n")
    write(tmp_path / "a.meta.json", json.dumps({"published": None, "author": "X", "url": 3}))
    document = read_document(path)
    assert document.published is None and document.origins["published"] == "sidecar a.meta.json (null)"
    assert len(document.warnings) == 2
    assert "unknown key 'author'" in document.warnings[0] and "url must be a string" in document.warnings[1]


def test_a_broken_sidecar_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", BODY)
    write(tmp_path / "a.meta.json", '{"published": ')
    (warning,) = read_document(path).warnings
    assert "a.meta.json" in warning and "invalid JSON at line 1" in warning


def test_the_sidecar_language_is_used_and_published_overrides_everything(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", f"{BODY}Publish date : 2024-11-10 14:01:43\n")
    write(tmp_path / "a.meta.json", json.dumps({"lang": "en", "published": "2024-11-11"}))
    result = EXTRACTOR.extract_file(path)
    assert result.doc is not None and (result.doc.lang, str(result.doc.published)) == ("en", "2024-11-11")
    overridden = EXTRACTOR.extract_file(path, published="2024-11-30")
    assert overridden.doc is not None and str(overridden.doc.published) == "2024-11-30"
    assert {str(fact.doc.published) for fact in overridden.facts} == {"2024-11-30"}


# HTML pages.


def test_an_html_page_gives_its_main_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE)
    document = read_document(path)
    assert "Russia launched 96 drones" in document.text and "Air defences shot down 62" in document.text
    assert "Subscribe" not in document.text and "offices" not in document.text and "<p>" not in document.text
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (str(document.published), document.url, document.title) == (
        "2024-11-17",
        "https://news.example.com/world/drones",
        "Russia launches 96 drones at Ukraine",
    )
    assert document.origins == {
        "published": "meta article:published_time",
        "url": "meta og:url",
        "title": "meta og:title",
    }


def test_json_ld_gives_what_meta_tags_do_not(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "page.htm", LD_PAGE))
    assert (str(document.published), document.url, document.title) == (
        "2024-11-12",
        "https://journal.example.fr/ukraine/drones",
        "Quarante drones abattus",
    )
    assert document.origins["published"] == "JSON-LD NewsArticle.datePublished"
    assert document.text.startswith("La Russie a lancé 40 drones")


def test_a_malformed_page_is_read_as_far_as_it_can_be_with_warnings(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "bad.html", MALFORMED))
    assert "Russia launched 40 drones at Odesa" in document.text
    assert document.url == "https://example.org/odesa" and document.title == "Drones over Odesa"
    assert any("'sometime last week' is not a date" in warning for warning in document.warnings)
    assert any("JSON-LD block 1 is not valid JSON" in warning for warning in document.warnings)
    assert all(warning.startswith(f"{tmp_path / 'bad.html'}: ") for warning in document.warnings)
    result = EXTRACTOR.extract_file(tmp_path / "bad.html")
    assert result.error is None and {f.span.text for f in result.facts} >= {"40", "25"}


def test_an_unclosed_title_is_no_title(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "bad.html", MALFORMED.replace("</title>", "")))
    assert document.title is None and any("unclosed <title>" in warning for warning in document.warnings)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"<html><head><title>Nothing</title></head><body></body></html>", "no text in this HTML page"),
        (b"  \n", "empty file"),
    ],
)
def test_an_html_file_without_text_is_a_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.html"
    path.write_bytes(content)
    result = EXTRACTOR.extract_file(path)
    assert result.error is not None and result.error.startswith(f"{path}: ") and message in result.error
    assert "\n" not in result.error


def test_an_html_fragment_and_a_declared_charset_are_read(tmp_path: Path) -> None:
    (tmp_path / "f.html").write_bytes(b"<p>Russia launched 40 drones.</p>")
    assert read_document(tmp_path / "f.html").text == "Russia launched 40 drones."
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>La Russie a lancé 40 drones.</p></body></html>'
    (tmp_path / "l.html").write_bytes(latin.encode("latin-1"))
    document = read_document(tmp_path / "l.html")
    assert document.text == "La Russie a lancé 40 drones." and document.warnings == []


def test_the_offsets_of_facts_in_an_html_page_quote_the_produced_text(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE)
    text = read_document(path).text
    result = EXTRACTOR.extract_file(path)
    assert result.doc is not None and result.doc.url == "https://news.example.com/world/drones"
    assert {f.span.text for f in result.facts} >= {"96", "62", "30"}
    for fact in result.facts:
        assert text[fact.span.start : fact.span.end] == fact.span.text
        assert text[fact.sentence.start : fact.sentence.end] == fact.sentence.text
        assert fact.doc.title == "Russia launches 96 drones at Ukraine" and str(fact.doc.published) == "2024-11-17"


# JSON and JSONL records.

JSONL = "\n".join(
    [
        json.dumps({"id": "a1", "text": "Russia launched 96 drones overnight.", "published": "2024-11-17T08:00:00Z",
                    "url": "https://x.example/a1", "title": "Drones"}),
        '{"id": "b2", "text": "broken',
        json.dumps({"id": 7, "body": "Ukraine shot down 12 missiles.", "date": "Sun, 17 Nov 2024 08:15:00 GMT"}),
        json.dumps({"id": "d4", "title": "no text here"}),
        "",
        json.dumps({"content": "La Russie a lancé 30 drones.", "date": "someday"}),
        "[1, 2]",
    ]
) + "\n"


def test_a_jsonl_file_gives_one_document_per_record_and_reports_bad_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", JSONL)
    found, errors = documents(path)
    assert [(d.path, d.record, d.text) for d in found] == [
        (f"{path}#a1", "a1", "Russia launched 96 drones overnight."),
        (f"{path}#7", "7", "Ukraine shot down 12 missiles."),
        (f"{path}#6", "6", "La Russie a lancé 30 drones."),
    ]
    assert [str(e) for e in errors] == [
        f"{path}:2: invalid JSON: Unterminated string starting at (column 22)",
        f"{path}:4: no text field (tried text, content, body, article, maintext)",
        f"{path}:7: not a JSON object but list; records are objects",
    ]
    assert [e.path for e in errors] == [f"{path}#2", f"{path}#d4", f"{path}#7"]
    first, second, third = found
    assert first.sha256 == hashlib.sha256(first.text.encode("utf-8")).hexdigest()
    assert (str(first.published), first.url, first.title) == ("2024-11-17", "https://x.example/a1", "Drones")
    assert first.origins == {"published": "record field 'published'", "url": "record field 'url'",
                             "title": "record field 'title'"}
    assert str(second.published) == "2024-11-17" and second.origins == {"published": "record field 'date'"}
    assert third.published is None and third.warnings == [f"{path}:6: date 'someday' is not a date; ignored"]


def test_record_fields_are_configurable_and_may_reach_into_objects(tmp_path: Path) -> None:
    record = {"key": "n-1", "article": {"body": ["First paragraph.", "Russia launched 5 drones."]},
              "when": 1731830400, "href": "https://x.example/n-1", "text": "not this one"}
    path = write(tmp_path / "one.json", json.dumps(record))
    fields = RecordFields.from_options(text="article.body,text", published="when", url="href", id="key")
    (document,), errors = documents(path, fields)
    assert errors == []
    assert document.path == f"{path}#n-1" and document.text == "First paragraph.\n\nRussia launched 5 drones."
    assert (str(document.published), document.url) == ("2024-11-17", "https://x.example/n-1")
    with pytest.raises(OptionError, match="--text-field"):
        RecordFields.from_options(text="text,,body")


def test_a_json_list_names_records_by_their_line(tmp_path: Path) -> None:
    items = [{"text": "Russia launched 96 drones."}, {"id": "x", "text": "Ukraine shot down 12 missiles."}, {}]
    path = write(tmp_path / "list.json", "[\n" + ",\n".join(json.dumps(item) for item in items) + "\n]\n")
    found, errors = documents(path)
    assert [d.path for d in found] == [f"{path}#2", f"{path}#x"]
    assert [str(e) for e in errors] == [f"{path}:4: no text field (tried text, content, body, article, maintext)"]
    broken = write(tmp_path / "broken.json", '[\n{"text": "Russia launched 96 drones."},\n{"text": oops}\n]')
    found, errors = documents(broken)
    assert [d.path for d in found] == [f"{broken}#2"]
    assert [str(e) for e in errors] == [
        f"{broken}:3: invalid JSON: Expecting value (column 10); the records after it are not read"
    ]


def test_extract_records_is_lazy_and_extract_file_takes_a_single_record(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", JSONL)
    results = EXTRACTOR.extract_records(path)
    assert not isinstance(results, list)
    by_path = {r.path: r for r in results}
    assert by_path[f"{path}#2"].error == f"{path}:2: invalid JSON: Unterminated string starting at (column 22)"
    assert by_path[f"{path}#2"].record == "2"
    facts = by_path[f"{path}#a1"].facts
    assert [(f.span.text, f.doc.path, f.doc.url, str(f.doc.published)) for f in facts] == [
        ("96", f"{path}#a1", "https://x.example/a1", "2024-11-17")
    ]
    several = EXTRACTOR.extract_file(path)
    assert several.error == f"{path}: several records: read them with extract_records"
    single = write(tmp_path / "one.json", json.dumps({"text": "Russia launched 96 drones."}))
    assert [f.span.text for f in EXTRACTOR.extract_file(single).facts] == ["96"]


def test_the_offsets_of_facts_in_a_record_quote_its_text(tmp_path: Path) -> None:
    text = "KYIV — Russia launched 96 drones overnight.\n\nAir defences shot down 62 of them, the air force said."
    path = write(tmp_path / "feed.jsonl", json.dumps({"id": "r1", "text": text}) + "\n")
    (result,) = EXTRACTOR.extract_records(path)
    assert {f.span.text for f in result.facts} >= {"96", "62"}
    for fact in result.facts:
        assert text[fact.span.start : fact.span.end] == fact.span.text
        assert fact.doc.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_a_sidecar_applies_to_every_record_and_warns_once(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", JSONL)
    write(tmp_path / "feed.meta.json", json.dumps({"published": "2024-11-01", "source": "wire"}))
    found, _ = documents(path)
    assert {str(d.published) for d in found} == {"2024-11-01"}
    assert sum("unknown key 'source'" in w for d in found for w in d.warnings) == 1
    write(path, "{broken\n" + JSONL)  # the first document still carries the warning
    found, _ = documents(path)
    assert "unknown key 'source'" in found[0].warnings[0]


# Walking folders.


def test_folders_are_walked_for_every_format_but_sidecars_and_expected_facts(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.html", "d.htm", "e.json", "f.jsonl", "a.meta.json", "g.expected.jsonl", "h.pdf"):
        write(tmp_path / name, "x")
    assert [p.name for p in iter_paths([tmp_path]) if isinstance(p, Path)] == [
        "a.txt", "b.md", "c.html", "d.htm", "e.json", "f.jsonl"
    ]


def test_extract_dir_reads_records_as_documents(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "page.html", PAGE)
    write(tmp_path / "feed.jsonl", JSONL)
    results = list(EXTRACTOR.extract_dir(tmp_path))
    assert len(results) == 2 + 6
    assert sum(r.error is not None for r in results) == 3


# The seed articles' footers and headers.


def seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def test_seed_003_footer_gives_the_date_and_the_source_link() -> None:
    document = read_document(seed("003"))
    assert document.published == dt.date(2024, 11, 10)
    assert document.url == (
        "https://www.lexpress.fr/monde/europe/guerre-en-ukraine-vladimir-poutine-signe-laccord-de-defense-mutuelle"
        "-avec-la-coree-du-nord-VLU2TJCV2ZA5ZIRR3JYVYVAAZQ/"
    )
    assert document.origins["published"] == "text line 18: Publish date : 2024-11-10 14:01:43"


@pytest.mark.parametrize(
    ("prefix", "day", "origin"), [("002", "2024-11-07", "jeudi 7 novembre"), ("004", "2024-10-24", "jeudi 24 octobre")]
)
def test_seeds_without_a_dateline_are_dated_by_the_day_they_name(prefix: str, day: str, origin: str) -> None:
    document = read_document(seed(prefix))
    assert str(document.published) == day and origin in document.origins["published"]


def test_seed_000_header_gives_the_date() -> None:
    document = read_document(seed("000"))
    assert document.published == dt.date(2024, 11, 12)
    assert document.origins["published"].startswith("header line 2: Hoy Tuesday, November 12, 2024")
