"""Per-language lexicons (rules/<lang>/lexicon.yaml), validated and loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

import rules as _builtin_rules
from extract.diskcache import cached
from extract.errors import RuleFileError
from extract.patterns import SPACES, alternation, caseless
from extract.text import BULLETS
from extract.yamlsource import read_yaml_file
from schemas.models import unit_is_valid

BUILTIN_RULES_DIR = Path(_builtin_rules.__file__).parent
ModifierName = Literal["exact", "approx", "more_than", "at_least", "less_than", "at_most"]


def _known_unit(unit: str) -> str:
    if not unit_is_valid(unit):
        raise ValueError(f"unknown unit {unit!r}: pint cannot parse it (units read like year, percent, 1 / day)")
    return unit


# A unit as facts carry it: a name pint can parse ("year", "kilometer ** 2", "1 / day").
Unit = Annotated[str, AfterValidator(_known_unit)]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FixedAmount(_Data):
    phrase: str
    value: float
    unit: Unit | None = None
    modifier: ModifierName = "exact"


class RangeForm(_Data):
    before: str | None = None
    middle: str


class UnitForms(_Data):
    unit: Unit
    forms: list[str]
    tag: str | None = None


class CurrencyForms(_Data):
    symbols: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)


class Lexicon(_Data):
    language: str
    decimal_separator: Literal[".", ","]
    group_separators: list[str]
    noun_head: Literal["first", "last"]
    number_words: list[str]
    number_word_joiners: list[str]
    # German writes number words as one word: "hundertfünfundvierzig".
    number_word_compounds: bool = False
    number_word_connectors: list[str] = Field(default_factory=list)
    # Unit words a number word may run into, written as one word with it: "zwölfjähriger", "dreitägige".
    number_word_suffixes: list[str] = Field(default_factory=list)
    # Spellings text2num reads in another form ("eine Million" -> "ein million").
    number_word_forms: dict[str, str] = Field(default_factory=dict)
    not_alone: list[str] = Field(default_factory=list)
    # Where a `not_alone` word is still the number one, in a clear count ("un soldado murió", "killed one",
    # "ein Toter"): patterns (caseless) matched where the word starts, opening with it after any lookbehinds
    # for what comes before ("(?<=au moins )un"); anywhere else it stays an article.
    counted_one: list[str] = Field(default_factory=list)
    article_one: list[str] = Field(default_factory=list)
    scales: dict[str, float]
    currency_only_scales: list[str] = Field(default_factory=list)
    amounts: list[FixedAmount] = Field(default_factory=list)
    fractions: dict[str, float] = Field(default_factory=dict)
    vague: dict[str, float] = Field(default_factory=dict)
    qualifiers: dict[ModifierName, list[str]]
    # Words a qualifier keeps its number across: "at least another six months", "al menos otros seis meses".
    qualifier_gap: list[str] = Field(default_factory=list)
    post_qualifiers: dict[ModifierName, list[str]] = Field(default_factory=dict)
    # Before a time unit these mean "during" unless an opener precedes them: "over 12
    # months" is a period, "for over 75 years" more than 75 years.
    period_qualifiers: list[str] = Field(default_factory=list)
    period_openers: list[str] = Field(default_factory=list)
    # Per qualifier, the words after which it is part of a verb ("edged up to 2.5%").
    qualifier_blockers: dict[str, list[str]] = Field(default_factory=dict)
    # Adds a half to the number before it ("two and a half years", "huit ans et demi").
    and_a_half: list[str] = Field(default_factory=list)
    # Join one span of time written in two units into one quantity ("12 years and six months": 150 months).
    compound_joiners: list[str] = Field(default_factory=list)
    # Join numbers that share the unit written after the last one ("19, 17 et 16 ans": three years).
    list_joiners: list[str] = Field(default_factory=list)
    # A "from ... to" after a verb of change is two numbers, not a range: "a relevé son taux de 19 % à 21 %".
    change_verbs: list[str] = Field(default_factory=list)
    change_from: list[str] = Field(default_factory=list)
    # A "by ... to" after a verb of change is the change and the level it reached when the level is more than
    # twice the change ("increased its deployment by 3,000 to 15,000 troops"); closer ends are a range of the
    # change ("prices rose by 3 to 4 percent").
    change_by: list[str] = Field(default_factory=list)
    # ... but a "from ... to" right after one of these nouns is a range: "dans une fourchette de 4,75 % à 5 %".
    range_nouns: list[str] = Field(default_factory=list)
    # A "from ... to" written so that it is a change whatever the verb: "ist von 2,5 auf 2,2 Prozent gesunken".
    changes: list[RangeForm] = Field(default_factory=list)
    # After a comma or parenthesis, these open a comparison with another level: a bare number there takes the
    # unit of the number before it ("fell to 3.1%, down from 4.5"), and a date inside dates that number alone
    # ("…, down from 4.5% in August").
    comparisons: list[str] = Field(default_factory=list)
    ranges: list[RangeForm]
    units: list[UnitForms]
    # Whether unit words must be written in the lexicon's case ("20 Minutes" is a newspaper).
    units_case_sensitive: bool = False
    unit_prefixes: list[UnitForms] = Field(default_factory=list)
    # Words right before a unit prefix that make it a plain noun: "an einem Tag 32 Panzer" is no "Tag 32".
    unit_prefix_blockers: list[str] = Field(default_factory=list)
    rates: dict[Unit, list[str]] = Field(default_factory=dict)
    # Right after a rate form, these make it a point in time: "200 a month earlier", "5,8 im Monat zuvor".
    rate_blockers: list[str] = Field(default_factory=list)
    currencies: dict[str, CurrencyForms] = Field(default_factory=dict)
    directions: dict[Literal["up", "down"], list[str]] = Field(default_factory=dict)
    months: list[str]
    # Whether a date may name its month before its day ("November 30"); where it may not, "im November 30
    # Drohnen" is a count.
    month_before_day: bool = False
    weekdays: list[str] = Field(default_factory=list)
    ordinal_suffixes: list[str] = Field(default_factory=list)
    # German ordinals are a number and a dot ("die 47. Brigade"); a dot before one of
    # these words is the end of a sentence instead.
    ordinal_dot: bool = False
    sentence_starters: list[str] = Field(default_factory=list)
    date_joiners: list[str] = Field(default_factory=list)
    time_separators: list[str] = Field(default_factory=lambda: [":"])
    time_suffixes: list[str] = Field(default_factory=list)
    # Before a number and an hour word these make a time of day: "a las 15 horas", "à 9 heures".
    time_prefixes: list[str] = Field(default_factory=list)
    identifier_prefixes: list[str] = Field(default_factory=list)
    year_prefixes: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)
    # Words after which "6." is an ordinal, not a sentence end ("am 6. November", "die 47. Brigade").
    ordinal_after: list[str] = Field(default_factory=list)
    noun_stop_words: list[str] = Field(default_factory=list)
    # Words that open a publication date or a source URL in the header or footer lines of
    # scraped news ("Publish date : 2024-11-10 14:01:43", "Publié le 12 novembre 2024",
    # "Source link : https://…"). Readers use them from every language at once.
    published_markers: list[str] = Field(default_factory=list)
    source_link_markers: list[str] = Field(default_factory=list)
    # Lines that open with these are page furniture too ("Updated 10:45", "Mis à jour le …"):
    # their dates are not the dates of facts.
    updated_markers: list[str] = Field(default_factory=list)
    # Lines that open with these and a colon or a bar link to other articles ("Read more: …", "Lire aussi | …"):
    # what they say is another article's, so they give no facts and date none.
    link_markers: list[str] = Field(default_factory=list)

    def comparison_opening(self) -> str:
        """A comma or parenthesis, a comparison word and a space: ", down from ", " (frente a "."""
        return rf"[,(][{SPACES}]*{alternation(self.comparisons)}[{SPACES}]"


def available_languages(rules_dir: Path = BUILTIN_RULES_DIR) -> list[str]:
    return sorted(p.parent.name for p in rules_dir.glob("*/lexicon.yaml"))


@cache
def all_lexicons(rules_dir: Path = BUILTIN_RULES_DIR) -> tuple[Lexicon, ...]:
    """Every language's lexicon: readers and page furniture use the union of their words."""
    return tuple(load_lexicon(lang, rules_dir) for lang in available_languages(rules_dir))


@cache
def link_line_opening(rules_dir: Path = BUILTIN_RULES_DIR) -> str:
    """The opening of a link line in any language ("Read more:", "• Lire aussi |"), to match where a line starts."""
    markers = alternation(word for lexicon in all_lexicons(rules_dir) for word in lexicon.link_markers)
    return rf"[ \t]*[{BULLETS}]?[ \t]*{markers}[ \t]*[:|»›]"


@cache
def link_line(rules_dir: Path = BUILTIN_RULES_DIR) -> regex.Pattern[str]:
    return caseless(link_line_opening(rules_dir))


@cache
def load_lexicon(lang: str, rules_dir: Path = BUILTIN_RULES_DIR) -> Lexicon:
    path = rules_dir / lang / "lexicon.yaml"
    if not path.is_file():
        known = ", ".join(available_languages(rules_dir)) or "none"
        raise RuleFileError(f"{path}: no lexicon for language {lang!r} (known: {known})")
    return cached("lexicon", lang, (rules_dir,), lambda: read_yaml_file(path).validate(Lexicon))
