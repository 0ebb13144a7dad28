"""The pipeline: document -> sentences -> quantities -> rule matches -> validated facts."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from extract import __version__
from extract.budget import DEFAULT_TIME_BUDGET, BudgetExceeded, document_budget
from extract.enrich import Enricher
from extract.errors import InputError, OptionError
from extract.language import detect_language, sentence_language
from extract.lexicon import BUILTIN_RULES_DIR, available_languages, link_line, load_lexicon
from extract.quantities import scan
from extract.readers import (
    DEFAULT_MAX_SIZE,
    Document,
    ReadError,
    RecordFields,
    is_record_file,
    iter_paths,
    read_document,
    read_documents,
)
from extract.rules import NOTHING_BEFORE, Candidate, RuleSet, load_rules, masked, match_sentence
from extract.text import Sentence, split_sentences
from schemas import FACT_MODELS, DocumentMeta, Fact

EXTRACTOR = f"newsfacts {__version__}"


@lru_cache(maxsize=512)
def _ruleset(lang: str, dirs: tuple[Path, ...], exclude: frozenset[str]) -> RuleSet:
    """The compiled rules for `lang` without the excluded ones, built once per exclusion set."""
    ruleset = load_rules(lang, dirs)
    kept = [rule for rule in ruleset.rules if rule.id not in exclude]
    return ruleset if len(kept) == len(ruleset.rules) else RuleSet(lang, kept)


def sentences_of(text: str, lang: str) -> list[Sentence]:
    lexicon = load_lexicon(lang, BUILTIN_RULES_DIR)
    return split_sentences(text, lexicon.abbreviations, lexicon.ordinal_after, link_line())


def candidates(
    text: str,
    ruleset: RuleSet,
    quoted: Callable[[str], RuleSet] | None = None,
    langs: tuple[str, ...] = (),
    sentences: list[Sentence] | None = None,
) -> list[Candidate]:
    """The matches of a rule set's rules in `text` (in the rule set's language), before validation.

    With `quoted`, a sentence that is mostly a quotation in another of `langs` is
    read with that language's lexicon and the rule set `quoted` gives for it.
    """
    lang = ruleset.lang
    if sentences is None:
        sentences = sentences_of(text, lang)
    mentions = scan(text, lang)
    found: list[Candidate] = []
    index = 0
    previous = NOTHING_BEFORE
    for sentence in sentences:
        while index < len(mentions) and mentions[index].start < sentence.start:
            index += 1
        inside = []
        while index < len(mentions) and mentions[index].end <= sentence.end:
            inside.append(mentions[index])
            index += 1
        rules = ruleset
        if quoted is not None:
            own = text[sentence.start : sentence.end]
            sentence_lang = sentence_language(own, lang, langs)
            if sentence_lang != lang:
                rules = quoted(sentence_lang)
                shift = sentence.start
                inside = [replace(m, start=m.start + shift, end=m.end + shift) for m in scan(own, sentence_lang)]
        current = masked(text, sentence, inside)
        if inside:
            found.extend(match_sentence(rules, text, sentence, inside, current, previous))
        previous = current
    return found


class DocumentResult(BaseModel):
    """What one document gave: its metadata and facts, or why it was skipped."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    path: str
    doc: DocumentMeta | None = None
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    error: str | None = None
    record: str | None = None
    """For a record of a JSON/JSONL file: its id, or its line number (`path` is then ``file.jsonl#<record>``)."""
    text: str | None = Field(default=None, repr=False)
    """The document's text as read, which the facts' offsets index into (for reports that show facts in place)."""


def _detects(lang: str | None) -> bool:
    """Whether `lang` asks for the language to be detected."""
    return lang is None or lang == "auto"


def parse_published(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise OptionError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from None


class Extractor:
    """Extracts facts from text, files and folders. Rule packs are compiled once per language.

    `rules_dirs` adds user rule folders on top of the built-in ones; `langs`
    restricts the languages considered (default: every language with a lexicon);
    `exclude_rules` leaves out the rules with those ids (to see what a rule adds);
    `time_budget` bounds the seconds spent on one document, `max_size` the bytes of a file
    read (None or 0: no bound).
    """

    def __init__(
        self,
        rules_dirs: Sequence[Path | str] = (),
        langs: Iterable[str] | None = None,
        exclude_rules: Iterable[str] = (),
        time_budget: float | None = DEFAULT_TIME_BUDGET,
        max_size: int | None = DEFAULT_MAX_SIZE,
    ) -> None:
        if time_budget is not None and not time_budget >= 0:
            raise OptionError(f"time budget {time_budget!r} is not a number of seconds >= 0")
        self.time_budget = time_budget
        self.max_size = max_size
        self._warmed: set[str] = set()
        self.dirs = (BUILTIN_RULES_DIR, *(Path(d) for d in rules_dirs))
        missing = [str(d) for d in self.dirs if not d.is_dir()]
        if missing:
            raise OptionError(f"rules folder not found: {', '.join(missing)}")
        known = sorted({lang for d in self.dirs for lang in available_languages(d)})
        self.langs = tuple(langs) if langs is not None else tuple(known)
        unknown = [lang for lang in self.langs if lang not in known]
        if unknown:
            raise OptionError(f"unknown language {', '.join(unknown)} (known: {', '.join(known)})")
        self.exclude_rules = frozenset(exclude_rules)
        for lang in sorted({child.name for d in self.dirs[1:] for child in d.iterdir()} & set(self.langs)):
            self.ruleset(lang)  # a broken user rule file fails here, not at the first document in its language
        if self.exclude_rules:
            ids = {rule.id for lang in self.langs for rule in load_rules(lang, self.dirs).rules}
            if self.exclude_rules - ids:
                raise OptionError(f"unknown rule id {', '.join(sorted(self.exclude_rules - ids))} (exclude_rules)")

    def ruleset(self, lang: str) -> RuleSet:
        return _ruleset(lang, self.dirs, self.exclude_rules)

    def language_of(self, text: str, lang: str | None = None) -> str:
        if _detects(lang):
            return detect_language(text, self.langs)
        if lang not in self.langs:
            raise OptionError(f"unknown language {lang!r} (known: {', '.join(self.langs)})")
        return lang

    def candidates(self, text: str, lang: str, quotations: bool = False) -> list[Candidate]:
        """Rule matches before validation: the fast inner loop.

        `quotations`: also read sentences that quote another language in that language.
        """
        return candidates(text, self.ruleset(lang), self.ruleset if quotations else None, self.langs)

    def extract_text(
        self,
        text: str,
        lang: str | None = None,
        published: str | dt.date | None = None,
        path: str = "<text>",
        sha256: str | None = None,
    ) -> list[Fact]:
        return self._extract(text, lang, parse_published(published), path, sha256)[1]

    def _extract(
        self, text: str, lang: str | None, published: dt.date | None, path: str, sha256: str | None
    ) -> tuple[str, list[Fact]]:
        """The text's language (detected once, for documents without facts too) and its facts.

        Only in a detected language may a sentence that quotes another one be read in its own.
        """
        language = self.language_of(text, lang)
        meta = DocumentMeta(
            path=path,
            sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
            lang=language,
            published=published,
        )
        ruleset = self._warm(language)
        try:
            with document_budget(self.time_budget):
                sentences = sentences_of(text, language)
                quoted = self.ruleset if _detects(lang) else None
                found = candidates(text, ruleset, quoted, self.langs, sentences=sentences)
                enricher = Enricher(text, language, meta.published, sentences, [c.mention.start for c in found])
                return language, [self._fact(text, candidate, meta, enricher) for candidate in found]
        except BudgetExceeded as error:
            raise BudgetExceeded(
                f"{path}: extraction stopped {error}; no facts kept (raise it with --time-budget or time_budget=)"
            ) from None

    def _warm(self, lang: str) -> RuleSet:
        """The language's rules, with every lazy set-up (patterns, date parser data) done outside any budget.

        A budget is for the document's own text: the first document of a language must not
        pay for compiling, so the rules' own examples are run once, unbounded, beforehand.
        """
        ruleset = self.ruleset(lang)
        if self.time_budget and lang not in self._warmed:
            self._warmed.add(lang)
            examples = "\n".join(example.text for rule in ruleset.rules for example in rule.examples[:1])
            budget, self.time_budget = self.time_budget, None
            try:
                self.extract_text(examples, lang, published="2024-11-10")
            finally:
                self.time_budget = budget
        return ruleset

    def _fact(self, text: str, candidate: Candidate, meta: DocumentMeta, enricher: Enricher) -> Fact:
        mention, sentence = candidate.mention, candidate.sentence
        model = FACT_MODELS[candidate.kind]
        # One validation per fact, of plain data: its parts are not built as models one by one.
        return model.model_validate(  # type: ignore[return-value]
            {
                "kind": candidate.kind,
                "quantity": mention.quantity_fields(candidate.unit),
                "attributes": candidate.attributes,
                "span": {"start": mention.start, "end": mention.end, "text": text[mention.start : mention.end]},
                "sentence": {"start": sentence.start, "end": sentence.end, "text": text[sentence.start : sentence.end]},
                "doc": meta,
                "when": enricher.when(candidate),
                "source": enricher.source(candidate),
                "rule": candidate.rule,
                "extractor": EXTRACTOR,
            }
        )

    def extract_document(
        self, document: Document, lang: str | None = None, published: str | dt.date | None = None
    ) -> DocumentResult:
        """Facts of a document as read: `published` overrides the document's own date, `lang` its own language."""
        warnings = list(document.warnings)
        if _detects(lang) and document.lang is not None:
            if document.lang in self.langs:
                lang = document.lang
            else:
                where = document.origins.get("lang", "metadata")
                known = ", ".join(self.langs)
                problem = f"language {document.lang!r} ({where}) is not one of {known}; detecting it"
                warnings.append(f"{document.path}: {problem}")
        day = parse_published(published) or document.published
        language, facts = self._extract(document.text, lang, day, document.path, document.sha256)
        doc = DocumentMeta(
            path=document.path,
            sha256=document.sha256,
            lang=language,
            published=day,
            url=document.url,
            title=document.title,
        )
        if document.url or document.title:
            facts = [fact.model_copy(update={"doc": doc}) for fact in facts]
        return DocumentResult(
            path=document.path, record=document.record, doc=doc, facts=facts, warnings=warnings, text=document.text
        )

    def extract_file(
        self,
        path: Path | str,
        lang: str | None = None,
        published: str | dt.date | None = None,
        fields: RecordFields | None = None,
    ) -> DocumentResult:
        """One document; a file that cannot be read gives a result with `error` set.

        A JSON/JSONL file gives its one record; one with several records is an error (see extract_records).
        """
        day = parse_published(published)
        if is_record_file(Path(path)):
            results = list(itertools.islice(self.extract_records(path, lang, day, fields), 2))
            if len(results) == 1:
                return results[0]
            problem = "no records" if not results else "several records: read them with extract_records"
            return DocumentResult(path=str(path), error=f"{path}: {problem}")
        try:
            document = read_document(Path(path), self.max_size)
        except InputError as error:
            return DocumentResult(path=str(path), error=str(error))
        return self._extract_read(document, lang, day)

    def extract_records(
        self,
        path: Path | str,
        lang: str | None = None,
        published: str | dt.date | None = None,
        fields: RecordFields | None = None,
    ) -> Iterator[DocumentResult]:
        """Lazily, one result per record of a JSON/JSONL file (one for a text or HTML file).

        A record that cannot be read (broken JSON line, no text) gives a result with `error`
        set, ``file.jsonl:LINE: …``; the others are read. `fields` names the fields to read.
        """
        return self._records(Path(path), lang, parse_published(published), fields)

    def _records(
        self,
        path: Path,
        lang: str | None,
        published: dt.date | None,
        fields: RecordFields | None,
        skip: Callable[[Document], bool] | None = None,
    ) -> Iterator[DocumentResult]:
        for item in self.documents_in(path, fields, skip):
            yield item if isinstance(item, DocumentResult) else self._extract_read(item, lang, published)

    def documents_in(
        self, path: Path, fields: RecordFields | None = None, skip: Callable[[Document], bool] | None = None
    ) -> Iterator[Document | DocumentResult]:
        """Each document in the file at `path` to extract, or the result saying why one cannot be read."""
        for item in read_documents(path, fields, self.max_size):
            if isinstance(item, ReadError):
                yield DocumentResult(path=item.path, record=item.record, error=str(item))
            elif skip is None or not skip(item):
                yield item

    def _extract_read(self, document: Document, lang: str | None, published: dt.date | None) -> DocumentResult:
        try:
            return self.extract_document(document, lang, published)
        except BudgetExceeded as error:
            return DocumentResult(path=document.path, record=document.record, error=str(error))
        except Exception as error:  # a rule bug must not end the batch: report it with the file
            reason = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
            message = f"{document.path}: internal error ({reason}); please report it"
            return DocumentResult(path=document.path, record=document.record, error=message)

    def extract_dir(
        self,
        path: Path | str,
        lang: str | None = None,
        published: str | dt.date | None = None,
        fields: RecordFields | None = None,
    ) -> Iterator[DocumentResult]:
        """Lazily, one result per document under `path` (recursive; each record of a JSON/JSONL file)."""
        return self.extract_paths([Path(path)], lang, published, fields)

    def extract_paths(
        self,
        paths: Sequence[Path],
        lang: str | None = None,
        published: str | dt.date | None = None,
        fields: RecordFields | None = None,
        skip: Callable[[Document], bool] | None = None,
    ) -> Iterator[DocumentResult]:
        """Lazily, one result per document in `paths` (files, and folders walked recursively).

        `skip` leaves out, unextracted and unreported, the documents it is true for (those a resumed run did).
        """
        return self._paths(list(paths), lang, parse_published(published), fields, skip)

    def _paths(
        self,
        paths: list[Path],
        lang: str | None,
        published: dt.date | None,
        fields: RecordFields | None,
        skip: Callable[[Document], bool] | None,
    ) -> Iterator[DocumentResult]:
        for item in iter_paths(paths):
            if isinstance(item, ReadError):
                yield DocumentResult(path=item.path, error=str(item))
            else:
                yield from self._records(item, lang, published, fields, skip)
