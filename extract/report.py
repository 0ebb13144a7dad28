"""One self-contained HTML page to review facts in context: documents with highlights, a facts table, charts.

The page embeds its data as JSON and renders it with the small script in assets/report.js;
it needs no network. Document text is escaped for its <script> element here and only ever
set as text by the script, so a document holding `</script>` or markup cannot break the page.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from extract.engine import EXTRACTOR, DocumentResult
from extract.writers import atomic_file
from schemas import Fact

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_SCRIPT_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


@dataclass
class ReportData:
    """The documents and facts a page shows, gathered one document result at a time."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def add(self, result: DocumentResult) -> None:
        if result.error is not None or result.doc is None:
            self.skipped.append(result.error or result.path)
            return
        if result.text is None:
            raise ValueError(f"{result.path}: the result carries no text to show its facts in")
        doc = result.doc
        index = len(self.documents)
        self.documents.append(
            {
                "path": doc.path,
                "title": doc.title,
                "url": doc.url,
                "published": doc.published.isoformat() if doc.published else None,
                "lang": doc.lang,
                "sha256": doc.sha256,
                "text": result.text,
            }
        )
        self.facts.extend(_fact_entry(index, fact) for fact in result.facts)


def _fact_entry(document: int, fact: Fact) -> dict[str, Any]:
    """What the page needs of a fact; the sentence is kept as offsets, its text is in the document."""
    quantity = fact.quantity
    when = fact.when
    return {
        "doc": document,
        "kind": fact.kind,
        "start": fact.span.start,
        "end": fact.span.end,
        "text": fact.span.text,
        "value": quantity.value,
        "low": quantity.low,
        "high": quantity.high,
        "unit": quantity.unit,
        "modifier": quantity.modifier.value,
        "attributes": fact.attributes.model_dump(mode="json"),
        "when": {"start": when.start.isoformat(), "end": when.end.isoformat(), "text": when.text} if when else None,
        "source": fact.source.text if fact.source else None,
        "rule": fact.rule,
        "sentenceStart": fact.sentence.start,
        "sentenceEnd": fact.sentence.end,
    }


def script_json(data: Any) -> str:
    """JSON that can sit inside a <script> element: no '<', '>' or '&' survive to close it or open a comment."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE)


def _asset(name: str) -> str:
    return resources.files("extract").joinpath("assets", name).read_text(encoding="utf-8")


def render_report(data: ReportData, title: str = "newsfacts report") -> str:
    payload = {
        "extractor": EXTRACTOR,
        "documents": data.documents,
        "facts": data.facts,
        "skipped": len(data.skipped),
    }
    parts = {
        "title": html.escape(title),
        "extractor": html.escape(EXTRACTOR),
        "style": _asset("report.css"),
        "script": _asset("report.js"),
        "data": script_json(payload),
    }
    # One pass, so that nothing inserted (a document's text) is ever read as a placeholder.
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], _asset("report.html"))


def write_report(data: ReportData, path: Path, title: str = "newsfacts report") -> None:
    """Write the page in one piece: `path` is replaced only once it is complete."""
    page = render_report(data, title)
    with atomic_file(path) as stream:
        stream.write(page)
