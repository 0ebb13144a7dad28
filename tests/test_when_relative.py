"""Dates counted from the publication day in every language: next week or month, the end of the year, N units ago."""

from __future__ import annotations

import pytest
from enrichment import fact_at

PUBLISHED = "2024-11-17"  # a Sunday


def when(text: str, span: str, lang: str) -> str | None:
    found = fact_at(text, span, lang, PUBLISHED).when
    return None if found is None else f"{found.text} {found.start} {found.end}"


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("en", "Russia had launched 40 drones the week before.", "40", "the week before 2024-11-04 2024-11-10"),
        (
            "en",
            "The preceding week, 40 drones were shot down.",
            "40",
            "The preceding week 2024-11-04 2024-11-10",
        ),
        ("es", "Rusia lanzó 40 drones la semana anterior.", "40", "la semana anterior 2024-11-04 2024-11-10"),
        (
            "fr",
            "La Russie avait lancé 40 drones la semaine précédente.",
            "40",
            "la semaine précédente 2024-11-04 2024-11-10",
        ),
        ("de", "Russland hatte in der Vorwoche 40 Drohnen gestartet.", "40", "Vorwoche 2024-11-04 2024-11-10"),
        ("de", "In der Woche zuvor waren es 40 Drohnen.", "40", "In der Woche zuvor 2024-11-04 2024-11-10"),
    ],
)
def test_the_week_before_is_the_calendar_week_before_publication(
    lang: str, text: str, span: str, expected: str
) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Since the start of the year, Russia has launched 17,000 drones.", "Since the start of the year"),
        ("es", "Desde principios de año, Rusia ha lanzado 17.000 drones.", "Desde principios de año"),
        ("fr", "Depuis le début de l’année, la Russie a lancé 17 000 drones.", "Depuis le début de l’année"),
        ("de", "Seit Jahresbeginn hat Russland 17.000 Drohnen gestartet.", "Seit Jahresbeginn"),
    ],
)
def test_since_the_start_of_the_year_runs_to_publication(lang: str, text: str, expected: str) -> None:
    span = next(word for word in text.split() if word[0].isdigit())
    assert when(text, span, lang) == f"{expected} 2024-01-01 2024-11-17"


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("en", "Russia launched 561 drones in the week to November 15, the air force said.", "561"),
        ("en", "In the seven days ending Nov. 15, air defences shot down 412 drones.", "412"),
        ("es", "Rusia lanzó 561 drones en la semana que terminó el 15 de noviembre.", "561"),
        ("fr", "La Russie a lancé 561 drones durant la semaine achevée le 15 novembre.", "561"),
        ("de", "Russland startete in der Woche bis zum 15. November 561 Drohnen.", "561"),
    ],
)
def test_the_week_to_a_date_is_the_seven_days_ending_on_it(lang: str, text: str, span: str) -> None:
    assert (when(text, span, lang) or "")[-21:] == "2024-11-09 2024-11-15"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In Odesa, 31 people were wounded last week and 18 the week before."),
        ("es", "En Odesa, 31 personas resultaron heridas la semana pasada, frente a 18 la semana anterior."),
        (
            "fr",
            "À Odessa, 31 personnes ont été blessées la semaine dernière. La semaine précédente, 18 personnes "
            "avaient été blessées.",
        ),
        (
            "de",
            "In Odessa wurden vergangene Woche 31 Menschen verletzt. In der Vorwoche waren 18 Menschen "
            "verletzt worden.",
        ),
    ],
)
def test_the_week_before_a_named_week_is_the_week_before_that_one(lang: str, text: str) -> None:
    assert (when(text, "31", lang) or "")[-21:] == "2024-11-04 2024-11-10"
    assert (when(text, "18", lang) or "")[-21:] == "2024-10-28 2024-11-03"


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "en",
            "The ECB is expected to cut its deposit rate to 3% next month.",
            "3%",
            "next month 2024-12-01 2024-12-31",
        ),
        ("en", "The Fed will keep rates at 4.75% next week.", "4.75%", "next week 2024-11-18 2024-11-24"),
        (
            "fr",
            "La BCE devrait abaisser son taux de dépôt à 3 % le mois prochain.",
            "3 %",
            "le mois prochain 2024-12-01 2024-12-31",
        ),
        (
            "fr",
            "La Pologne enverra 2 000 soldats la semaine prochaine.",
            "2 000",
            "la semaine prochaine 2024-11-18 2024-11-24",
        ),
        (
            "es",
            "El BCE bajará el tipo de depósito al 3 % el próximo mes.",
            "3 %",
            "el próximo mes 2024-12-01 2024-12-31",
        ),
        (
            "es",
            "Polonia enviará 2.000 soldados la semana que viene.",
            "2.000",
            "la semana que viene 2024-11-18 2024-11-24",
        ),
        (
            "de",
            "Die EZB dürfte den Einlagenzins im kommenden Monat auf 3 Prozent senken.",
            "3 Prozent",
            "kommenden Monat 2024-12-01 2024-12-31",
        ),
        ("de", "Polen will nächste Woche 2000 Soldaten schicken.", "2000", "nächste Woche 2024-11-18 2024-11-24"),
    ],
)
def test_next_week_and_next_month_are_after_publication(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "en",
            "The army will recruit 5,000 soldiers by the end of the year.",
            "5,000",
            "end of the year 2024-12-31 2024-12-31",
        ),
        ("en", "Some 2,000 troops will arrive by year-end.", "Some 2,000", "year-end 2024-12-31 2024-12-31"),
        (
            "fr",
            "L'armée recrutera 5 000 soldats d'ici la fin de l'année.",
            "5 000",
            "fin de l'année 2024-12-31 2024-12-31",
        ),
        (
            "es",
            "El ejército reclutará 5.000 soldados antes de finales de año.",
            "5.000",
            "finales de año 2024-12-31 2024-12-31",
        ),
        (
            "de",
            "Die Armee will bis zum Jahresende 5000 Soldaten rekrutieren.",
            "5000",
            "Jahresende 2024-12-31 2024-12-31",
        ),
    ],
)
def test_the_end_of_the_year_is_its_last_day(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "en",
            "Five weeks ago, the central bank raised its key rate to 21%.",
            "21%",
            "Five weeks ago 2024-10-13 2024-10-13",
        ),
        ("en", "Two days ago, 40 drones were shot down over Kyiv.", "40", "Two days ago 2024-11-15 2024-11-15"),
        ("en", "A year ago, 300 troops were stationed there.", "300", "A year ago 2023-11-17 2023-11-17"),
        (
            "fr",
            "Il y a trois semaines, la banque centrale a relevé son taux à 21 %.",
            "21 %",
            "Il y a trois semaines 2024-10-27 2024-10-27",
        ),
        ("fr", "Il y a deux jours, 40 drones ont été abattus.", "40", "Il y a deux jours 2024-11-15 2024-11-15"),
        (
            "es",
            "Hace dos meses, el banco central subió el tipo al 21 %.",
            "21 %",
            "Hace dos meses 2024-09-17 2024-09-17",
        ),
        ("es", "Hace 3 semanas, 40 drones fueron derribados.", "40", "Hace 3 semanas 2024-10-27 2024-10-27"),
        (
            "de",
            "Vor drei Wochen hatte die Notenbank den Leitzins auf 21 Prozent angehoben.",
            "21 Prozent",
            "Vor drei Wochen 2024-10-27 2024-10-27",
        ),
        ("de", "Vor einem Jahr waren dort 300 Soldaten stationiert.", "300", "Vor einem Jahr 2023-11-17 2023-11-17"),
    ],
)
def test_a_count_of_units_ago_is_that_day(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


def test_an_uncounted_ago_dates_nothing() -> None:
    assert when("A few weeks ago, 40 drones were shot down over Kyiv.", "40", "en") is None


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("en", "Ukraine killed 1,530 Russian soldiers over the past day.", "1,530", "past day 2024-11-16 2024-11-17"),
        ("en", "Russia lost 1,200 soldiers in the last 24 hours.", "1,200", "last 24 hours 2024-11-16 2024-11-17"),
        (
            "fr",
            "La Russie a perdu 1 530 soldats au cours des dernières 24 heures.",
            "1 530",
            "dernières 24 heures 2024-11-16 2024-11-17",
        ),
        (
            "es",
            "Rusia perdió 1.500 soldados en las últimas 24 horas.",
            "1.500",
            "últimas 24 horas 2024-11-16 2024-11-17",
        ),
        (
            "de",
            "In den vergangenen 24 Stunden wurden 45 Drohnen abgeschossen.",
            "45",
            "vergangenen 24 Stunden 2024-11-16 2024-11-17",
        ),
        (
            "de",
            "Die Armee erklärte, sie habe binnen 24 Stunden 20 Kämpfer getötet.",
            "20",
            "24 Stunden 2024-11-16 2024-11-17",
        ),
        ("de", "Innerhalb von 24 Stunden wurden 45 Drohnen abgeschossen.", "45", "24 Stunden 2024-11-16 2024-11-17"),
    ],
)
def test_the_past_day_is_the_day_before_publication_and_it(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "en",
            "The central bank will cut its key rate to 0.75% in December.",
            "0.75%",
            "December 2024-12-01 2024-12-31",
        ),
        ("en", "Britain will send 1.5 thousand more troops on Monday.", "1.5 thousand", "Monday 2024-11-18 2024-11-18"),
        # An aside that only gives a number does not end the clause either.
        (
            "en",
            "The Fed is expected to cut rates by a quarter point, to 4.25%, in December.",
            "4.25%",
            "December 2024-12-01 2024-12-31",
        ),
        (
            "fr",
            "La BCE devrait baisser son taux de 25 points, à 3 %, en décembre.",
            "3 %",
            "décembre 2024-12-01 2024-12-31",
        ),
        (
            "es",
            "El Banco de México podría recortar su tasa en 25 puntos base, al 10 %, en diciembre.",
            "10 %",
            "diciembre 2024-12-01 2024-12-31",
        ),
        # Any other aside does: the defence ministry spoke last Monday.
        (
            "en",
            "Germany will deploy 4,000 troops to Lithuania, the defence ministry said on Monday.",
            "4,000",
            "Monday 2024-11-11 2024-11-11",
        ),
    ],
)
def test_a_future_verb_reaches_its_date_across_a_decimal_point_or_a_number_aside(
    lang: str, text: str, span: str, expected: str
) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "en",
            "Over the weekend, Russia fired 120 drones at Ukrainian cities.",
            "120",
            "weekend 2024-11-16 2024-11-17",
        ),
        (
            "en",
            "At least 14 people were killed in strikes this past weekend.",
            "At least 14",
            "this past weekend 2024-11-16 2024-11-17",
        ),
        (
            "fr",
            "Ce week-end, la Russie a tiré 120 drones sur des villes ukrainiennes.",
            "120",
            "Ce week-end 2024-11-16 2024-11-17",
        ),
        (
            "es",
            "Durante el fin de semana, Rusia lanzó 120 drones contra Ucrania.",
            "120",
            "el fin de semana 2024-11-16 2024-11-17",
        ),
        (
            "de",
            "Am vergangenen Wochenende feuerte Russland 120 Drohnen ab.",
            "120",
            "vergangenen Wochenende 2024-11-16 2024-11-17",
        ),
        ("en", "Poland will send 2,000 troops next weekend.", "2,000", "next weekend 2024-11-23 2024-11-24"),
    ],
)
def test_the_weekend_is_its_saturday_and_sunday(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "en",
            "In the past week, Russia launched more than 800 drones.",
            "more than 800",
            "past week 2024-11-10 2024-11-17",
        ),
        (
            "en",
            "Over the last 10 days, air defences shot down 410 drones.",
            "410",
            "last 10 days 2024-11-07 2024-11-17",
        ),
        ("en", "Over the past two weeks, 60 soldiers were killed.", "60", "past two weeks 2024-11-03 2024-11-17"),
        (
            "fr",
            "Ces sept derniers jours, la défense aérienne a abattu 410 drones.",
            "410",
            "Ces sept derniers jours 2024-11-10 2024-11-17",
        ),
        (
            "fr",
            "Au cours de la semaine écoulée, la Russie a lancé 800 drones.",
            "800",
            "la semaine écoulée 2024-11-10 2024-11-17",
        ),
        (
            "es",
            "En los últimos siete días, la defensa antiaérea derribó 410 drones.",
            "410",
            "los últimos siete días 2024-11-10 2024-11-17",
        ),
        (
            "de",
            "In den vergangenen sieben Tagen hat Russland 800 Drohnen gestartet.",
            "800",
            "vergangenen sieben Tagen 2024-11-10 2024-11-17",
        ),
        # "last week" stays the calendar week before publication; "the past few days" names no length.
        ("en", "Russia launched 800 drones last week.", "800", "last week 2024-11-04 2024-11-10"),
        ("en", "In the past few days, Russia launched 300 drones.", "300", None),
    ],
)
def test_the_past_days_end_at_publication(lang: str, text: str, span: str, expected: str | None) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "en",
            "Russia launched 48 drones on the night of March 8-9.",
            "48",
            "the night of March 8-9 2024-03-08 2024-03-09",
        ),
        (
            "en",
            "Russia launched 50 drones in the night from 8 to 9 March.",
            "50",
            "the night from 8 to 9 March 2024-03-08 2024-03-09",
        ),
        (
            "es",
            "Rusia lanzó 48 drones en la noche del 8 al 9 de marzo.",
            "48",
            "en la noche del 8 al 9 de marzo 2024-03-08 2024-03-09",
        ),
        (
            "de",
            "Russland hat in der Nacht zum 9. März 48 Drohnen gestartet.",
            "48",
            "in der Nacht zum 9. März 2024-03-08 2024-03-09",
        ),
        (
            "de",
            "Russland hat in der Nacht vom 8. auf den 9. März 50 Drohnen gestartet.",
            "50",
            "in der Nacht vom 8. auf den 9. März 2024-03-08 2024-03-09",
        ),
    ],
)
def test_a_night_between_two_dates_is_both_days(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


def test_d_ici_a_month_is_that_month_ahead() -> None:
    text = "La BCE devrait ramener son taux de dépôt à 2 % d'ici décembre."
    assert when(text, "2 %", "fr") == "décembre 2024-12-01 2024-12-31"
    assert when("Le taux sera ramené à 2 % d'ici mars.", "2 %", "fr") == "mars 2025-03-01 2025-03-31"


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Since the start of the full-scale invasion in February 2022, more than 12,000 civilians have been killed.",
            "more than 12,000",
            "Since the start of the full-scale invasion in February 2022 2022-02-01 2024-11-17",
        ),
        (
            "Since Russia invaded Ukraine on February 24, 2022, at least 600 children have been killed.",
            "at least 600",
            "Since Russia invaded Ukraine on February 24, 2022 2022-02-24 2024-11-17",
        ),
        (
            "More than 1,000 drones have been launched since the war began in 2022.",
            "More than 1,000",
            "since the war began in 2022 2022-01-01 2024-11-17",
        ),
    ],
)
def test_since_an_event_dated_in_the_same_words_runs_from_that_date(text: str, span: str, expected: str) -> None:
    assert when(text, span, "en") == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "fr",
            "L'armée de l'air a indiqué lundi que 50 drones avaient été abattus dans la nuit.",
            "50",
            "dans la nuit 2024-11-16 2024-11-17",
        ),
        (
            "es",
            "La Fuerza Aérea informó el lunes de que Rusia lanzó 50 drones durante la noche.",
            "50",
            "durante la noche 2024-11-16 2024-11-17",
        ),
        (
            "de",
            "Die Luftwaffe teilte am Montag mit, dass Russland in der Nacht 50 Drohnen gestartet habe.",
            "50",
            "in der Nacht 2024-11-16 2024-11-17",
        ),
        # Without a date of its own, the fact takes the day of the statement.
        (
            "fr",
            "L'armée de l'air a indiqué lundi que 50 drones avaient été abattus.",
            "50",
            "lundi 2024-11-11 2024-11-11",
        ),
    ],
)
def test_the_date_of_the_fact_after_que_dass_beats_the_day_of_the_claim(
    lang: str, text: str, span: str, expected: str
) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "de",
            "Seit Beginn der großangelegten Invasion im Februar 2022 wurden mehr als 12.000 Zivilisten getötet.",
            "mehr als 12.000",
            "Seit Beginn der großangelegten Invasion im Februar 2022 2022-02-01 2024-11-17",
        ),
        (
            "de",
            "Seit Kriegsbeginn im Jahr 2022 wurden mehr als 1000 Drohnen gestartet.",
            "mehr als 1000",
            "Seit Kriegsbeginn im Jahr 2022 2022-01-01 2024-11-17",
        ),
        (
            "es",
            "Desde que Rusia invadió Ucrania el 24 de febrero de 2022 han muerto al menos 600 niños.",
            "al menos 600",
            "Desde que Rusia invadió Ucrania el 24 de febrero de 2022 2022-02-24 2024-11-17",
        ),
    ],
)
def test_since_an_event_dated_in_the_same_words_in_german_and_spanish(
    lang: str, text: str, span: str, expected: str
) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "en",
            "The military says 47 soldiers have been killed since the ground operation began on October 1.",
            "47",
            "since the ground operation began on October 1 2024-10-01 2024-11-17",
        ),
        (
            "en",
            "Russia has launched 4,000 drones since the war escalated in September.",
            "4,000",
            "since the war escalated in September 2024-09-01 2024-11-17",
        ),
        (
            "fr",
            "La Russie a lancé 4 000 drones depuis l'escalade du conflit en septembre.",
            "4 000",
            "depuis l'escalade du conflit en septembre 2024-09-01 2024-11-17",
        ),
        (
            "es",
            "Rusia ha lanzado 4.000 drones desde que el conflicto se intensificó en septiembre.",
            "4.000",
            "desde que el conflicto se intensificó en septiembre 2024-09-01 2024-11-17",
        ),
        (
            "de",
            "Russland hat seit der Eskalation des Konflikts im September 4.000 Drohnen gestartet.",
            "4.000",
            "seit der Eskalation des Konflikts im September 2024-09-01 2024-11-17",
        ),
        # "Depuis", "desde" before a place say where from: the date is the day.
        (
            "fr",
            "L'armée affirme avoir intercepté la plupart des 180 missiles tirés depuis l'Iran le 1er octobre.",
            "180",
            "1er octobre 2024-10-01 2024-10-01",
        ),
        (
            "es",
            "El ejército interceptó la mayoría de los 180 misiles lanzados desde Irán el 1 de octubre.",
            "180",
            "1 de octubre 2024-10-01 2024-10-01",
        ),
    ],
)
def test_since_an_event_dated_by_its_month_or_day_alone(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Russia launched 40 drones on Sunday, one of its heaviest barrages since the conflict escalated in "
            "September. Of the 40 drones, 31 were intercepted.",
        ),
        (
            "fr",
            "La Russie a lancé 40 drones dimanche, l'attaque la plus lourde depuis l'escalade du conflit en "
            "septembre. Sur les 40 drones, 31 ont été abattus.",
        ),
        (
            "es",
            "Rusia lanzó 40 drones el domingo, el ataque más intenso desde que el conflicto se intensificó en "
            "septiembre. De los 40 drones, 31 fueron derribados.",
        ),
        (
            "de",
            "Russland griff am Sonntag mit 40 Drohnen an, der heftigste Angriff seit der Eskalation im September. "
            "Von den 40 Drohnen wurden 31 abgeschossen.",
        ),
    ],
)
def test_the_date_of_a_record_since_an_event_dates_no_fact(lang: str, text: str) -> None:
    """A superlative's "since" clause says what the record is measured against: the day of the attack carries on."""
    day = {"en": "Sunday", "fr": "dimanche", "es": "domingo", "de": "Sonntag"}[lang]
    assert when(text, "31", lang) == f"{day} 2024-11-17 2024-11-17"


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("en", "Inflation slowed to 3.1%, down from 4.5% in August.", "3.1%", None),
        ("en", "Inflation slowed to 3.1%, down from 4.5% in August.", "4.5%", "August 2024-08-01 2024-08-31"),
        (
            "en",
            "The army said 25 drones were shot down on Tuesday, down from 1,300 drones in August.",
            "25",
            "Tuesday 2024-11-12 2024-11-12",
        ),
        (
            "fr",
            "Le PIB ne progresserait que de 1 % l'an prochain, contre 3,6 % en 2023.",
            "3,6 %",
            "2023 2023-01-01 2023-12-31",
        ),
        ("es", "La inflación bajó al 3,1 %, frente al 4,5 % de agosto.", "3,1 %", None),
        ("de", "Die Inflation sank auf 3,1 Prozent, gegenüber 4,5 Prozent im August.", "3,1 Prozent", None),
    ],
)
def test_a_date_inside_a_comparison_dates_the_level_compared_with_alone(
    lang: str, text: str, span: str, expected: str | None
) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        # The day of the claim after a comma is past, whatever the tense before the comma.
        (
            "fr",
            "Quelque 1 500 soldats seront déployés, a indiqué lundi à la presse un porte-parole du Pentagone.",
            "Quelque 1 500",
            "lundi 2024-11-11 2024-11-11",
        ),
        (
            "de",
            "Mindestens 60 Menschen werden noch vermisst, teilten die Behörden am Dienstagabend mit.",
            "Mindestens 60",
            "Dienstagabend 2024-11-12 2024-11-12",
        ),
        ("en", "The Fed will cut its key rate to 4.5% on Wednesday.", "4.5%", "Wednesday 2024-11-20 2024-11-20"),
    ],
)
def test_a_future_verb_makes_a_date_ahead_only_within_its_clause(
    lang: str, text: str, span: str, expected: str
) -> None:
    assert when(text, span, lang) == expected


def test_the_comma_of_a_number_does_not_end_a_clause() -> None:
    text = "According to the UN on Wednesday, more than 12,300 civilians have been killed since February 2022."
    assert when(text, "more than 12,300", "en") == "since February 2022 2022-02-01 2024-11-17"


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("en", "In the summer of 2016, 14 people were killed.", "14", "the summer of 2016 2016-06-01 2016-08-31"),
        (
            "fr",
            "Les faits remontent à l'été 2016. Trois des quatorze victimes avaient moins de 15 ans.",
            "quatorze",
            "l'été 2016 2016-06-01 2016-08-31",
        ),
        ("es", "En el verano de 2016 murieron 14 personas.", "14", "el verano de 2016 2016-06-01 2016-08-31"),
    ],
)
def test_a_season_with_its_year_is_that_year(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("en", "The Fed could cut its rate to 4% in December.", "4%", "December 2024-12-01 2024-12-31"),
        ("fr", "La BCE pourrait abaisser son taux à 0,75 % en décembre.", "0,75 %", "décembre 2024-12-01 2024-12-31"),
        ("es", "El banco podría bajar su tasa al 4 % en diciembre.", "4 %", "diciembre 2024-12-01 2024-12-31"),
        (
            "de",
            "Die EZB könnte den Leitzins im Dezember auf 3 Prozent senken.",
            "3 Prozent",
            "Dezember 2024-12-01 2024-12-31",
        ),
    ],
)
def test_a_month_after_could_is_the_next_one(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("fr", "La BCE a maintenu son taux à 3,25 %, mais pourrait l'abaisser à 3 % en décembre.", "3,25 %", None),
        (
            "fr",
            "La BCE a maintenu son taux à 3,25 %, mais pourrait l'abaisser à 3 % en décembre.",
            "3 %",
            "décembre 2024-12-01 2024-12-31",
        ),
        ("en", "Rates were held at 4%, but the Fed could cut them in December.", "4%", None),
        ("en", "Russia has 50,000 troops near the border, and an offensive could begin next month.", "50,000", None),
        ("es", "El banco mantuvo la tasa en el 4 %, pero podría bajarla en diciembre.", "4 %", None),
        ("de", "Der Leitzins liegt bei 4 Prozent, doch die EZB könnte ihn im Dezember senken.", "4 Prozent", None),
        ("en", "Another 3,000 troops will be deployed next month.", "3,000", "next month 2024-12-01 2024-12-31"),
        ("fr", "Quelque 3 000 soldats seront déployés en décembre.", "3 000", "décembre 2024-12-01 2024-12-31"),
    ],
)
def test_a_date_put_ahead_in_a_later_clause_dates_only_that_clause(
    lang: str, text: str, span: str, expected: str | None
) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The economy grew 0.3% in the third quarter.", "0.3%", "third quarter 2024-07-01 2024-09-30"),
        ("GDP rose 0.4% in the first quarter of 2024.", "0.4%", "first quarter of 2024 2024-01-01 2024-03-31"),
        ("Profits fell 12% in Q4 2023.", "12%", "Q4 2023 2023-10-01 2023-12-31"),
        # The quarter of publication is this year's (published in November).
        ("Exports fell 2% in the fourth quarter.", "2%", "fourth quarter 2024-10-01 2024-12-31"),
        # Ahead, the next such quarter not yet over: this one, or next year's first.
        (
            "We expect inflation to peak at around 13% in the fourth quarter.",
            "around 13%",
            "fourth quarter 2024-10-01 2024-12-31",
        ),
        ("Growth will slow to 0.2% in the first quarter.", "0.2%", "first quarter 2025-01-01 2025-03-31"),
        ("Analysts expect the bank to cut to 4% in the first quarter.", "4%", "first quarter 2025-01-01 2025-03-31"),
    ],
)
def test_an_english_quarter_is_its_three_months(text: str, span: str, expected: str) -> None:
    """As "troisième trimestre", "tercer trimestre" and "dritten Quartal" are; not the month named before."""
    assert when(text, span, "en") == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "de",
            "Anfang des Monats hatte Russland 90 Drohnen gestartet.",
            "90",
            "Anfang des Monats 2024-11-01 2024-11-10",
        ),
        (
            "en",
            "At the start of the month, Russia launched 90 drones.",
            "90",
            "the start of the month 2024-11-01 2024-11-10",
        ),
        ("en", "Russia launched 900 drones in mid-month.", "900", "mid-month 2024-11-11 2024-11-20"),
        (
            "es",
            "A principios de este mes, Rusia lanzó 90 drones.",
            "90",
            "principios de este mes 2024-11-01 2024-11-10",
        ),
        ("fr", "Au début de ce mois, la Russie a lancé 90 drones.", "90", "début de ce mois 2024-11-01 2024-11-10"),
        # Since the start of the month is up to publication.
        (
            "en",
            "A few hundred residents have been evacuated since the start of the month.",
            "A few hundred",
            "since the start of the month 2024-11-01 2024-11-17",
        ),
        (
            "es",
            "Desde principios de mes, Rusia ha lanzado 900 drones.",
            "900",
            "Desde principios de mes 2024-11-01 2024-11-17",
        ),
    ],
)
def test_a_part_of_the_month_with_no_name_is_of_this_month(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "fr",
            "Au début du mois, la Russie avait lancé 90 drones, a indiqué jeudi l'armée.",
            "90",
            "début du mois 2024-11-01 2024-11-10",
        ),
        (
            "en",
            "On Saturday, Russia launched 90 drones, the air force said on Monday.",
            "90",
            "Saturday 2024-11-16 2024-11-16",
        ),
        # Not past a nearer date after it.
        (
            "fr",
            "Depuis le début de l'automne, Moscou a intensifié ses attaques : en octobre, plus de 2 "
            "000 drones ont été lancés.",
            "plus de 2 000",
            "octobre 2024-10-01 2024-10-31",
        ),
    ],
)
def test_a_date_that_opens_the_sentence_beats_the_day_of_a_later_claim(
    lang: str, text: str, span: str, expected: str
) -> None:
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        (
            "fr",
            "Les négociations, les premières discussions directes entre les deux pays depuis le printemps 2022, "
            "n'avaient duré que 90 minutes.",
            "90 minutes",
        ),
        (
            "es",
            "Las conversaciones, las primeras directas entre ambos países desde la primavera de 2022, solo "
            "duraron 90 minutos.",
            "90 minutos",
        ),
        (
            "en",
            "The talks, the first direct negotiations between the two warring countries since spring 2022, lasted "
            "only 90 minutes.",
            "90 minutes",
        ),
    ],
)
def test_a_plural_first_since_or_one_further_away_is_a_comparison_not_a_date(lang: str, text: str, span: str) -> None:
    """ "les premières … depuis le printemps 2022" measures the talks against earlier ones: it dates no fact."""
    assert when(text, span, lang) is None


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("en", "Russia has launched 4,000 drones since spring 2023.", "4,000", "since spring 2023"),
        ("es", "Rusia ha lanzado 4.000 drones desde la primavera de 2023.", "4.000", "desde la primavera de 2023"),
        ("de", "Russland hat seit dem Frühjahr 2023 4.000 Drohnen gestartet.", "4.000", "seit dem Frühjahr 2023"),
        ("fr", "La Russie a lancé 4 000 drones depuis le printemps 2023.", "4 000", "depuis le printemps 2023"),
    ],
)
def test_since_a_season_of_a_named_year_runs_from_that_year(lang: str, text: str, span: str, expected: str) -> None:
    """ "since spring 2023" read as "since spring" started in the spring of the year of publication."""
    assert when(text, span, lang) == f"{expected} 2023-03-01 2024-11-17"


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("fr", "La veille, une frappe russe sur Kharkiv avait fait quatre morts.", "quatre", "La veille 2024-11-16"),
        ("es", "La víspera, un ataque ruso contra Járkov causó cuatro muertos.", "cuatro", "La víspera 2024-11-16"),
        ("de", "Am Vortag wurden bei einem Angriff auf Charkiw vier Menschen getötet.", "vier", "Am Vortag 2024-11-16"),
        ("en", "A day later, 12 more drones were shot down.", "12", "A day later 2024-11-18"),
        (
            "en",
            "Russia launched 90 drones on Tuesday. On the same day, 12 people were killed in Kharkiv.",
            "12",
            "On the same day 2024-11-12",
        ),
        (
            "de",
            "Russland griff am Dienstag mit 90 Drohnen an. Am selben Tag wurden in Charkiw zwölf Menschen getötet.",
            "zwölf",
            "Am selben Tag 2024-11-12",
        ),
        ("en", "Five died on Tuesday. A day earlier, three people died in Sumy.", "three", "A day earlier 2024-11-11"),
        ("en", "Five died on Tuesday. The previous day, three people died.", "three", "The previous day 2024-11-11"),
        ("es", "Cinco murieron el martes. Un día antes, murieron tres personas.", "tres", "Un día antes 2024-11-11"),
        (
            "es",
            "Cinco murieron el martes. El día anterior murieron tres personas.",
            "tres",
            "El día anterior 2024-11-11",
        ),
        (
            "es",
            "El número de heridos subió el martes a 19 desde los 12 del día anterior.",
            "12",
            "del día anterior 2024-11-11",
        ),
        ("de", "Fünf Tote am Dienstag. Einen Tag zuvor starben drei Zivilisten.", "drei", "Einen Tag zuvor 2024-11-11"),
        (
            "fr",
            "Cinq morts mardi. Un jour plus tôt, trois civils avaient péri.",
            "trois",
            "Un jour plus tôt 2024-11-11",
        ),
        (
            "es",
            "El martes murieron cinco. Un día después, murieron tres personas.",
            "tres",
            "Un día después 2024-11-13",
        ),
        (
            "de",
            "Am Dienstag starben fünf. Einen Tag später starben drei Zivilisten.",
            "drei",
            "Einen Tag später 2024-11-13",
        ),
        (
            "fr",
            "Cinq morts mardi. Un jour plus tard, trois civils ont été tués.",
            "trois",
            "Un jour plus tard 2024-11-13",
        ),
        (
            "en",
            "On Tuesday Russia launched 40 drones, up from 25 the night before.",
            "25",
            "the night before 2024-11-11",
        ),
        ("es", "El martes Rusia lanzó 40 drones, tras 25 la noche anterior.", "25", "la noche anterior 2024-11-11"),
        (
            "fr",
            "Mardi, la Russie a lancé 40 drones, contre 25 la nuit précédente.",
            "25",
            "la nuit précédente 2024-11-11",
        ),
        (
            "de",
            "Am Dienstag griff Russland mit 40 Drohnen an, nach 25 in der Nacht zuvor.",
            "25",
            "in der Nacht zuvor 2024-11-11",
        ),
    ],
)
def test_the_day_before_or_after_is_counted_from_the_last_day_named_else_from_publication(
    lang: str, text: str, span: str, expected: str
) -> None:
    """ "La veille" in a live blog with no day named before it is the day before the blog's own; "A day earlier"
    after "on Tuesday" is Monday, not the day before publication."""
    words, day = expected.rsplit(" ", 1)
    assert when(text, span, lang) == f"{words} {day} {day}"


def test_the_same_day_with_no_day_named_before_dates_nothing() -> None:
    """ "dans la soirée" in an entry posted at 11h30 is last night's: with no day named before, it dates nothing."""
    assert when("11h30 - Le bilan a été relevé dans la soirée de 12 à 20 blessés.", "20", "fr") is None


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("de", "Großbritannien will im Frühjahr bis zu 100 Soldaten nach Estland schicken.", "bis zu 100", "Frühjahr"),
        ("es", "El Reino Unido enviará hasta 100 soldados a Estonia en primavera.", "hasta 100", "primavera"),
        ("en", "Britain will send up to 100 troops to Estonia in the spring.", "up to 100", "the spring"),
    ],
)
def test_a_season_ahead_that_has_begun_is_this_one(lang: str, text: str, span: str, expected: str) -> None:
    """Published in mid-March, "will send troops in the spring" is this spring, not next year's."""
    found = fact_at(text, span, lang, "2025-03-14").when
    assert found is not None
    assert (found.text, str(found.start), str(found.end)) == (expected, "2025-03-01", "2025-05-31")


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("en", "Inflation eased to 2.4% in October from 2.6% in September.", "2.6%", "September"),
        ("es", "El regulador ya había elevado el tipo al 18 % en julio y al 19 % en septiembre.", "19 %", "septiembre"),
        ("fr", "L'inflation a reculé à 2,4 % en octobre, contre 2,6 % en septembre.", "2,6 %", "septembre"),
        ("de", "Inflation sank im Oktober auf 2,4 Prozent nach 2,6 Prozent im September.", "2,6 Prozent", "September"),
        # "and" right before a figure opens a list item of its own: the date before it is the item before's.
        ("en", "Russia launched 1,200 drones in September and 2,000 in October.", "2,000", "October"),
        ("en", "Ukraine received 40 drones in May and 12 tanks in June.", "12", "June"),
        ("es", "Rusia lanzó 1.200 drones en septiembre y 2.000 en octubre.", "2.000", "octubre"),
        ("es", "Rusia disparó 40 drones el lunes y 60 el martes.", "60", "martes"),
        ("fr", "La Russie a lancé 1 200 drones en septembre et 2 000 en octobre.", "2 000", "octobre"),
        ("de", "Russland startete im September 1.200 Drohnen und 2.000 im Oktober.", "2.000", "Oktober"),
    ],
)
def test_a_date_after_a_figure_is_as_near_as_the_words_between_them(
    lang: str, text: str, span: str, expected: str
) -> None:
    """Distance to a date that follows a figure is counted from the figure's end, not its start: "from 2.6% in
    September" is nearer September than the October before it."""
    found = when(text, span, lang)
    assert found is not None and found.split()[0] == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "en",
            "In the first nine months of the year, 2,000 civilians were killed.",
            "2,000",
            "first nine months of the year 2024-01-01 2024-09-30",
        ),
        ("en", "Exports rose 3% in the second half of 2023.", "3%", "second half of 2023 2023-07-01 2023-12-31"),
        (
            "en",
            "The economy grew 1.2% in the first half of the year.",
            "1.2%",
            "first half of the year 2024-01-01 2024-06-30",
        ),
        (
            "fr",
            "Au cours des neuf premiers mois de l'année, 2 000 civils ont été tués.",
            "2 000",
            "neuf premiers mois de l'année 2024-01-01 2024-09-30",
        ),
        (
            "fr",
            "Le chômage a reculé à 7,3 % au second semestre 2023.",
            "7,3 %",
            "second semestre 2023 2023-07-01 2023-12-31",
        ),
        (
            "es",
            "En los nueve primeros meses del año murieron 2.000 civiles.",
            "2.000",
            "nueve primeros meses del año 2024-01-01 2024-09-30",
        ),
        ("es", "El PIB creció un 0,8 % en el primer semestre.", "0,8 %", "primer semestre 2024-01-01 2024-06-30"),
        (
            "de",
            "In den ersten zehn Monaten 2023 starben 300 Migranten.",
            "300",
            "ersten zehn Monaten 2023 2023-01-01 2023-10-31",
        ),
        (
            "de",
            "Im ersten Halbjahr wuchs die Wirtschaft um 0,3 Prozent.",
            "0,3 Prozent",
            "ersten Halbjahr 2024-01-01 2024-06-30",
        ),
        # Months not yet begun at publication (November) are last year's; a war's first months are no date.
        (
            "en",
            "In the first 12 months of the year, exports rose 3%.",
            "3%",
            "first 12 months of the year 2023-01-01 2023-12-31",
        ),
        ("en", "In the first six months of the war, 2,000 civilians were killed.", "2,000", None),
    ],
)
def test_the_first_months_or_half_of_a_year(lang: str, text: str, span: str, expected: str | None) -> None:
    """From January to the last month counted, as a quarter is its three months."""
    assert when(text, span, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Seit Beginn des Jahres wurden mehr als 2.000 Zivilisten getötet.",
        "Seit Anfang dieses Jahres wurden mehr als 2.000 Zivilisten getötet.",
        "Seit Jahresanfang wurden mehr als 2.000 Zivilisten getötet.",
        "Im bisherigen Jahresverlauf wurden mehr als 2.000 Zivilisten getötet.",
    ],
)
def test_since_the_start_of_the_year_in_german_is_up_to_publication(text: str) -> None:
    found = fact_at(text, "mehr als 2.000", "de", PUBLISHED).when
    assert found is not None
    assert (found.start.isoformat(), found.end.isoformat()) == ("2024-01-01", PUBLISHED)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Bei Angriffen sind seit dem Morgen mindestens 30 Menschen getötet worden.",
            "30",
            "seit dem Morgen 2024-11-17 2024-11-17",
        ),
        ("Seit dem frühen Morgen wurden 30 Menschen getötet.", "30", "Seit dem frühen Morgen 2024-11-17 2024-11-17"),
        ("Die Armee will morgen 300 Soldaten verlegen.", "300", "morgen 2024-11-18 2024-11-18"),
    ],
)
def test_de_the_morning_is_today_and_only_lowercase_morgen_is_tomorrow(text: str, span: str, expected: str) -> None:
    assert when(text, span, "de") == expected


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        ("en", "Between September 1 and 5, Russia launched 1,200 drones.", "1,200", "2024-09-01 2024-09-05"),
        ("en", "From Aug. 28 to Sept. 3, Russia launched 1,200 drones.", "1,200", "2024-08-28 2024-09-03"),
        ("en", "Russia launched 1,200 drones on Sept. 1-5.", "1,200", "2024-09-01 2024-09-05"),
        ("en", "Between 1 and 5 September, Russia launched 1,200 drones.", "1,200", "2024-09-01 2024-09-05"),
        ("en", "From Monday to Wednesday, 19 civilians were killed.", "19", "2024-11-11 2024-11-13"),
        ("en", "Between Monday and Wednesday, 19 civilians were killed.", "19", "2024-11-11 2024-11-13"),
        ("fr", "Du 1er au 5 septembre, la Russie a lancé 1.200 drones.", "1.200", "2024-09-01 2024-09-05"),
        ("fr", "Entre le 28 août et le 3 septembre, la Russie a lancé 1.200 drones.", "1.200", "2024-08-28 2024-09-03"),
        ("fr", "De lundi à mercredi, 19 civils ont été tués.", "19", "2024-11-11 2024-11-13"),
        ("es", "Del 1 al 5 de septiembre, Rusia lanzó 1.200 drones.", "1.200", "2024-09-01 2024-09-05"),
        ("es", "Entre el lunes y el miércoles, 19 civiles murieron.", "19", "2024-11-11 2024-11-13"),
        ("de", "Vom 1. bis 5. September feuerte Russland 1.200 Drohnen ab.", "1.200", "2024-09-01 2024-09-05"),
        ("de", "Von Montag bis Mittwoch wurden 19 Zivilisten getötet.", "19", "2024-11-11 2024-11-13"),
        ("fr", "À la mi-septembre, quelque 40.000 personnes avaient fui.", "quelque 40.000", "2024-09-11 2024-09-20"),
    ],
)
def test_a_range_of_days_dates_the_days_from_first_to_last(lang: str, text: str, span: str, expected: str) -> None:
    found = fact_at(text, span, lang, PUBLISHED).when
    assert found is not None and f"{found.start} {found.end}" == expected


def test_a_night_of_days_the_month_does_not_have_dates_nothing() -> None:
    assert when("On the night of Sept. 30-31, air defences shot down 40 drones.", "40", "en") is None


@pytest.mark.parametrize(
    ("lang", "text", "span", "expected"),
    [
        (
            "fr",
            "Le nombre de chômeurs a augmenté de 2,2 millions en juin à 2,3 millions en septembre.",
            "2,3 millions",
            "septembre 2024-09-01 2024-09-30",
        ),
        (
            "de",
            "Die Zahl der Obdachlosen stieg von 2,2 Millionen im Juni auf 2,3 Millionen im September.",
            "2,3 Millionen",
            "September 2024-09-01 2024-09-30",
        ),
        (
            "de",
            "Die Zahl der Obdachlosen stieg von 2,2 Millionen im Juni auf 2,3 Millionen im September.",
            "2,2 Millionen",
            "Juni 2024-06-01 2024-06-30",
        ),
    ],
)
def test_a_date_right_after_a_count_dates_it_not_the_one_before(lang: str, text: str, span: str, expected: str) -> None:
    assert when(text, span, lang) == expected
