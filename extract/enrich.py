"""Enrichment: the date each fact refers to and who claims it (docs/ANNOTATION.md)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from functools import cached_property

import regex

from extract.budget import remaining
from extract.rules import Candidate
from extract.sources import Claimant, claims_the_sentence_before, find_claimants, sentence_subject, source_of
from extract.text import Sentence
from extract.when import DateMention, blocks, find_dates, headlines, paragraph_start, when_of
from schemas import Source, When

# A line that only names the speaker of the quotation before it: "Jean-Noel Barrot, French Foreign Minister".
_SPEAKER_LINE = regex.compile(r"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}(?:,\s+[^\n.;:!?]{2,60})?$", regex.V1)
# A speaker named before the colon that opens their quotation, at the start of a line, a sentence or a
# live blog's entry ("10:42 GMT — Zelensky: “…”").
_SPEAKER_LABEL = regex.compile(
    r"(?:^|(?<=[.!?]\s|[—–|]\s))(?P<name>\p{Lu}[^\n:;.!?«»“”„\"\d]{1,60}?)\s*:\s*\Z", regex.V1
)
# Each opening quotation mark and the marks that close it (German „…“).
_QUOTATION_MARKS = {"«": "»", "“": "”", "„": "“”", '"': '"'}
# Any of them: the only characters that open or close a quotation.
_QUOTATION_MARK = regex.compile(r"[«»“”„\"]")


class Enricher:
    """Finds the dates and claimants of one document once, then answers per fact."""

    def __init__(
        self, text: str, lang: str, published: dt.date | None, sentences: list[Sentence], facts: Sequence[int]
    ) -> None:
        self.text = text
        self.lang = lang
        self.published = published
        self.sentences = sentences
        self.facts = facts
        """Where the document's facts start, in order: a claimant after its sentence's facts vouches for them."""
        self._claimants: dict[int, list[Claimant]] = {}

    @cached_property
    def dates(self) -> list[DateMention]:
        return find_dates(self.text, self.lang, self.published, headlines(self.text, self.sentences))

    @cached_property
    def blocks(self) -> list[int]:
        return blocks(self.text)

    def when(self, candidate: Candidate) -> When | None:
        mention = candidate.mention
        found = when_of(self.text, (mention.start, mention.end), candidate.sentence, self.dates, self.blocks, self.lang)
        if found is None:
            return None
        return When(start=found.first, end=found.last, text=self.text[found.start : found.end])

    def source(self, candidate: Candidate) -> Source | None:
        sentence = candidate.sentence
        position = candidate.mention.start
        claimant = source_of(position, self.claimants(sentence))
        quoted = self._quoted(sentence, position)
        if claimant is None and quoted:
            claimant = self._labelled_speaker(sentence, position) or self._quotation_speaker(sentence)
        elif claimant is None:
            claimant = self._claimed_after(sentence)
        elif claimant is not None and claimant.pronoun:
            # "“We shot down 40 drones,” …": inside a quotation the speaker is who "we" is.
            claimant = (
                (self._quotation_speaker(sentence) if quoted else None)
                or self._named_before(sentence, paragraphs=1)
                or sentence_subject(self.text, sentence, self.lang)
                or self._named_before(sentence, paragraphs=2)
            )
        if claimant is None:
            return None
        return Source(text=self.text[claimant.start : claimant.end], start=claimant.start, end=claimant.end)

    def claimants(self, sentence: Sentence) -> list[Claimant]:
        if sentence.start not in self._claimants:
            facts = self.facts[bisect_left(self.facts, sentence.start) : bisect_left(self.facts, sentence.end)]
            self._claimants[sentence.start] = find_claimants(self.text, sentence, self.lang, facts)
        return self._claimants[sentence.start]

    @cached_property
    def _position(self) -> dict[int, int]:
        return {s.start: i for i, s in enumerate(self.sentences)}

    def _index(self, sentence: Sentence) -> int:
        return self._position[sentence.start]

    def _named_before(self, sentence: Sentence, paragraphs: int) -> Claimant | None:
        """A pronoun's claimant: the nearest named one earlier in the last `paragraphs` paragraphs.

        Wire copy gives a sentence or two a paragraph, so "…, it added" may open the paragraph after its claimant's.
        """
        block = paragraph_start(self.blocks, sentence.start, paragraphs)
        for earlier in reversed(self.sentences[: self._index(sentence) + 1]):
            if earlier.start < block:
                break
            named = [c for c in self.claimants(earlier) if not c.pronoun and c.start < sentence.end]
            if named:
                return named[-1]
        return None

    def _open_quotation(self, start: int, position: int) -> int | None:
        """Where the quotation that `position` lies in opens, reading marks from `start`; None outside one."""
        opener: int | None = None
        for mark in _QUOTATION_MARK.finditer(self.text, start, position, timeout=remaining()):
            if opener is not None and mark[0] in _QUOTATION_MARKS[self.text[opener]]:
                opener = None
            elif opener is None and mark[0] in _QUOTATION_MARKS:
                opener = mark.start()
        return opener

    def _quoted(self, sentence: Sentence, position: int) -> bool:
        """Whether `position` lies inside a quotation: after an opening mark not yet closed, or before a closing one."""
        if self._open_quotation(sentence.start, position) is not None:
            return True
        # A quotation may open in an earlier sentence: "… with interest rates at 21%”".
        after = _QUOTATION_MARK.search(self.text, position, sentence.end, timeout=remaining())
        return after is not None and after[0] in "»”"

    def _labelled_speaker(self, sentence: Sentence, position: int) -> Claimant | None:
        """A quotation's speaker named before it with a colon, as live blogs and interviews write it
        ("Zelensky: “Russia launched 120 drones.”", "Volodymyr Zelensky : « … »"), in the paragraph."""
        paragraph = paragraph_start(self.blocks, sentence.start)
        opener = self._open_quotation(paragraph, position)
        if opener is None:
            return None
        line = self.text.rfind("\n", paragraph, opener) + 1
        label = _SPEAKER_LABEL.search(self.text[line:opener])
        if label is None or len(label["name"].split()) > 6:
            return None
        return Claimant(line + label.start("name"), line + label.end("name"), pronoun=False)

    def _quotation_speaker(self, sentence: Sentence) -> Claimant | None:
        """A quotation's speaker named in the line or sentence that follows it."""
        following = self._following(sentence)
        if following is None:
            return None
        if _SPEAKER_LINE.match(self.text[following.start : following.end], timeout=remaining()):
            return Claimant(following.start, following.end, pronoun=False)
        return self._named_in(sentence, following)

    def _claimed_after(self, sentence: Sentence) -> Claimant | None:
        """The claimant of a sentence that says who claims this one: "… mit 112 Drohnen an. Das teilte die
        Luftwaffe mit." """
        following = self._following(sentence)
        if following is None or not claims_the_sentence_before(self.text, following, self.lang):
            return None
        return self._named_in(sentence, following)

    def _following(self, sentence: Sentence) -> Sentence | None:
        index = self._index(sentence)
        return self.sentences[index + 1] if index + 1 < len(self.sentences) else None

    def _named_in(self, sentence: Sentence, following: Sentence) -> Claimant | None:
        """The first claimant named in the sentence after this one, if in the same paragraph (the next paragraph or
        live-blog item speaks for itself)."""
        if paragraph_start(self.blocks, following.start) > sentence.start:
            return None
        claimants = [c for c in self.claimants(following) if not c.pronoun]
        return claimants[0] if claimants else None
