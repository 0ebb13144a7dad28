""".html and .htm: the main text of the page, with its title, publication date and URL.

The main text (the article without menus, footers and comments) is trafilatura's;
offsets of facts index into exactly that text. The metadata comes from the page's
meta tags (article:published_time, og:url, og:title, date, dc.date, …), then from its
JSON-LD (a NewsArticle's datePublished, url, headline), then from the text's own
footer lines, then from htmldate's reading of the markup. A malformed page is read as
far as it can be, with a warning for each part that could not be.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from extract.readers.dates import parse_date
from extract.readers.document import Document, ReadError
from extract.readers.encoding import decode
from extract.readers.footers import from_text
from extract.readers.plain import read_bytes
from extract.readers.size import DEFAULT_MAX_SIZE

# Meta tags by the field they give, best first; names are compared in lower case and
# may be in name=, property= or itemprop=.
PUBLISHED_TAGS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
)
MAX_TITLE = 400
"""A longer title, or one with tags in it, is the rest of a page swallowed by an unclosed <title>."""
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
URL_TAGS = ("og:url", "twitter:url", "parsely-link")
TITLE_TAGS = ("og:title", "twitter:title", "dc.title", "parsely-title", "headline")
ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "liveblogposting",
     "opinionnewsarticle", "backgroundnewsarticle", "report", "webpage"}
)

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    # Their parse complaints would reach stderr through logging's last resort; ours are warnings.
    logging.getLogger(_name).addHandler(logging.NullHandler())


def read_html(path: Path, max_size: int | None = DEFAULT_MAX_SIZE) -> Document:
    data = read_bytes(path, max_size)
    name = str(path)
    page, _ = decode(name, data)  # empty and binary files are errors, as for text; the page's charset rules
    warnings: list[str] = []
    tree = _parse(data, page)
    if tree is None:
        raise ReadError(f"{name}: not an HTML page (it could not be parsed)", name)
    found: dict[str, tuple[str, str]] = {}
    _collect(found, _meta_tags(tree), warnings, name)
    _collect(found, _json_ld(tree, name, warnings), warnings, name)
    _collect(found, _title_element(tree), warnings, name)
    text = _main_text(tree, name, warnings)
    document = Document(
        path=name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        published=parse_date(found["published"][0]) if "published" in found else None,
        url=found["url"][0] if "url" in found else None,
        title=found["title"][0] if "title" in found else None,
        origins={key: origin for key, (_, origin) in found.items()},
        warnings=warnings,
    )
    document = from_text(document, header=False)
    if document.published is None:
        document = _htmldate(document, tree)
    return document


def _parse(data: bytes, page: str) -> Any:
    from trafilatura import load_html

    try:
        tree = load_html(data)
        if tree is None:  # a fragment ("<p>…</p>" alone) is not a page to trafilatura: make it one
            tree = load_html(f"<html><body><div>{page}</div></body></html>")
    except Exception:
        return None
    return tree


def _collect(
    found: dict[str, tuple[str, str]], items: Iterator[tuple[str, str, str]], warnings: list[str], path: str
) -> None:
    """Keep the first good value of each field; a date that is none, or that disagrees with the first, warns."""
    for key, value, origin in items:
        if key == "published":
            day = parse_date(value)
            if day is None:
                warnings.append(f"{path}: {origin} {value!r} is not a date; ignored")
                continue
            first = parse_date(found[key][0]) if key in found else day
            if first != day:
                warnings.append(f"{path}: {found[key][1]} says {first}, {origin} says {day}; published is {first}")
        elif key == "title" and (len(value) > MAX_TITLE or _TAG.search(value)):
            warnings.append(f"{path}: {origin} holds markup or is too long (an unclosed <title>?); ignored")
            continue
        found.setdefault(key, (value, origin))


def _title_element(tree: Any) -> Iterator[tuple[str, str, str]]:
    title = tree.findtext(".//title")
    if title and title.strip():
        yield "title", " ".join(title.split()), "<title>"


def _meta_tags(tree: Any) -> Iterator[tuple[str, str, str]]:
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = (element.get("content") or "").strip()
        if key and content:
            tags.setdefault(key.strip().lower(), content)
    for element in tree.iter("time"):  # <time itemprop="datePublished" datetime="…">
        if (element.get("itemprop") or "").lower() == "datepublished" and element.get("datetime"):
            tags.setdefault("datepublished", element.get("datetime").strip())
    for field, names in (("published", PUBLISHED_TAGS), ("url", URL_TAGS), ("title", TITLE_TAGS)):
        for name in names:
            if name in tags:
                yield field, tags[name], f"meta {name}"
                break
        if field == "url":
            for element in tree.iter("link"):
                if "canonical" in (element.get("rel") or "").lower().split() and element.get("href"):
                    yield "url", element.get("href").strip(), "link rel=canonical"
                    break


def _json_ld(tree: Any, path: str, warnings: list[str]) -> Iterator[tuple[str, str, str]]:
    scripts = [s for s in tree.iter("script") if (s.get("type") or "").strip().lower() == "application/ld+json"]
    for number, script in enumerate(scripts, 1):
        try:
            data = json.loads(script.text or "", strict=False)
        except json.JSONDecodeError as error:
            warnings.append(f"{path}: JSON-LD block {number} is not valid JSON ({error.msg}, line {error.lineno}); "
                            "ignored")
            continue
        for item in _ld_objects(data):
            kinds = item.get("@type")
            names = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
            kind = next((n for n in names if isinstance(n, str) and n.lower() in ARTICLE_TYPES), None)
            if kind is None:
                continue
            for field, key in (("published", "datePublished"), ("url", "url"), ("title", "headline")):
                value = item.get(key)
                if isinstance(value, str) and value.strip():
                    yield field, value.strip(), f"JSON-LD {kind}.{key}"


def _ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD value: a list, an @graph, or the object itself."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"])


def _main_text(tree: Any, path: str, warnings: list[str]) -> str:
    import trafilatura

    text: str | None = None
    try:
        text = trafilatura.extract(copy.deepcopy(tree), include_comments=False, include_tables=True)
    except Exception as error:  # a page trafilatura chokes on is read as plain text below
        warnings.append(f"{path}: main text extraction failed ({type(error).__name__}); reading all the page's text")
    else:
        if not text or not text.strip():
            warnings.append(f"{path}: no main text found; reading all the page's text")
    if not text or not text.strip():
        try:
            text = trafilatura.html2txt(tree)
        except Exception:
            text = ""
    if not text or not text.strip():
        raise ReadError(f"{path}: no text in this HTML page", path)
    return text


def _htmldate(document: Document, tree: Any) -> Document:
    """The date htmldate reads in the markup (no guess from the text): the last resort for a page."""
    from htmldate import find_date

    try:
        found = find_date(copy.deepcopy(tree), extensive_search=False, original_date=True)
    except Exception:
        return document
    published = parse_date(found) if found else None
    if published is None:
        return document
    return replace(document, published=published, origins={**document.origins, "published": "htmldate (markup)"})
