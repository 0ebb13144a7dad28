"""Who claims a fact: the attribution in its sentence, as written in the document.

The words of attribution (prepositions, verbs, pronouns, where a claimant's name
ends) live in rules/<lang>/sources.yaml; this module only knows the three shapes
an attribution takes: "according to X", "X said …" and "…, said X".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, Field

from extract.budget import remaining
from extract.diskcache import cached
from extract.lexicon import BUILTIN_RULES_DIR, load_lexicon
from extract.patterns import AtEnd, at_end, caseless
from extract.starts import Alternations, compile_alternations
from extract.text import Sentence
from extract.yamlsource import read_yaml_file

_PUNCTUATION = ',;:.!?()\n«»“”"„'
# Where a subject read backwards from its verb starts (parentheses may be part of it: "Service (NIS)");
# a dash too ("• 10:12 — La Fuerza Aérea informa"), or a hyphen set between spaces ("16:25 GMT - The agency said"),
# and a full stop only before a space ("La 65.ª brigada").
_BOUNDARY_PUNCTUATION = ',;:!?\n«»“”"„—–'
_SPACED_BOUNDARY = r"\.(?!\S)|(?<=\s)-(?=\s)"
# An acronym in parentheses belongs to the name before it: "el Centro de Integración de Datos (CID)".
_ACRONYM = regex.compile(r"\s*\((?:\p{Lu}[\p{Lu}\p{N}&.-]{1,9})\)", regex.V1)
_PUNCTUATION_STOP = regex.compile(rf"\s*[{regex.escape(_PUNCTUATION)}]")
# The point after an ordinal's digits: "die 47. Brigade", "la 65.ª brigada".
_ORDINAL_POINT = r"\.(?:\s+\p{Lu}|[ºª])"
# "14.15 Uhr", "3,25 Prozent", "der 1. Panzerdivision": a point or comma in a number or ordinal ends nothing.
_NOT_IN_NUMBER = rf"(?!(?<=\p{{N}})[.,]\p{{N}})(?!(?<=\p{{N}}){_ORDINAL_POINT})"
_WORD = regex.compile(r"[^\s,]+")
_NOTHING = regex.compile("(?!)")
# A compound whose head is capitalised is a noun whatever its first part: "einer dpa-Zählung".
_COMPOUND_NOUN = regex.compile(r"\p{L}+(?:-\p{L}+)*-\p{Lu}\p{Ll}+")
# More than 25 letters or digits: what follows a verb is more than a few words.
_MORE_THAN_25_LETTERS = regex.compile(r"(?:[^\p{L}\p{N}]*+[\p{L}\p{N}]){26}")
# A number makes a claimant a clause, not a name; an ordinal ("La 65.ª brigada", "die 47. Brigade") does not.
_NUMBER = regex.compile(rf"(?<![\p{{L}}\p{{N}}])\p{{N}}+(?![\p{{L}}\p{{N}}]|{_ORDINAL_POINT})")
_ORDINAL = regex.compile(r"\d{1,3}\.")
# A person's age in parentheses after the name is no part of it: "Volodímir Zelenski (46), denunció".
_AGE_AFTER_NAME = regex.compile(r"\s*\(\d{1,3}\)\s*$")
# What follows the digits of an ordinal: "47. Brigade", "47.ª", "47e", "47th".
_ORDINAL_END = rf"(?:{_ORDINAL_POINT}|\.?[ºª°ᵉ]|(?:st|nd|rd|th|e|er|re|ème)(?![\p{{L}}]))"
# A lowercase plural with no determiner: "according to officials", "según fuentes militares".
_BARE_PLURAL = regex.compile(r"\p{Ll}{3,}s(?![\p{L}'’])")
# A lowercase word inflected like an adjective.
_INFLECTED = regex.compile(r"\p{Ll}[\p{L}-]*(?:e|en|er|es|em)")
_LAST_WORD = regex.compile(r"\p{L}+$")


class SourceLexicon(BaseModel):
    """rules/<lang>/sources.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    # Before the claimant: "according to X".
    prepositions: list[str] = Field(min_length=1)
    # After the claimant: "X said".
    verbs: list[str] = Field(min_length=1)
    # Before the claimant, after a comma or a quotation: "…, said X".
    inverted_verbs: list[str] = Field(min_length=1)
    # A claimant read forwards starts with a capital or one of these ("…, said the ministry").
    determiners: list[str] = Field(default_factory=list)
    # Adverbs that end a subject but are not part of it ("The bank also said").
    trailing: list[str] = Field(default_factory=list)
    # Words a claimant never contains: it is a noun phrase, not a clause ("the economy is").
    not_words: list[str] = Field(default_factory=list)
    # Words that open a sentence rather than name someone ("In all, Ukraine said").
    intros: list[str] = Field(default_factory=list)
    # Phrases of time that open a sentence before its subject, with no comma: "El domingo la Fuerza Aérea informó",
    # "Dimanche soir l'armée de l'air a indiqué" (an intro word with its words does so too: "On Sunday the air force").
    time_openings: list[str] = Field(default_factory=list)
    # Words that end a claimant's name ("… said Zelensky in a message", "… on Sunday").
    stops: list[str] = Field(default_factory=list)
    # Words that end a claimant when reading backwards from the verb ("… and", "… that").
    boundaries: list[str] = Field(default_factory=list)
    pronouns: list[str] = Field(default_factory=list)
    # Comma-enclosed asides between a subject and its verb, skipped reading backwards
    # ("X, de 60 años, advirtió", "La Suisse, qui entend rester neutre, a confirmé").
    asides: list[str] = Field(default_factory=list)
    # After a comma, these start a new clause that a claimant named before it does not vouch for
    # ("…, selon Eurostat, et se rapproche de l'objectif de 2 %").
    coordinators: list[str] = Field(default_factory=list)
    # Words that join two claimants into one subject when the first is a name ("The UN and the Red Cross said",
    # "Ukrainian and Western officials say"); elsewhere they are `boundaries`.
    coordinations: list[str] = Field(default_factory=list)
    # Right before a claimant, these open a clause set against the one before it: the claimant vouches for its own
    # clause alone, even when its verb nearly ends the sentence ("… held its rate at 21%, while analysts expect a
    # hike to 23%").
    contrasts: list[str] = Field(default_factory=list)
    # A claimant read forwards runs on through the complement of these participles, to the next comma
    # ("selon un sondage publié jeudi", "une note … citée vendredi par l'agence Yonhap").
    participles: list[str] = Field(default_factory=list)
    # Claimants that stand for the subject of their own sentence ("nach eigenen Angaben").
    reflexives: list[str] = Field(default_factory=list)
    # A sentence that opens with one of these says who claims the sentence before it ("… 112 Drohnen angegriffen.
    # Das teilte die Luftwaffe mit.", "Así lo informó la Fuerza Aérea").
    back_references: list[str] = Field(default_factory=list)
    # Nouns are capitalised (German): a claimant is a noun phrase ending on a capitalised word, and
    # its lowercase words are determiners, joins, or adjectives before a noun.
    capitalised_nouns: bool = False
    # Words that join two parts of one claimant ("der Polizei und der Feuerwehr", "von der Hamas").
    joins: list[str] = Field(default_factory=list)
    # Words that join a name to a claimant, only before that name ("die Regierung in London").
    name_joins: list[str] = Field(default_factory=list)
    # Determiners that attach a noun phrase to the noun before them ("der Sprecher des Ministeriums").
    genitives: list[str] = Field(default_factory=list)
    # Whom a claimant speaks to, in the dative after its name, though the determiner may read as a genitive
    # ("wie sein Anwalt der Nachrichtenagentur AFP sagte"): such a phrase ends the claimant.
    addressees: list[str] = Field(default_factory=list)
    # After an opening phrase the subject follows the verb ("Für 2025 erwarten die Ökonomen …").
    subject_after_verb: bool = False
    # A verb may go without its subject ("…, añadió."): the one named before says it.
    implicit_subject: bool = False
    # Prepositions after which a lowercase noun phrase with no determiner names a claimant too ("according to
    # army radio"), not only a bare plural: never those a verb may follow ("según informó") or a reason ("citing
    # inflation").
    bare_noun_prepositions: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Claimant:
    """A claimant and the stretch of its sentence it vouches for."""

    start: int
    end: int
    pronoun: bool
    covers: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class _Compiled:
    # Prepositions followed by their claimant ("according to X"), and verbs that follow theirs ("X said"),
    # both found in one pass (extract/starts.py).
    attributions: Alternations
    inverted: regex.Pattern[str]
    stop: regex.Pattern[str]
    boundary: regex.Pattern[str]
    pronouns: frozenset[str]
    starts: regex.Pattern[str]
    trailing: regex.Pattern[str]
    not_words: frozenset[str]
    # Read forwards ("according to Ukraine and some of its allies") a determiner is part of the noun phrase.
    forward_not_words: frozenset[str]
    intros: frozenset[str]
    # An opening phrase before a subject with no comma between: "On Sunday the air force said" (see `time_openings`).
    opening: regex.Pattern[str]
    aside: regex.Pattern[str]
    coordinator: regex.Pattern[str]
    contrast: AtEnd
    participle: regex.Pattern[str]
    addressee: regex.Pattern[str]
    reflexives: frozenset[str] = frozenset()
    coordinations: frozenset[str] = frozenset()
    back_reference: regex.Pattern[str] = _NOTHING
    determiners: frozenset[str] = frozenset()
    joins: frozenset[str] = frozenset()
    name_joins: frozenset[str] = frozenset()
    genitives: frozenset[str] = frozenset()
    capitalised_nouns: bool = False
    subject_after_verb: bool = False
    implicit_subject: bool = False
    bare_noun_prepositions: regex.Pattern[str] = _NOTHING


def _alternation(words: Sequence[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


@cache
def _compiled(lang: str, rules_dir: Path = BUILTIN_RULES_DIR) -> _Compiled | None:
    return cached("sources", lang, (rules_dir,), lambda: _compile_sources(lang, rules_dir))


def _compile_sources(lang: str, rules_dir: Path) -> _Compiled | None:
    path = rules_dir / lang / "sources.yaml"
    if not path.is_file():
        return None
    lexicon = read_yaml_file(path).validate(SourceLexicon)
    verbs = _alternation(lexicon.verbs)
    determiners = _alternation(lexicon.determiners) if lexicon.determiners else "(?!)"
    trailing = _alternation(lexicon.trailing) if lexicon.trailing else "(?!)"
    inverted = _alternation(lexicon.inverted_verbs)
    # A pattern that holds its claimant ("teilte X mit") may end the sentence; a plain verb is followed by one.
    after_inverted = r"(?(claimant)(?![\p{L}])|\s+)" if "(?P<claimant>" in inverted else r"\s+"
    # "U.S. and South Korean officials", "said Mr. Smith": the point of an initial or abbreviation ends nothing.
    abbreviations = [regex.escape(a.rstrip(".")) for a in load_lexicon(lang, rules_dir).abbreviations]
    not_abbreviated = rf"(?<!(?<![\p{{L}}])(?:(?-i:\p{{Lu}})|{'|'.join(abbreviations) or '(?!)'}))"
    marked = rf"{_NOT_IN_NUMBER}(?:[{regex.escape(_BOUNDARY_PUNCTUATION)}]|{not_abbreviated}{_SPACED_BOUNDARY})"
    return _Compiled(
        attributions=compile_alternations(
            r"\p{L}", ([_alternation(lexicon.prepositions)], r"\s+"), ([verbs], r"(?![\p{L}])")
        ),
        # Punctuation has no case: matched as it is, which is quicker to test.
        inverted=caseless(rf"(?-i:[,»”\"])\s*{inverted}{after_inverted}"),
        starts=caseless(rf"(?-i:\p{{Lu}})|{determiners}(?![\p{{L}}])"),
        # Also at the start: "También recordó el terremoto" has no subject before its verb.
        trailing=caseless(rf"(?:(?:\s+|(?<![\p{{L}}\p{{N}}])){trailing})+\s*$"),
        not_words=frozenset(w.lower() for w in lexicon.not_words),
        forward_not_words=frozenset(w.lower() for w in lexicon.not_words) - {d.lower() for d in lexicon.determiners},
        intros=frozenset(w.lower() for w in lexicon.intros),
        opening=caseless(
            rf"\s*(?:{_alternation(lexicon.intros) if lexicon.intros else '(?!)'}\s+(?:[\p{{L}}\p{{N}}'’-]+\s+){{1,3}}?"
            rf"|{_alternation(lexicon.time_openings) if lexicon.time_openings else '(?!)'}\s+)"
            rf"(?={determiners}(?:\s|(?<=['’])))"
        ),
        # A claimant read forwards also ends before a number ("nach Angaben von Sobjanin 5 Drohnen"), not before
        # an ordinal ("según la 47.ª Brigada", "die 47. Brigade", "the 47th Brigade").
        stop=caseless(
            rf"\s+(?:{_alternation(lexicon.stops)}|\p{{N}}(?!\d*{_ORDINAL_END}))(?![\p{{L}}])"
            rf"|\s*{_NOT_IN_NUMBER}(?:{not_abbreviated}\.|[{regex.escape(_PUNCTUATION.replace('.', ''))}])"
        ),
        boundary=caseless(
            rf"{marked}|(?<![\p{{L}}]){_alternation(lexicon.boundaries)}(?![\p{{L}}])" if lexicon.boundaries else marked
        ),
        pronouns=frozenset(p.lower() for p in lexicon.pronouns),
        aside=caseless(rf"\s*{_alternation(lexicon.asides)}\s*" if lexicon.asides else "(?!)"),
        coordinator=caseless(
            rf"\s*,\s*{_alternation(lexicon.coordinators) if lexicon.coordinators else '(?!)'}(?![\p{{L}}])"
        ),
        contrast=at_end(rf"(?<![\p{{L}}]){_alternation(lexicon.contrasts) if lexicon.contrasts else '(?!)'}\s+"),
        participle=caseless(
            rf"(?<![\p{{L}}]){_alternation(lexicon.participles) if lexicon.participles else '(?!)'}(?![\p{{L}}])"
        ),
        addressee=caseless(_alternation(lexicon.addressees) if lexicon.addressees else "(?!)"),
        reflexives=frozenset(r.lower() for r in lexicon.reflexives),
        coordinations=frozenset(c.lower() for c in lexicon.coordinations),
        back_reference=caseless(rf"\s*{_alternation(lexicon.back_references)}")
        if lexicon.back_references
        else _NOTHING,
        determiners=frozenset(d.lower() for d in lexicon.determiners),
        joins=frozenset(j.lower() for j in lexicon.joins),
        name_joins=frozenset(j.lower() for j in lexicon.name_joins),
        genitives=frozenset(g.lower() for g in lexicon.genitives),
        capitalised_nouns=lexicon.capitalised_nouns,
        subject_after_verb=lexicon.subject_after_verb,
        implicit_subject=lexicon.implicit_subject,
        bare_noun_prepositions=caseless(rf"{_alternation(lexicon.bare_noun_prepositions)}\s*")
        if lexicon.bare_noun_prepositions
        else _NOTHING,
    )


def find_claimants(text: str, sentence: Sentence, lang: str, facts: Sequence[int]) -> list[Claimant]:
    """The claimants named in one sentence, in order, each with the part of the sentence it covers.

    "according to X" and "…, said X" vouch for the whole sentence; "X said …" for
    what follows the verb, or for the whole sentence when the verb (nearly) ends it
    or when no fact follows it (`facts`: where the sentence's facts start).
    A semicolon ends what any of them covers.
    """
    compiled = _compiled(lang)
    if compiled is None:
        return []
    found: list[Claimant] = []
    whole = (sentence.start, sentence.end)
    preposition_ends: set[int] = set()
    # Prepositions and inverted verbs that name a claimant after them; an inverted verb that names none may still
    # follow a subject.
    read_forward: list[tuple[int, int]] = []
    prepositions, verbs = compiled.attributions.matches(text, sentence.start, sentence.end)
    inverted_verbs = compiled.inverted.finditer(text, sentence.start, sentence.end, timeout=remaining())
    for inverted, match in chain(((False, m) for _, m in prepositions), ((True, m) for m in inverted_verbs)):
        if match.end() in preposition_ends:
            continue  # ", según X" is read as a preposition: X ends at the comma
        bare_noun = not inverted and compiled.bare_noun_prepositions.fullmatch(text, *match.span()) is not None
        claimant = _forward(text, *_read_from(match, sentence.end), compiled, apposition=inverted, bare_noun=bare_noun)
        if not inverted:
            preposition_ends.add(match.end())
        if claimant is not None:
            read_forward.append(match.span())
            coordinated = compiled.coordinator.match(text, claimant.end, sentence.end)
            covers = (sentence.start, coordinated.start()) if coordinated is not None else whole
            found.append(_within_clause(text, claimant, covers))
    for _, match in verbs:
        if any(start < match.end() and match.start() < end for start, end in read_forward):
            continue
        if any(c.start < match.start() < c.end for c in found):
            continue  # a word of a claimant read after a preposition: "according to a tally of air force reports"
        claimant = _backward(text, sentence.start, match.start(), compiled)
        if compiled.subject_after_verb and (claimant is None or _opener(text, claimant, compiled)):
            claimant = _inverted_subject(text, sentence.start, match, compiled)
        if claimant is None:
            continue
        # What follows the verb, up to a semicolon: "…, the rights group said; most were jailed in 2020".
        semicolon = text.find(";", match.end(), sentence.end)
        clause_end = sentence.end if semicolon < 0 else semicolon
        rest = text[match.end() : clause_end]
        ends_sentence = _MORE_THAN_25_LETTERS.match(rest, timeout=remaining()) is None
        parenthetical = rest.lstrip().startswith(",")
        # "Behörden melden neun Tote": what little follows a verb that ends the sentence is its claim too;
        # and a claimant after a comma, with no fact after it, vouches for the clause before the comma
        # ("…, the air force said in its 9:15 a.m. update on Telegram").
        after_claim = text[sentence.start : claimant.start].rstrip().endswith(",") and not any(
            claimant.end <= fact < clause_end for fact in facts
        )
        covers = whole if parenthetical or ends_sentence or after_claim else (match.end(), sentence.end)
        contrast = compiled.contrast.search(text, max(sentence.start, claimant.start - 30), claimant.start)
        if contrast is not None:
            covers = (max(covers[0], contrast.start()), covers[1])
        found.append(_within_clause(text, claimant, covers))
    if compiled.reflexives:
        found = [_reflexive(text, sentence, c, compiled) for c in found]
    unique = {(c.start, c.end): c for c in found}
    return [unique[k] for k in sorted(unique)]


def _read_from(match: regex.Match[str], limit: int) -> tuple[int, int]:
    """Where a claimant is read: inside the pattern's own `claimant` group ("teilte X mit"), else after it."""
    if "claimant" in match.re.groupindex and match.start("claimant") >= 0:
        return match.start("claimant"), match.end("claimant")
    return match.end(), limit


def _inverted_subject(text: str, floor: int, verb: regex.Match[str], compiled: _Compiled) -> Claimant | None:
    """After an opening phrase the subject follows the finite verb ("Für 2025 erwarten die Ökonomen",
    "In einer Erklärung teilte die Armee mit"), or sits between an auxiliary and the verb
    ("Zuvor hatte X berichtet")."""
    finite = _WORD.match(text, verb.start())
    after = _forward(text, finite.end() if finite is not None else verb.end(), verb.endpos, compiled, apposition=False)
    if after is not None:
        return after
    return _after_auxiliary(text, floor, verb.start(), compiled)


def _after_auxiliary(text: str, floor: int, end: int, compiled: _Compiled) -> Claimant | None:
    """The subject between the last auxiliary before `end` and `end` ("Seit Mai haben die Huthis … abgefeuert")."""
    auxiliaries = [w for w in _WORD.finditer(text, floor, end) if w.group().lower() in compiled.not_words]
    return _forward(text, auxiliaries[-1].end(), end, compiled, apposition=False) if auxiliaries else None


def _opener(text: str, claimant: Claimant, compiled: _Compiled) -> bool:
    """A phrase that opens the sentence ("Für das laufende Jahr"), not a subject."""
    words = text[claimant.start : claimant.end].split()
    return bool(words) and words[0].lower() in compiled.intros


def _reflexive(text: str, sentence: Sentence, claimant: Claimant, compiled: _Compiled) -> Claimant:
    """ "nach eigenen Angaben" names the subject of its sentence, after the auxiliary when a phrase opens it
    ("Seit Beginn des Krieges haben die Huthis nach eigenen Angaben …"); without one it is a pronoun."""
    if text[claimant.start : claimant.end].lower() not in compiled.reflexives:
        return claimant
    subject = _subject(text, sentence, compiled) or _after_auxiliary(text, sentence.start, claimant.start, compiled)
    if subject is None or subject.start >= claimant.start:
        return Claimant(claimant.start, claimant.end, True, claimant.covers)
    return Claimant(subject.start, subject.end, False, claimant.covers)


def sentence_subject(text: str, sentence: Sentence, lang: str) -> Claimant | None:
    """The noun phrase that opens a sentence, where capitalised nouns show it ("Die Notenbank erhöhte …")."""
    compiled = _compiled(lang)
    return _subject(text, sentence, compiled) if compiled is not None else None


def claims_the_sentence_before(text: str, sentence: Sentence, lang: str) -> bool:
    """Whether the sentence claims the one before it ("Das teilte die Luftwaffe mit.")."""
    compiled = _compiled(lang)
    return compiled is not None and compiled.back_reference.match(text, sentence.start, sentence.end) is not None


def _subject(text: str, sentence: Sentence, compiled: _Compiled) -> Claimant | None:
    if not compiled.capitalised_nouns:
        return None
    subject = _forward(text, sentence.start, sentence.end, compiled, apposition=False)
    if subject is None or subject.pronoun or _opener(text, subject, compiled):
        return None
    return subject


def _within_clause(text: str, claimant: Claimant, covers: tuple[int, int]) -> Claimant:
    """What a claimant covers stops at a semicolon on either side of it."""
    low, high = covers
    before = text.rfind(";", low, claimant.start)
    after = text.find(";", claimant.end, high)
    return Claimant(
        claimant.start,
        claimant.end,
        claimant.pronoun,
        (before + 1 if before >= 0 else low, after if after >= 0 else high),
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u00a0'’":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0":
        end -= 1
    return start, end


def _forward(
    text: str, start: int, limit: int, compiled: _Compiled, apposition: bool, bare_noun: bool = False
) -> Claimant | None:
    """The claimant after a preposition (up to the next comma) or an inverted verb (with a name in apposition).

    With `bare_noun`, a lowercase noun phrase with no determiner is one.
    """
    stop = compiled.stop.search(text, start, limit, timeout=remaining())
    before_acronym = stop.start() if stop is not None else limit
    end = _past_acronym(text, before_acronym, limit)
    if end != before_acronym:
        stop = compiled.stop.search(text, end, limit, timeout=remaining())
    if apposition and stop is not None and text[stop.end() - 1].isdigit():
        return None  # ", a annoncé la mort de 200 soldats": an object, not a claimant
    extended = end
    if apposition and stop is not None and text[stop.start() : stop.end()].strip() == ",":
        name = compiled.stop.search(text, stop.end(), limit, timeout=remaining())  # "le maire, Vitali Klitschko"
        after = text[stop.end() : name.start() if name is not None else limit].strip()
        if len(after.split()) >= 2 and all(w[:1].isupper() for w in after.split()):
            end = extended = name.start() if name is not None else limit
    elif stop is not None and compiled.participle.search(text, start, end):
        comma = _PUNCTUATION_STOP.search(text, end, limit)  # "un sondage publié jeudi"
        # "… publicados por el Instituto Nacional de Estadística (INE)"
        extended = _past_acronym(text, comma.start() if comma is not None else limit, limit)
    if compiled.capitalised_nouns:
        return _noun_phrase(text, start, end, compiled)
    claimant = _claimant(text, start, end, compiled, compiled.forward_not_words)
    if claimant is None or claimant.pronoun:  # "selon elle"
        return claimant
    if not compiled.starts.match(text, start, end) and (
        apposition or not (bare_noun or _BARE_PLURAL.match(text, start, end))
    ):
        return None  # after a preposition a bare plural names a claimant too: "according to officials"
    return Claimant(claimant.start, _trim(text, claimant.start, extended)[1], pronoun=False)


def _past_acronym(text: str, end: int, limit: int) -> int:
    """Where a name that ends at `end` ends with the acronym in parentheses after it, if there is one."""
    acronym = _ACRONYM.match(text, end, limit)
    return acronym.end() if acronym is not None else end


def _noun_phrase(text: str, start: int, limit: int, compiled: _Compiled) -> Claimant | None:
    """Where nouns are capitalised, a claimant ends on its last noun or name, before any verb or adverb.

    Lowercase words inside it are determiners, joins, adjectives before a noun
    ("westlicher Geheimdienste"), or an attribute opened by a determiner and closed
    by a participle ("der von der Hamas kontrollierten Behörden").
    """
    words = list(_WORD.finditer(text, start, limit, timeout=remaining()))
    if words and words[0].group().lower() in compiled.pronouns:
        return Claimant(words[0].start(), words[0].end(), pronoun=True)
    end, attribute = start, False
    for index, word in enumerate(words):
        token = word.group()
        following = words[index + 1].group() if index + 1 < len(words) else ""
        before = words[index - 1].group() if index else ""
        after_noun = before[:1].isupper() and before.lower() not in compiled.determiners
        lower = token.lower()
        if lower in compiled.determiners:
            if after_noun and (lower not in compiled.genitives or compiled.addressee.match(text, word.start())):
                break  # "die Bundesbank ein Wachstum": a second noun phrase; "der Nachrichtenagentur AFP" spoken to
            attribute = attribute or (following[:1].islower() and not _adjective(following, compiled))
        elif token[:1].isupper() or _COMPOUND_NOUN.fullmatch(token):
            end = word.end()
        elif _ORDINAL.fullmatch(token) and following[:1].isupper():
            continue  # "die 47. Brigade"
        elif not token[:1].isalpha():
            break
        elif lower in compiled.joins or (
            lower in compiled.name_joins and following[:1].isupper() and not _after_a_name(words, index, compiled)
        ):
            continue
        elif attribute:
            attribute = not (_adjective(token, compiled) and following[:1].isupper())
        elif not (
            _adjective(token, compiled)
            and not after_noun
            and (following[:1].isupper() or _adjective(following, compiled) or following.lower() in compiled.joins)
        ):
            break
    return _claimant(text, start, _past_acronym(text, end, limit), compiled) if end > start else None


def _after_a_name(words: Sequence[regex.Match[str]], index: int, compiled: _Compiled) -> bool:
    """Whether two capitalised words come right before: a person ("Minister Boris Pistorius in Vilnius" says
    where he spoke), where one noun after a determiner is a body the place names ("die Behörden in Kiew")."""
    return index >= 2 and all(
        word.group()[:1].isupper() and word.group().lower() not in compiled.determiners
        for word in words[index - 2 : index]
    )


def _adjective(word: str, compiled: _Compiled) -> bool:
    """A lowercase word that may qualify a noun after it: inflected like an adjective, not a determiner."""
    return _INFLECTED.fullmatch(word) is not None and word.lower() not in compiled.determiners


def _backward(text: str, floor: int, verb: int, compiled: _Compiled) -> Claimant | None:
    """The subject before a verb; a title and a name in apposition go together ("Her lawyer, Ivan Sorokin")."""
    cuts = [floor, *(m.end() for m in compiled.boundary.finditer(text, floor, verb, timeout=remaining()))]
    end = verb
    # Where a verb may go without its subject, the clause before its comma may be the claim itself: "Dos de ellos
    # eran niños, añadió", "De ellos, 60 fueron derribados, precisó"; its claimant is then one named before.
    implicit = None
    closed = len(cuts) > 1 and not text[cuts[-1] : verb].strip() and text[cuts[-1] - 1] == ","
    if closed:
        if compiled.implicit_subject:
            implicit = Claimant(verb, verb, pronoun=True)
            if len(cuts) == 2:
                return implicit
        end = cuts.pop() - 1  # "…, Ivan Sorokin, said": the comma closes the apposition
        # "…, Elvira Nabiúllina, de 60 años, advirtió", "Unifil, an der sich Soldatinnen und Soldaten beteiligen,
        # meldete": an aside runs from the comma before it, whatever boundary words it holds.
        while (comma := _last_comma_cut(text, cuts)) and compiled.aside.fullmatch(text, cuts[comma], end):
            end = cuts[comma] - 1
            del cuts[comma:]
    while len(cuts) > 1 and _joins_a_name(text, cuts[-2], cuts[-1], compiled):
        cuts.pop()
    trailing = compiled.trailing.search(text, cuts[-1], end, timeout=remaining())
    if trailing is not None:
        end = trailing.start()
    start = cuts[-1]
    age = _AGE_AFTER_NAME.search(text, start, end)
    end = age.start() if age is not None else end
    if len(cuts) > 1 and text[start - 1] == ",":
        title = text[cuts[-2] : start - 1]
        if _apposition(title, text[start:end], closed, compiled):
            start = cuts[-2]
    if compiled.capitalised_nouns:
        # "wie Gouverneur Oleh Kiper auf Telegram mitteilte"
        return _noun_phrase(text, start, end, compiled) or implicit
    opening = compiled.opening.match(text, start, end)
    return _claimant(text, opening.end() if opening is not None else start, end, compiled) or implicit


def _joins_a_name(text: str, start: int, cut: int, compiled: _Compiled) -> bool:
    """Whether the boundary that ends at `cut` joins a name (from `start`) to the claimant after it: "The UN and
    the Red Cross said", "Kyiv and its allies say", "The army and police said"; not a clause ("Russia fired 40
    drones and the air force said")."""
    word = _LAST_WORD.search(text, start, cut)
    if word is None or word.group().lower() not in compiled.coordinations:
        return False
    words = text[start : word.start()].split()
    if len(words) == 2 and words[0].lower() in compiled.determiners and words[1].isalpha():
        return True  # one noun after its determiner: "The army and police said"
    return (
        0 < len(words) <= 4
        and words[0].lower() not in compiled.intros
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w.lower() in compiled.determiners for w in words)
    )


def _last_comma_cut(text: str, cuts: list[int]) -> int:
    """The index of the last cut after a comma (0, the floor, when there is none)."""
    return next((index for index in range(len(cuts) - 1, 0, -1) if text[cuts[index] - 1] == ","), 0)


def _apposition(first: str, second: str, closed: bool, compiled: _Compiled) -> bool:
    """A title and a name side by side: one of them a name (all words capitalised), neither an opener.

    The first is a noun phrase, so it opens with a capital or a determiner: "…, including two women, Mayor
    Ihor Terekhov said" names the mayor alone. Unless a comma closes the pair ("Ivan Sorokin, her lawyer, said"),
    the name comes second ("Her lawyer, Ivan Sorokin said"): "…after Hurricane Otis, the finance ministry said"
    names the ministry alone.
    """
    words = first.split()
    if not words or len(words) > 6 or words[0].lower().strip(",") in compiled.intros:
        return False
    if compiled.starts.match(words[0]) is None:
        return False

    def is_name(part: str) -> bool:
        tokens = part.split()
        return len(tokens) >= 2 and all(t[:1].isupper() for t in tokens)

    return is_name(second) or (closed and is_name(first))


def _claimant(
    text: str, start: int, end: int, compiled: _Compiled, not_words: frozenset[str] | None = None
) -> Claimant | None:
    start, end = _trim(text, start, end)
    words = text[start:end].split()
    if not words or len(words) > 12 or any(c in text[start:end] for c in "\ue000\ue001"):
        return None
    if " ".join(words).lower() in compiled.pronouns:
        return Claimant(start, end, pronoun=True)
    if _NUMBER.search(text[start:end]) or any(
        w.lower() in (compiled.not_words if not_words is None else not_words) for w in words
    ):
        return None
    return Claimant(start, end, pronoun=False)


def source_of(position: int, claimants: Sequence[Claimant]) -> Claimant | None:
    """The nearest claimant that vouches for the part of the sentence at `position`."""
    covering = [c for c in claimants if c.covers[0] <= position < c.covers[1]]
    if not covering:
        return None
    return min(covering, key=lambda c: abs((c.start + c.end) // 2 - position))
