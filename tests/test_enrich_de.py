"""`when` and `source` on German sentences written for the test, one family of phrasings per test."""

from __future__ import annotations

import pytest
from enrichment import facts_by_span

PUBLISHED = "2024-11-20"  # a Wednesday


def enriched(text: str, mention: str, published: str = PUBLISHED) -> tuple[str | None, str | None]:
    """The source text and the when text of the fact whose span is `mention`."""
    fact = facts_by_span(text, "de", published)[mention]
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
        # A clock time after the claimant is when it spoke, not an object.
        (
            "Die Flugabwehr habe 62 der 145 Drohnen abgeschossen, teilte die Luftwaffe gegen 9.30 Uhr mit.",
            "62",
            "die Luftwaffe",
        ),
        ("Es seien 40 Drohnen abgeschossen worden, teilte die Armee um 7 Uhr auf Telegram mit.", "40", "die Armee"),
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
            "Die Blauhelmtruppe Unifil, an der sich Soldatinnen und Soldaten aus 50 Ländern beteiligen, meldete fünf"
            " verletzte Blauhelme.",
            "fünf",
            "Die Blauhelmtruppe Unifil",
        ),
        (
            "Die Armee meldete 40 Angriffe.\n\nSeit Beginn des Krieges haben die Huthis nach eigenen Angaben mehr als"
            " 200 Raketen auf Israel abgefeuert.",
            "mehr als 200",
            "die Huthis",
        ),
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
        ("Nach einer dpa-Zählung wurden seit Jahresbeginn 4.000 Drohnen abgeschossen.", "4.000", "einer dpa-Zählung"),
        ("Nach einer Reuters-Zählung starben 120 Zivilisten.", "120", "einer Reuters-Zählung"),
        ("Seit Dezember hat Russland nach Zählung der Luftwaffe 900 Drohnen eingesetzt.", "900", "der Luftwaffe"),
        ("Nach Auswertung von Satellitenbildern schlugen 12 Raketen ein.", "12", None),
    ],
)
def test_a_count_names_who_counted(text: str, mention: str, claimant: str | None) -> None:
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


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        (
            "Nach Angaben der Internationalen Organisation für Migration (IOM) kamen 61 Menschen ums Leben.",
            "61",
            "der Internationalen Organisation für Migration (IOM)",
        ),
        (
            "Die Internationale Organisation für Migration (IOM) zählte 61 Tote.",
            "61",
            "Die Internationale Organisation für Migration (IOM)",
        ),
        (
            "Laut dem Amt für Statistik stieg die Zahl der Arbeitslosen auf 2,9 Millionen.",
            "2,9 Millionen",
            "dem Amt für Statistik",
        ),
        ("Die Weltgesundheitsorganisation (WHO) verzeichnete 23 Tote.", "23", "Die Weltgesundheitsorganisation (WHO)"),
    ],
)
def test_a_body_named_with_fuer_and_its_acronym_is_one_claimant(text: str, mention: str, claimant: str) -> None:
    assert source(text, mention) == claimant


def when(text: str, mention: str) -> tuple[str, str, str] | None:
    """The text, first and last day of the date of the fact whose span is `mention`."""
    fact = facts_by_span(text, "de", PUBLISHED)[mention]
    return (fact.when.text, str(fact.when.start), str(fact.when.end)) if fact.when else None


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "In der vergangenen Woche wurden 40 Drohnen abgeschossen.",
            "40",
            ("vergangenen Woche", "2024-11-11", "2024-11-17"),
        ),
        (
            "Im vergangenen Jahr starben 300 Menschen bei Angriffen.",
            "300",
            ("vergangenen Jahr", "2023-01-01", "2023-12-31"),
        ),
        (
            "Für das kommende Jahr plant die Regierung Ausgaben von 50 Milliarden Euro.",
            "50 Milliarden Euro",
            ("kommende Jahr", "2025-01-01", "2025-12-31"),
        ),
        ("Im Frühjahr nahmen 5000 Soldaten an dem Manöver teil.", "5000", ("Frühjahr", "2024-03-01", "2024-05-31")),
        (
            "Die Angeklagte hatte im Jahr 2019 rund 300.000 Euro veruntreut.",
            "rund 300.000 Euro",
            ("Jahr 2019", "2019-01-01", "2019-12-31"),
        ),
        (
            "Zehntausende Menschen verbrachten die Nacht in Schutzräumen.",
            "Zehntausende",
            ("die Nacht", "2024-11-19", "2024-11-20"),
        ),
    ],
)
def test_a_date_is_written_without_the_preposition_before_it(
    text: str, mention: str, expected: tuple[str, str, str]
) -> None:
    assert when(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Am Dienstagabend griff Russland mit 50 Drohnen an.", "50", ("Dienstagabend", "2024-11-19", "2024-11-19")),
        (
            "Der Angriff begann am Sonntagmorgen, 12 Menschen wurden verletzt.",
            "12",
            ("Sonntagmorgen", "2024-11-17", "2024-11-17"),
        ),
        ("Am Morgen waren 3000 Menschen ohne Strom.", "3000", None),
        (
            "Die Bank wird morgen den Leitzins auf 3 Prozent senken.",
            "3 Prozent",
            ("morgen", "2024-11-21", "2024-11-21"),
        ),
    ],
)
def test_weekday_with_a_time_of_day_and_morgen(text: str, mention: str, expected: tuple[str, str, str] | None) -> None:
    assert when(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Die Bank hatte 2021 Insolvenz angemeldet; rund 1400 Sparer warten.",
            "rund 1400",
            ("2021", "2021-01-01", "2021-12-31"),
        ),
        ("Bis 2027 sollen 5000 Soldaten in Litauen stationiert sein.", "5000", ("2027", "2027-01-01", "2027-12-31")),
        (
            "Berlin hatte bereits 2017 rund 1500 Soldaten nach Litauen geschickt.",
            "rund 1500",
            ("2017", "2017-01-01", "2017-12-31"),
        ),
        ("Russland hat bereits 2000 Soldaten verloren.", "2000", None),
    ],
)
def test_a_bare_year_after_a_verb_or_bis(text: str, mention: str, expected: tuple[str, str, str] | None) -> None:
    assert when(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Vor einem Jahr lag der Leitzins noch bei 4 Prozent.",
            "4 Prozent",
            ("Vor einem Jahr", "2023-11-20", "2023-11-20"),
        ),
        (
            "Zum Jahresbeginn lagen die Zinsen bei über 3,5 Prozent.",
            "über 3,5 Prozent",
            ("Jahresbeginn", "2024-01-01", "2024-01-31"),
        ),
        (
            "Bis zum Jahresende könnten 15.000 nordkoreanische Soldaten in Russland sein.",
            "15.000",
            ("Jahresende", "2024-12-31", "2024-12-31"),
        ),
        (
            "In den kommenden Wochen sollen 1000 weitere Soldaten folgen.",
            "1000",
            ("kommenden Wochen", "2024-11-25", "2024-12-15"),
        ),
    ],
)
def test_dates_relative_to_the_year_and_the_coming_weeks(
    text: str, mention: str, expected: tuple[str, str, str]
) -> None:
    assert when(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Am Donnerstag senkte die EZB die Zinsen. Es ist die dritte Senkung seit Juni. Er sinkt auf 3,4 Prozent.",
            "3,4 Prozent",
            ("Donnerstag", "2024-11-14", "2024-11-14"),
        ),
        (
            "Die Inflation lag im Oktober erstmals seit 2021 unter 2 Prozent.",
            "unter 2 Prozent",
            ("Oktober", "2024-10-01", "2024-10-31"),
        ),
    ],
)
def test_seit_after_an_ordinal_or_erstmals_is_no_date(text: str, mention: str, expected: tuple[str, str, str]) -> None:
    assert when(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Von den 50 Drohnen, die Russland in der Nacht startete, wurden 40 abgeschossen.",
            "50",
            ("in der Nacht", "2024-11-19", "2024-11-20"),
        ),
        (
            "Von den 50 Drohnen, die Russland in der Nacht startete, wurden 40 abgeschossen.",
            "40",
            ("in der Nacht", "2024-11-19", "2024-11-20"),
        ),
        ("Russland, das im Februar 2022 einmarschierte, verlor seitdem 5000 Soldaten.", "5000", None),
    ],
)
def test_a_relative_clause_between_a_count_and_its_verb_dates_the_count(
    text: str, mention: str, expected: tuple[str, str, str] | None
) -> None:
    assert when(text, mention) == expected


def test_a_quotation_is_its_own_sentence_and_its_speaker_follows_it() -> None:
    text = "Mindestens 14 Personen wurden verletzt. „Seit 75 Jahren gab es das nicht“, sagt Kreisbrandrat Josef Huber."
    assert source(text, "75 Jahren") == "Kreisbrandrat Josef Huber"
    assert source(text, "Mindestens 14") is None


def test_an_ordinal_belongs_to_its_noun_phrase_and_a_quoted_name_is_no_quotation() -> None:
    assert source("Die 47. Brigade hat nach eigenen Angaben zwei Schützenpanzer zerstört.", "zwei") == "Die 47. Brigade"
    text = (
        "Am Manöver „Quadriga“ nahmen 5000 Soldaten teil. Ein Soldat der 1. Panzerdivision sagte, die Stimmung sei gut."
    )
    assert source(text, "5000") is None


def test_a_season_with_its_year_and_a_day_with_its_ordinal_dot() -> None:
    assert when("Im Sommer 2023 lag die Inflation bei 6 Prozent.", "6 Prozent") == (
        "Sommer 2023",
        "2023-06-01",
        "2023-08-31",
    )
    assert when("Der Angriff am 6. November tötete 5 Menschen.", "5") == ("6. November", "2024-11-06", "2024-11-06")


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        (
            "Das Gericht verurteilte ihn zu sieben Jahren Haft, wie sein Anwalt der Nachrichtenagentur AFP sagte.",
            "sieben Jahren",
            "sein Anwalt",
        ),
        (
            "Vier Menschen wurden getötet, wie ein Sprecher der Polizei der Deutschen Presse-Agentur sagte.",
            "Vier",
            "ein Sprecher der Polizei",
        ),
        ("Vier Menschen wurden getötet, sagte der Gouverneur dem Sender n-tv.", "Vier", "der Gouverneur"),
    ],
)
def test_the_press_spoken_to_is_not_part_of_the_claimant(text: str, mention: str, claimant: str) -> None:
    assert source(text, mention) == claimant


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Einer Zählung der Deutschen Presse-Agentur zufolge kamen mindestens 70 Menschen ums Leben.",
            "Einer Zählung der Deutschen Presse-Agentur",
        ),
        (
            "Laut einer Auswertung der Nachrichtenagentur AFP kamen mindestens 70 Menschen ums Leben.",
            "einer Auswertung der Nachrichtenagentur AFP",
        ),
    ],
)
def test_the_agency_whose_count_it_is_belongs_to_the_claimant(text: str, claimant: str) -> None:
    """After a count or a report, "der Nachrichtenagentur" is its genitive, not whom a speaker told."""
    assert source(text, "mindestens 70") == claimant


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        (
            "Deutschland werde 4800 Soldaten nach Litauen schicken, sagte Verteidigungsminister Boris Pistorius "
            "in Vilnius.",
            "4800",
            "Verteidigungsminister Boris Pistorius",
        ),
        (
            "Russland habe 40 Drohnen gestartet, sagte Bürgermeister Vitali Klitschko in Kiew.",
            "40",
            "Bürgermeister Vitali Klitschko",
        ),
        # A body and its place name one claimant: "die Regierung in London".
        (
            "Rund 300 Soldaten seien verlegt worden, teilten die Behörden in Kiew mit.",
            "Rund 300",
            "die Behörden in Kiew",
        ),
        # So "im" before the verb; after an inverted verb it says where the claimant spoke.
        (
            "Das Gesundheitsministerium im Gazastreifen meldete am Montag 38 Tote.",
            "38",
            "Das Gesundheitsministerium im Gazastreifen",
        ),
        ("40 Drohnen wurden abgeschossen, sagte der Sprecher im Fernsehen.", "40", "der Sprecher"),
    ],
)
def test_a_place_after_a_person_says_where_they_spoke(text: str, mention: str, claimant: str) -> None:
    assert source(text, mention) == claimant


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        (
            "In der Nacht seien 45 Drohnen abgeschossen worden, so der ukrainische Generalstab.",
            "45",
            "der ukrainische Generalstab",
        ),
        ("Russland habe 30 Raketen abgefeuert, so Selenskyj.", "30", "Selenskyj"),
        ("Die Armee schoss 20 Drohnen ab, so dass die meisten ihr Ziel verfehlten.", "20", None),
        (
            "Nach am Mittwoch veröffentlichten Zahlen der UN wurden mehr als 12.000 Zivilisten getötet.",
            "mehr als 12.000",
            "der UN",
        ),
        ("Nach Daten von ACLED wurden 300 Drohnen eingesetzt.", "300", "ACLED"),
        ("Nach neuen Zahlen stieg die Inflation auf 2,4 Prozent.", "2,4 Prozent", None),
    ],
)
def test_so_after_a_comma_and_figures_of_a_body_name_the_claimant(
    text: str, mention: str, claimant: str | None
) -> None:
    assert source(text, mention) == claimant


def test_will_and_wollen_make_a_forecast() -> None:
    """An intention looks ahead: its month is the next one, and no past date of the sentence before carries to it."""
    assert when("Die EZB will im Dezember die Zinsen auf 3 Prozent senken.", "3 Prozent") == (
        "Dezember",
        "2024-12-01",
        "2024-12-31",
    )
    text = "Das BIP schrumpfte im dritten Quartal um 0,1 Prozent. Der Konzern will bis zu 2 Milliarden Euro sparen."
    assert when(text, "bis zu 2 Milliarden Euro") is None


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        ("Am Dienstag hatte die Luftwaffe 45 abgeschossene Drohnen gemeldet.", "45", "die Luftwaffe"),
        ("Rund 300 der fast 500 Soldaten seien bereits kampfunfähig, behauptet Kiew.", "Rund 300", "Kiew"),
    ],
)
def test_a_pluperfect_report_and_a_present_claim_name_their_claimant(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Ökonomen rechnen mit einer Inflation von 3 Prozent im ersten Quartal.",
            "3 Prozent",
            ("ersten Quartal", "2025-01-01", "2025-03-31"),
        ),
        (
            "Wir erwarten, dass die Inflation im ersten Quartal auf 3 Prozent sinkt.",
            "3 Prozent",
            ("ersten Quartal", "2025-01-01", "2025-03-31"),
        ),
        # "wie erwartet" says the move was expected, not that it lies ahead.
        (
            "Die Notenbank hob den Leitzins wie erwartet im Oktober auf 4 Prozent an.",
            "4 Prozent",
            ("Oktober", "2024-10-01", "2024-10-31"),
        ),
    ],
)
def test_expecting_puts_a_date_ahead(text: str, mention: str, expected: tuple[str, str, str]) -> None:
    assert when(text, mention) == expected


def test_we_in_a_quotation_is_its_speaker() -> None:
    text = '"Wir erwarten einen Anstieg auf 13 Prozent", sagte Notenbankchef Andrij Pyschnyj.'
    assert source(text, "13 Prozent") == "Notenbankchef Andrij Pyschnyj"


@pytest.mark.parametrize("mention", ["43.846", "mehr als 103.000"])
def test_a_running_total_takes_no_date_from_the_increment_before_it(mention: str) -> None:
    """ "Die Zahl der Toten stieg damit auf …" is a running total (a thousands point does not end it), as "bringing
    the total to …" is: the 24 hours of the sentence before dated only the increment."""
    text = (
        "Binnen 24 Stunden wurden 52 Menschen getötet. Die Zahl der Toten seit Kriegsbeginn stieg damit auf 43.846, "
        "mehr als 103.000 Menschen wurden verletzt."
    )
    assert when(text, "52") == ("24 Stunden", "2024-11-19", "2024-11-20")
    assert when(text, mention) is None


@pytest.mark.parametrize(
    ("text", "mention", "claimant"),
    [
        (
            "Rund 5.000 Soldaten sollen in Litauen stationiert werden, kündigte Verteidigungsminister Boris "
            "Pistorius an.",
            "Rund 5.000",
            "Verteidigungsminister Boris Pistorius",
        ),
        (
            "Die Zahl der Arbeitslosen stieg auf 3,025 Millionen. Das teilte die Bundesagentur für Arbeit am "
            "Freitag in Nürnberg mit.",
            "3,025 Millionen",
            "die Bundesagentur für Arbeit",
        ),
        ("Bei einem Angriff starben 13 Menschen, wie Ärzte ohne Grenzen berichtete.", "13", "Ärzte ohne Grenzen"),
        (
            "Die Polizei meldete 14 Festnahmen, das Innenministerium sprach dagegen von 17 Festgenommenen.",
            "17",
            "das Innenministerium",
        ),
        ("Bei dem Unglück starben 12 Menschen, gab die Feuerwehr am Abend bekannt.", "12", "die Feuerwehr"),
    ],
)
def test_separable_verbs_and_speaking_of_a_figure_name_the_claimant(text: str, mention: str, claimant: str) -> None:
    assert source(text, mention) == claimant
