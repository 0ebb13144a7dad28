"""`when` and `source` on German sentences written for the test, one family of phrasings per test."""

from __future__ import annotations

import pytest

from extract import Extractor

EXTRACTOR = Extractor()
PUBLISHED = "2024-11-20"  # a Wednesday


def enriched(text: str, mention: str, published: str = PUBLISHED) -> tuple[str | None, str | None]:
    """The source text and the when text of the fact whose span is `mention`."""
    facts = EXTRACTOR.extract_text(text, lang="de", published=published)
    (fact,) = [f for f in facts if f.span.text == mention]
    return (fact.source.text if fact.source else None), (fact.when.text if fact.when else None)


def source(text: str, mention: str) -> str | None:
    return enriched(text, mention)[0]


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        ("Nach Angaben der Polizei starben bei dem Anschlag zwölf Menschen.", "zwölf", "der Polizei"),
        (
            "Nach Schätzungen britischer Geheimdienste verliert Russland täglich mehr als 1000 Soldaten.",
            "mehr als 1000",
            "britischer Geheimdienste",
        ),
        (
            "Die Armee hat nach Angaben der von Russland eingesetzten Verwaltung 40 Drohnen abgeschossen.",
            "40",
            "der von Russland eingesetzten Verwaltung",
        ),
        (
            "Bauzinsen liegen laut dem Portal Interhyp derzeit bei etwa 3,4 Prozent.",
            "etwa 3,4 Prozent",
            "dem Portal Interhyp",
        ),
        (
            "Nach Erkenntnissen der Nato und der EU wurden 11.000 Soldaten entsandt.",
            "11.000",
            "der Nato und der EU",
        ),
    ],
)
def test_a_claimant_after_nach_angaben_ends_with_its_noun_phrase(text: str, mention: str, claimant: str) -> None:
    assert source(text, mention) == claimant


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        (
            "Bei dem Angriff wurden 14 Menschen verletzt, teilte Bürgermeister Vitali Klitschko mit.",
            "14",
            "Bürgermeister Vitali Klitschko",
        ),
        (
            "Die Flugabwehr habe 30 Drohnen abgeschossen, teilten die Streitkräfte am Morgen mit.",
            "30",
            "die Streitkräfte",
        ),
        ("Mindestens fünf Menschen seien getötet worden, gab die Polizei an.", "Mindestens fünf", "die Polizei"),
        ("Insgesamt wurden 50 Drohnen abgeschossen, hieß es aus Kiew.", "50", "Kiew"),
    ],
)
def test_the_claimant_inside_an_inverted_separable_verb(text: str, mention: str, claimant: str) -> None:
    assert source(text, mention) == claimant


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        ("Nach russischen Angaben wurden 25 Drohnen abgeschossen.", "25", "russischen Angaben"),
        ("Nach Polizeiangaben wurden drei Menschen verletzt.", "drei", "Polizeiangaben"),
        ("Nach US-Angaben sind 10.000 nordkoreanische Soldaten in Russland.", "10.000", "US-Angaben"),
        ("Nach vorläufigen Angaben wurden 8 Menschen getötet.", "8", None),
    ],
)
def test_angaben_qualified_by_who_gives_them_is_the_claimant(text: str, mention: str, claimant: str | None) -> None:
    assert source(text, mention) == claimant


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        ("Die Marine hat nach eigenen Angaben 12 Drohnen zerstört.", "12", "Die Marine"),
        (
            "Die Zentralbank senkte den Leitzins auf 3 Prozent, wie sie am Mittwoch mitteilte.",
            "3 Prozent",
            "Die Zentralbank",
        ),
        (
            "Der Gouverneur Oleh Kiper sprach von einem schweren Angriff. Ein 67-jähriger Mann wird nach seinen Angaben"
            " noch vermisst.",
            "67-jähriger",
            None,
        ),
        (
            "Die Explosion verletzte 14 Menschen, teilte Bürgermeister Ihor Terechow mit. Ein 67-jähriger Mann"
            " wird nach seinen Angaben noch vermisst.",
            "67-jähriger",
            "Bürgermeister Ihor Terechow",
        ),
    ],
)
def test_own_and_pronoun_claims_go_to_the_subject_or_the_named_claimant(
    text: str, mention: str, claimant: str | None
) -> None:
    assert source(text, mention) == claimant


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        ("Für 2025 erwartet die Bundesbank ein Wachstum von 0,4 Prozent.", "0,4 Prozent", "die Bundesbank"),
        (
            "Am Montag meldete das Verteidigungsministerium 45 abgeschossene Drohnen.",
            "45",
            "das Verteidigungsministerium",
        ),
        (
            "Für das laufende Jahr rechnet die Notenbank nun mit einer Inflation von 8 Prozent.",
            "8 Prozent",
            "die Notenbank",
        ),
    ],
)
def test_the_subject_after_the_verb_when_a_phrase_opens_the_sentence(text: str, mention: str, claimant: str) -> None:
    assert source(text, mention) == claimant


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        (
            "Der Rat senkte den Zins auf 3,25 Prozent, wie die Notenbank um 14.15 Uhr mitteilte.",
            "3,25 Prozent",
            "die Notenbank",
        ),
        (
            "Die Vereinten Nationen haben bislang mindestens 500 getötete Zivilisten registriert.",
            "mindestens 500",
            "Die Vereinten Nationen",
        ),
        ("Präsident Selenskyj nannte die Zahl von 31.000 getöteten Soldaten.", "31.000", "Präsident Selenskyj"),
        ("Ein Sprecher kündigte an, 200 weitere Soldaten zu entsenden.", "200", "Ein Sprecher"),
        ("Behörden melden neun Tote", "neun", "Behörden"),
        ("Unabhängige Experten gehen davon aus, dass 5000 Soldaten getötet wurden.", "5000", "Unabhängige Experten"),
    ],
)
def test_the_subject_of_a_reporting_verb(text: str, mention: str, claimant: str) -> None:
    assert source(text, mention) == claimant
