"""The HTML report in a real browser: headless Chromium (Debian's package) driven by Playwright.

Skipped, with the reason, where Playwright or Chromium is missing; `.ci/run` installs Chromium so these run in CI.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_report import hostile_result

from extract import Extractor
from extract.engine import DocumentResult
from extract.report import ReportData, write_report
from schemas import FACT_MODELS, DocumentMeta, Fact

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
)

CHROMIUM = os.environ.get("NEWSFACTS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).is_file():
    pytest.skip(
        f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set NEWSFACTS_CHROMIUM; .ci/run installs it)",
        allow_module_level=True,
    )

# Without these, Chromium tries to reach Google's services at start and logs errors.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


class Page:
    """A browser page on a report file, collecting console errors and uncaught exceptions."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", self._no_network)
        started = time.perf_counter()
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        self.load_seconds = time.perf_counter() - started

    def _no_network(self, request: Any) -> None:
        if not request.url.startswith(("file:", "data:", "about:")):
            self.errors.append(f"network request: {request.url}")

    def count(self, selector: str) -> int:
        return int(self.page.locator(selector).count())


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def report(results: list[DocumentResult], path: Path) -> ReportData:
    data = ReportData()
    for result in results:
        data.add(result)
    write_report(data, path)
    return data


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ReportData]:
    path = tmp_path_factory.mktemp("report") / "examples.html"
    return path, report(list(Extractor().extract_dir(EXAMPLES)), path)


def test_every_fact_is_highlighted_and_clicking_one_shows_its_details(
    browser: Any, examples: tuple[Path, ReportData], tmp_path: Path
) -> None:
    path, data = examples
    view = Page(browser, path)
    assert view.count("#documents mark.fact") == len(data.facts) == 30
    assert view.count("#documents article.doc") == len(data.documents) == 3

    target = next(i for i, fact in enumerate(data.facts) if fact["kind"] == "prison_sentence")
    fact = data.facts[target]
    assert view.page.is_hidden("#details")
    view.page.click(f'#documents mark.fact[data-fact="{target}"]')
    assert view.page.is_visible("#details")
    details = view.page.inner_text("#details")
    assert fact["rule"] in details and "prison_sentence" in details and fact["text"] in details
    assert "charge" in details and "modifier" in details and "when" in details and "source" in details

    shot = tmp_path / "report.png"
    view.page.screenshot(path=str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    assert view.errors == []


def test_filtering_by_kind_changes_the_table_and_sorting_orders_it(
    browser: Any, examples: tuple[Path, ReportData]
) -> None:
    path, data = examples
    view = Page(browser, path)
    assert view.count("#facts-table tbody tr") == 30
    drones = sum(fact["kind"] == "drones" for fact in data.facts)
    view.page.select_option("#filter-kind", "drones")
    assert view.count("#facts-table tbody tr") == drones < 30
    assert set(view.page.locator("#facts-table tbody tr td:first-child").all_inner_texts()) == {"drones"}
    assert view.count("#charts .chart") == 1

    view.page.click('#facts-table th[data-sort="value"]')
    values = [float(text.replace(",", "")) for text in view.page.locator("#facts-table tbody td.num").all_inner_texts()]
    assert values == sorted(values)
    view.page.click('#facts-table th[data-sort="value"]')
    values = [float(text.replace(",", "")) for text in view.page.locator("#facts-table tbody td.num").all_inner_texts()]
    assert values == sorted(values, reverse=True)

    view.page.select_option("#filter-kind", "")
    view.page.select_option("#filter-lang", "fr")
    french = sum(data.documents[fact["doc"]]["lang"] == "fr" for fact in data.facts)
    assert view.count("#facts-table tbody tr") == french
    assert view.count("#documents article.doc") == 1
    assert view.errors == []


def test_a_document_holding_markup_and_script_tags_shows_as_text(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    report([hostile_result()], path)
    view = Page(browser, path)
    assert view.page.evaluate("typeof window.pwned") == "undefined"
    assert view.count("#documents b") == 0
    text = view.page.inner_text("#documents .text")
    assert "</script><script>window.pwned = 1</script>" in text and "<b>62</b>" in text
    assert view.count("#documents mark.fact") == 2
    assert "<b>Title</b>" in view.page.inner_text("#documents h3")
    assert view.errors == []


def synthetic(documents: int, facts_per_document: int) -> list[DocumentResult]:
    """Documents of dated facts of every core kind, to load the page as a large corpus would."""
    kinds: list[tuple[str, dict[str, Any], str | None]] = [
        ("drones", {"status": "launched"}, None),
        ("drones", {"status": "destroyed"}, None),
        ("missiles", {"status": "launched"}, None),
        ("troops", {"country": "KP"}, None),
        ("casualties", {"outcome": "killed", "group": "civilian"}, None),
        ("prison_sentence", {"in_absentia": True}, "year"),
        ("interest_rate", {"direction": "raised"}, "percent"),
        ("percentage", {}, "percent"),
        ("money", {"currency": "USD"}, None),
        ("people", {}, None),
    ]
    day = dt.date(2024, 1, 1)
    results = []
    for number in range(documents):
        published = day + dt.timedelta(days=number % 366)
        doc = DocumentMeta(path=f"corpus/{number:04d}.txt", sha256=f"{number:064x}", lang="en", published=published)
        sentences = [f"Item {i}: {number % 97 + i + 1} things were counted. " for i in range(facts_per_document)]
        text = "".join(sentences)
        facts: list[Fact] = []
        offset = 0
        for i, sentence in enumerate(sentences):
            kind, attributes, unit = kinds[i % len(kinds)]
            value = number % 97 + i + 1
            start = offset + sentence.index(": ") + 2
            end = start + len(str(value))
            record = {
                "kind": kind,
                "quantity": {"value": value, "unit": unit, "modifier": "exact"},
                "attributes": attributes,
                "span": {"start": start, "end": end, "text": text[start:end]},
                "sentence": {"start": offset, "end": offset + len(sentence) - 1, "text": sentence[:-1]},
                "doc": doc,
                "when": {"start": published, "end": published, "text": "overnight"},
                "rule": f"en.{kind}.synthetic",
                "extractor": "newsfacts 0.1.0",
            }
            facts.append(FACT_MODELS[kind].model_validate(record))  # type: ignore[arg-type]
            offset += len(sentence)
        results.append(DocumentResult(path=doc.path, doc=doc, facts=facts, text=text))
    return results


def test_two_thousand_documents_and_twenty_thousand_facts_load_quickly(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "large.html"
    data = report(synthetic(2000, 10), path)
    assert (len(data.documents), len(data.facts)) == (2000, 20_000)
    view = Page(browser, path)
    assert view.load_seconds < 20, f"the page took {view.load_seconds:.1f} s to load"
    assert view.count("#documents article.doc") == 20
    assert view.count("#documents mark.fact") == 200
    assert view.count("#facts-table tbody tr") == 50
    assert view.count("#charts .chart") == 6
    assert "of 2000" not in view.page.inner_text("#documents-count")

    started = time.perf_counter()
    view.page.select_option("#filter-kind", "interest_rate")
    assert view.count("#facts-table tbody tr") == 50
    assert "2000 of 20000" in view.page.inner_text("#table-count")
    view.page.click("#documents-pager button:has-text('next')")
    assert "page 2 of 100" in view.page.inner_text("#documents-pager")
    assert time.perf_counter() - started < 10
    view.page.locator("#facts-table tbody tr").nth(3).click()
    assert view.page.is_visible("#details")
    assert view.errors == []
