"""The quantity layer on its own: number forms, qualifiers, ranges, units, nouns, non-numbers."""

from __future__ import annotations

import pytest

from extract import quantities
from extract.lexicon import load_lexicon
from extract.quantities import parse_digits


def only(text: str, lang: str) -> dict[str, object]:
    found = quantities(text, lang)
    assert len(found) == 1, [m.span.text for m in found]
    mention = found[0]
    return {"span": mention.span.text, **mention.quantity.model_dump(mode="json"), "noun": mention.noun}


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        ("en", "11,000 soldiers", "11,000", 11000),
        ("en", "11 000 soldiers", "11 000", 11000),
        ("en", "11\u00a0000 soldiers", "11\u00a0000", 11000),
        ("fr", "10'000 soldats", "10'000", 10000),
        ("fr", "11.000 soldats", "11.000", 11000),
        ("fr", "11\u202f000 soldats", "11\u202f000", 11000),
        ("fr", "1,5 million d'habitants", "1,5 million", 1_500_000),
        ("en", "2.5bn people", "2.5bn", 2_500_000_000),
        ("en", "3.25 per cent", "3.25 per cent", 3.25),
        ("fr", "soixante-dix drones", "soixante-dix", 70),
        ("fr", "quatre-vingt-dix-sept drones", "quatre-vingt-dix-sept", 97),
        ("fr", "vingt et un drones", "vingt et un", 21),
        ("fr", "mille cinq cents soldats", "mille cinq cents", 1500),
        ("en", "eleven thousand troops", "eleven thousand", 11000),
        ("en", "twenty-one drones", "twenty-one", 21),
        ("en", "a hundred drones", "a hundred", 100),
        ("fr", "deux millions de personnes", "deux millions", 2_000_000),
    ],
)
def test_number_forms(lang: str, text: str, span: str, value: float) -> None:
    mention = only(text, lang)
    assert mention["span"] == span
    assert mention["value"] == value


@pytest.mark.parametrize(
    ("lang", "text", "span", "modifier"),
    [
        ("en", "about 11,000 soldiers", "about 11,000", "approx"),
        ("en", "nearly 500 people", "nearly 500", "approx"),
        ("en", "more than 40 drones", "more than 40", "more_than"),
        ("en", "at least 9 people", "at least 9", "at_least"),
        ("en", "fewer than 20 tanks", "fewer than 20", "less_than"),
        ("en", "up to 5,000 personnel", "up to 5,000", "at_most"),
        ("en", "1,000 or more troops", "1,000 or more", "at_least"),
        ("fr", "environ 1 500 soldats", "environ 1 500", "approx"),
        ("fr", "près de 974 jours", "près de 974 jours", "approx"),
        ("fr", "plus de 10'000 soldats", "plus de 10'000", "more_than"),
        ("fr", "“plus de trente” de ces appareils", "plus de trente", "more_than"),
        ("fr", "jusqu’à 5 000 militaires", "jusqu’à 5 000", "at_most"),
        ("fr", "au moins 30 blessés", "au moins 30", "at_least"),
        ("fr", "une douzaine de drones", "une douzaine", "approx"),
        ("en", "a dozen drones", "a dozen", "approx"),
        ("en", "nearly two dozen drones", "nearly two dozen", "approx"),
        ("es", "casi dos docenas de drones", "casi dos docenas", "approx"),
        ("en", "a couple of dozen drones", "a couple of dozen", "approx"),
        ("es", "medio centenar de drones", "medio centenar", "approx"),
        ("es", "medio millar de personas", "medio millar", "approx"),
        ("es", "un par de docenas de drones", "un par de docenas", "approx"),
        ("es", "mataron al menos a 33 personas", "al menos a 33", "at_least"),
        ("es", "al menos 12 muertos", "al menos 12", "at_least"),
        ("de", "mindestens 33 Menschen", "mindestens 33", "at_least"),
        ("en", "at least another six months", "at least another six months", "at_least"),
        ("en", "up to a further 2,000 troops", "up to a further 2,000", "at_most"),
        ("es", "al menos otros seis meses", "al menos otros seis meses", "at_least"),
        ("de", "mindestens weitere zwei Jahre", "mindestens weitere zwei Jahre", "at_least"),
        ("es", "la deuda ronda los 4 millones", "ronda los 4 millones", "approx"),
        ("fr", "le bilan avoisine les 300 morts", "avoisine les 300", "approx"),
    ],
)
def test_qualifiers(lang: str, text: str, span: str, modifier: str) -> None:
    mention = only(text, lang)
    assert (mention["span"], mention["modifier"]) == (span, modifier)


@pytest.mark.parametrize(
    ("lang", "text", "span", "low", "high"),
    [
        ("en", "between 10 and 15 drones", "between 10 and 15", 10, 15),
        ("en", "from 10 to 15 years", "from 10 to 15 years", 10, 15),
        ("en", "10 to 15 drones", "10 to 15", 10, 15),
        ("en", "20-25 people", "20-25", 20, 25),
        ("en", "between 5.25% and 5.5%", "between 5.25% and 5.5%", 5.25, 5.5),
        ("en", "1 to 1.5 million people", "1 to 1.5 million", 1_000_000, 1_500_000),
        ("fr", "de 10 à 15 ans", "de 10 à 15 ans", 10, 15),
        ("fr", "entre 10 et 15 drones", "entre 10 et 15", 10, 15),
        ("es", "entre el 4,25 % y el 4,50 %", "entre el 4,25 % y el 4,50 %", 4.25, 4.5),
        ("es", "entre los 20 y los 30 años", "entre los 20 y los 30 años", 20, 30),
        ("es", "entre 10 y 15 drones", "entre 10 y 15", 10, 15),
        ("de", "zwischen 4,25 und 4,50 Prozent", "zwischen 4,25 und 4,50 Prozent", 4.25, 4.5),
    ],
)
def test_ranges(lang: str, text: str, span: str, low: float, high: float) -> None:
    mention = only(text, lang)
    assert (mention["span"], mention["low"], mention["high"], mention["modifier"]) == (span, low, high, "range")
    assert mention["value"] is None


@pytest.mark.parametrize(
    ("lang", "text", "span", "low"),
    [
        ("en", "thousands of troops", "thousands", 1000),
        ("en", "tens of thousands of soldiers", "tens of thousands", 10000),
        ("en", "dozens of drones", "dozens", 12),
        ("en", "hundreds of people", "hundreds", 100),
        ("fr", "des milliers de soldats", "milliers", 1000),
        ("fr", "des dizaines de milliers de soldats", "dizaines de milliers", 10000),
        ("fr", "plusieurs milliers de soldats", "plusieurs milliers", 1000),
        ("fr", "des dizaines de drones", "dizaines", 10),
        ("fr", "des centaines de civils", "centaines", 100),
        ("en", "a few hundred troops", "a few hundred", 100),
        ("en", "several dozen soldiers", "several dozen", 12),
        ("es", "varios centenares de soldados", "varios centenares", 100),
        ("es", "millares de personas", "millares", 1000),
    ],
)
def test_vague_amounts(lang: str, text: str, span: str, low: float) -> None:
    mention = only(text, lang)
    assert (mention["span"], mention["low"], mention["modifier"]) == (span, low, "vague")
    assert mention["value"] is None and mention["high"] is None


@pytest.mark.parametrize(
    ("lang", "text", "span", "unit"),
    [
        ("en", "15 years in prison", "15 years", "year"),
        ("en", "18 months", "18 months", "month"),
        ("en", "30 km", "30 km", "kilometer"),
        ("en", "about 5 kilometres", "about 5 kilometres", "kilometer"),
        ("en", "600 square kilometres", "600 square kilometres", "kilometer ** 2"),
        ("en", "a 29-year-old man", "29-year-old", "year"),
        ("en", "1,500 a day", "1,500 a day", "1 / day"),
        ("en", "21%", "21%", "percent"),
        ("fr", "treize ans de prison", "treize ans", "year"),
        ("fr", "18 mois", "18 mois", "month"),
        ("fr", "plus de 40 % des dépenses", "plus de 40 %", "percent"),
        ("fr", "21\u202f%", "21\u202f%", "percent"),
        ("fr", "environ 5 kilomètres", "environ 5 kilomètres", "kilometer"),
        ("fr", "1 500 par jour", "1 500 par jour", "1 / day"),
        ("en", "day 993 of the war", "day 993", "day"),
        ("es", "el día 1.000 de la guerra", "día 1.000", "day"),
        ("es", "Rusia pierde cada día 1.000 soldados", "1.000", None),
        ("en", "Russia loses every day 1,000 soldiers", "1,000", None),
        ("fr", "la Russie perd chaque jour 1 000 soldats", "1 000", None),
        ("de", "der Krieg erreicht Tag 1000", "Tag 1000", "day"),
        ("de", "zerstörte an einem Tag 32 Panzer", "32", None),
        ("de", "an einem einzigen Tag 40 Drohnen", "40", None),
        ("fr", "a abattu le même jour 40 drones", "40", None),
        ("en", "nearly a quarter of a century", "nearly a quarter of a century", "year"),
    ],
)
def test_units(lang: str, text: str, span: str, unit: str | None) -> None:
    mention = only(text, lang)
    assert (mention["span"], mention["unit"]) == (span, unit)


@pytest.mark.parametrize(
    ("lang", "text", "span", "noun"),
    [
        ("en", "13000 workers went on strike", "13000", "workers"),
        ("en", "about 11,000 North Korean soldiers to Russia", "about 11,000", "soldiers"),
        ("en", "two infantry fighting vehicles", "two", "vehicles"),
        ("fr", "145 drones russes", "145", "drones"),
        ("fr", "des milliers de soldats nord-coréens", "milliers", "soldats"),
    ],
)
def test_counted_noun(lang: str, text: str, span: str, noun: str) -> None:
    mention = only(text, lang)
    assert (mention["span"], mention["noun"]) == (span, noun)


@pytest.mark.parametrize(
    ("lang", "text", "direction"),
    [
        ("en", "Shares were up 19 cents.", "up"),
        ("en", "The index fell 2.5% on Monday.", "down"),
        ("fr", "Le taux a été relevé de deux points.", "up"),
        ("fr", "Les ventes sont en baisse de 3 %.", "down"),
    ],
)
def test_direction_of_a_change(lang: str, text: str, direction: str) -> None:
    (mention,) = quantities(text, lang)
    assert mention.direction == direction


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "On November 6, 2024 the Senate voted."),
        ("en", "It happened on Nov. 10, 2024 at 9:30 a.m."),
        ("en", "Fighting has raged since 2022."),
        ("en", "A Shahed-136, an Su-34 and an M2 Bradley were seen."),
        ("en", "Article 5 of the treaty applies, Resolution 2231 too."),
        ("en", "The 47th Brigade and the 1st Army held the line."),
        ("en", "A Leopard 2, a Shahed 136 and a Falcon 9 were shown."),
        ("de", "Der Leopard 2 und die Sojus 2 wurden gezeigt."),
        ("en", "Call +33 1 23 45 67 89 or (555) 123-4567."),
        ("en", "One of them fled."),
        ("fr", "Le 24 octobre 2024, à 9 h 30, jeudi 7 novembre."),
        ("fr", "Publish date : 2024-11-10 14:01:43"),
        ("fr", "La 3e brigade et le 1er régiment, depuis 2014."),
        ("fr", "Un soldat et une personne ont parlé."),
        ("fr", "Mis à jour à 14h05."),
    ],
)
def test_non_quantities_give_nothing(lang: str, text: str) -> None:
    assert quantities(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "span", "value", "unit"),
    [
        ("en", "sentenced to 12 years and six months in prison", "12 years and six months", 150, "month"),
        ("en", "the siege lasted two hours and 30 minutes", "two hours and 30 minutes", 150, "minute"),
        ("fr", "condamné à 2 ans et 4 mois de prison ferme", "2 ans et 4 mois", 28, "month"),
        ("es", "condenado a doce años y seis meses de prisión", "doce años y seis meses", 150, "month"),
        ("de", "zu zwölf Jahren und sechs Monaten Haft verurteilt", "zwölf Jahren und sechs Monaten", 150, "month"),
        ("de", "drei Wochen und zwei Tage", "drei Wochen und zwei Tage", 23, "day"),
        ("en", "jailed for a year and six months", "a year and six months", 18, "month"),
        ("en", "one year and three months behind bars", "one year and three months", 15, "month"),
        ("fr", "condamné à un an et six mois de prison", "un an et six mois", 18, "month"),
        ("es", "condenado a un año y seis meses de prisión", "un año y seis meses", 18, "month"),
        ("de", "zu einem Jahr und sechs Monaten Haft verurteilt", "einem Jahr und sechs Monaten", 18, "month"),
    ],
)
def test_a_span_of_time_in_two_units_is_one_quantity_in_the_smaller(
    lang: str, text: str, span: str, value: float, unit: str
) -> None:
    mention = only(text, lang)
    assert (mention["span"], mention["value"], mention["unit"]) == (span, value, unit)


@pytest.mark.parametrize(
    ("lang", "text", "span", "value", "unit"),
    [
        ("en", "He was sentenced to one year in prison.", "one year", 1, "year"),
        ("en", "sentenced to a year in jail in absentia", "a year", 1, "year"),
        ("en", "jailed for a year and a half for fraud", "a year and a half", 1.5, "year"),
        ("en", "jailed for two years and a half", "two years and a half", 2.5, "year"),
        ("en", "for one and a half years", "one and a half years", 1.5, "year"),
        ("en", "handed him a six-and-a-half-year term", "six-and-a-half-year", 6.5, "year"),
        ("fr", "Elle a écopé d'un an de prison ferme.", "un an", 1, "year"),
        ("fr", "condamné à un an et demi avec sursis", "un an et demi", 1.5, "year"),
        ("es", "Fue condenado a un año de prisión por desacato.", "un año", 1, "year"),
        ("es", "una pena de un año y medio de cárcel", "un año y medio", 1.5, "year"),
        ("de", "Er erhielt ein Jahr Haft auf Bewährung.", "ein Jahr", 1, "year"),
        ("de", "zu einer Haftstrafe von einem Jahr verurteilt", "einem Jahr", 1, "year"),
    ],
)
def test_one_year_of_a_sentence_or_with_a_half_is_a_quantity(
    lang: str, text: str, span: str, value: float, unit: str
) -> None:
    mention = only(text, lang)
    assert (mention["span"], mention["value"], mention["unit"]) == (span, value, unit)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The attack came a year ago."),
        ("en", "He has lived there for a year."),
        ("fr", "Il y a un an, la ville était tombée."),
        ("es", "Hace un año, la ciudad cayó."),
        ("de", "Vor einem Jahr fiel die Stadt."),
    ],
)
def test_one_year_outside_a_sentence_is_no_quantity(lang: str, text: str) -> None:
    assert quantities(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "3 years for him and 6 months for her"),
        ("en", "six months and 12 years"),
        ("fr", "trois jours et deux nuits"),
    ],
)
def test_spans_of_time_that_are_not_one_stay_apart(lang: str, text: str) -> None:
    assert len(quantities(text, lang)) == 2


@pytest.mark.parametrize(
    ("lang", "text", "span", "low", "high"),
    [
        ("de", "Haftstrafen zwischen sechs Monaten und fünf Jahren", "zwischen sechs Monaten und fünf Jahren", 6, 60),
        ("fr", "des peines allant de six mois à cinq ans de prison", "de six mois à cinq ans", 6, 60),
        ("en", "terms of between 18 months and four years", "between 18 months and four years", 18, 48),
    ],
)
def test_a_range_from_a_smaller_unit_of_time_to_a_larger_is_one_range_in_the_smaller(
    lang: str, text: str, span: str, low: float, high: float
) -> None:
    (mention,) = quantities(text, lang)
    assert (mention.span.text, mention.quantity.low, mention.quantity.high) == (span, low, high)
    assert (mention.quantity.unit, mention.quantity.modifier) == ("month", "range")


@pytest.mark.parametrize(
    ("lang", "text", "span", "low", "high", "currency"),
    [
        ("en", "fines range from $35,000 to $50,000 per violation", "from $35,000 to $50,000", 35_000, 50_000, "USD"),
        ("en", "worth between $2 and $3 billion", "between $2 and $3 billion", 2e9, 3e9, "USD"),
        ("en", "prices of £35,000-£50,000 last year", "£35,000-£50,000", 35_000, 50_000, "GBP"),
        ("fr", "des amendes de 500 € à 1 000 €", "de 500 € à 1 000 €", 500, 1000, "EUR"),
        ("es", "sanciones de 3.000 € a 6.000 €", "de 3.000 € a 6.000 €", 3000, 6000, "EUR"),
        ("de", "Strafen zwischen 500 Euro und 1.000 Euro", "zwischen 500 Euro und 1.000 Euro", 500, 1000, "EUR"),
    ],
)
def test_a_range_whose_ends_both_name_the_currency_is_one_range(
    lang: str, text: str, span: str, low: float, high: float, currency: str
) -> None:
    (mention,) = quantities(text, lang)
    assert (mention.span.text, mention.quantity.low, mention.quantity.high) == (span, low, high)
    assert (mention.currency, mention.quantity.modifier) == (currency, "range")


@pytest.mark.parametrize(
    ("lang", "text", "count"),
    [
        ("en", "Rents rose from £900 to £1,200 a month.", 2),
        ("en", "Tickets cost $5, $10 or $20.", 3),
        ("de", "Der Preis stieg von 500 Euro auf 1.000 Euro.", 2),
        ("fr", "Le loyer est passé de 900 € à 1 200 €.", 2),
        ("en", "a fine of $500 and damages of $2,000", 2),
    ],
)
def test_sums_in_a_change_or_a_list_stay_apart(lang: str, text: str, count: int) -> None:
    assert len(quantities(text, lang)) == count


def test_a_change_from_a_smaller_unit_of_time_to_a_larger_is_no_range() -> None:
    assert len(quantities("La durée du chantier est passée de six mois à deux ans.", "fr")) == 2


def test_fraction_is_reported_as_such() -> None:
    (mention,) = quantities("dont la moitié dans la région de Moscou", "fr")
    assert mention.span.text == "la moitié"
    assert mention.quantity.value == 0.5


def test_money_keeps_the_currency_words_in_the_span() -> None:
    found = quantities("un prêt de 50 milliards de dollars et 2,5 milliards d’euros", "fr")
    assert [m.span.text for m in found] == ["50 milliards de dollars", "2,5 milliards d’euros"]
    assert [m.quantity.value for m in found] == [50_000_000_000, 2_500_000_000]
    assert [m.currency for m in found] == ["USD", "EUR"]


def test_offsets_quote_the_text() -> None:
    text = "Russia launched 145 drones; about 11,000 soldiers and soixante-dix tanks."
    for mention in quantities(text, "en") + quantities(text, "fr"):
        assert text[mention.span.start : mention.span.end] == mention.span.text


@pytest.mark.parametrize(
    ("lang", "digits", "value"),
    [
        ("en", "1,234.5", 1234.5),
        ("en", "11.000", 11.0),
        ("fr", "11.000", 11000),
        ("fr", "1,5", 1.5),
        ("fr", "1 234,5", 1234.5),
        ("en", "1.234.567", 1234567),
    ],
)
def test_parse_digits_follows_the_language(lang: str, digits: str, value: float) -> None:
    assert parse_digits(digits, load_lexicon(lang)) == value


@pytest.mark.parametrize(
    ("text", "span", "modifier"),
    [
        ("bonds worth £100bn over 12 months, the bank said", "12 months", "exact"),
        ("the largest annexation for over 75 years", "over 75 years", "more_than"),
        ("over 1,000 troops", "over 1,000", "more_than"),
        ("inflation edged up to 2.5% in January", "2.5%", "exact"),
        ("up to 2.5% of the budget", "up to 2.5%", "at_most"),
    ],
)
def test_qualifier_words_that_are_not_qualifiers_here(text: str, span: str, modifier: str) -> None:
    mention = [m for m in quantities(text, "en") if m.span.text == span]
    assert len(mention) == 1
    assert mention[0].quantity.modifier == modifier


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        ("en", "Two and a half years I waited", "Two and a half years", 2.5),
        ("fr", "condamné à huit ans et demi de colonie", "huit ans et demi", 8.5),
        ("fr", "jour 1\u202f100 de la guerre", "jour 1\u202f100", 1100),
    ],
)
def test_halves_and_day_numbers(lang: str, text: str, span: str, value: float) -> None:
    mention = only(text, lang)
    assert (mention["span"], mention["value"]) == (span, value)


def test_speeds_are_not_distances() -> None:
    (mention,) = quantities("Il roulait à plus de 110 km/h.", "fr")
    assert mention.quantity.unit == "kilometer / hour"


def test_french_unit_words_are_case_sensitive() -> None:
    assert [m.quantity.unit for m in quantities("selon 20 Minutes, et 20 minutes plus tard", "fr")] == [None, "minute"]


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("en", "One person was killed in the strike.", "One"),
        ("en", "The attack killed one and injured two.", "one"),
        ("en", "Air defences shot down one ballistic missile.", "one"),
        ("es", "Un soldado murió en el ataque.", "Un"),
        ("es", "El ataque mató a una persona.", "una"),
        ("es", "El bombardeo dejó un muerto.", "un"),
        ("es", "Las defensas derribaron un misil y doce drones.", "un"),
        ("en", "Russia fired a ballistic missile and 40 drones overnight.", "a"),
        ("en", "Air defences shot down 58 drones and a Kh-59 guided missile.", "a"),
    ],
)
def test_one_is_a_number_only_in_a_clear_count(lang: str, text: str, span: str) -> None:
    found = [m for m in quantities(text, lang) if m.quantity.value == 1]
    assert [m.span.text for m in found] == [span]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "One of them was killed; no one was injured."),
        ("en", "One soldier said the unit had no ammunition."),
        ("es", "Un soldado ucraniano dijo que un dron impactó contra un autobús."),
        ("es", "Un portavoz dijo que un ataque alcanzó la ciudad."),
        ("en", "A missile strike and a drone attack hit the city."),
        ("en", "Drones came first, and a missile hit the port."),
    ],
)
def test_one_as_an_article_or_pronoun_is_no_number(lang: str, text: str) -> None:
    assert quantities(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The central bank raised its key rate from 4.5% to 4.75%."),
        ("es", "El banco central elevó su tasa de interés del 45 % al 50 %."),
    ],
)
def test_from_to_after_a_verb_of_change_is_two_numbers(lang: str, text: str) -> None:
    assert len(quantities(text, lang)) == 2


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        ("en", "Seoul increased its deployment by 3,000 to 15,000 troops.", [3_000, 15_000]),
        ("en", "The death toll rose by 12 to 85, officials said.", [12, 85]),
        ("en", "The central bank cut its key rate by 0.25 to 4.5%.", [0.25, 4.5]),
        ("en", "The number of displaced people rose by 2 to 10 million.", [2_000_000, 10_000_000]),
    ],
)
def test_by_to_after_a_verb_of_change_is_the_change_and_the_level_it_reached(
    lang: str, text: str, values: list[float]
) -> None:
    assert [m.quantity.value for m in quantities(text, lang)] == values


@pytest.mark.parametrize(
    ("lang", "text", "bounds"),
    [
        # Ends this close are a range of the change itself.
        ("en", "Prices rose by 3 to 4 percent last year.", (3, 4)),
        ("en", "Russia launched twenty or thirty drones at Kharkiv overnight.", (20, 30)),
        ("en", "He was sentenced to two or three years in prison.", (2, 3)),
        ("fr", "La Russie a lancé vingt ou trente drones sur la ville.", (20, 30)),
        ("es", "Murieron dos o tres personas en el ataque.", (2, 3)),
        ("de", "Russland startete zwanzig oder dreißig Drohnen.", (20, 30)),
        ("en", "One or two drones got through.", (1, 2)),
        ("fr", "Il encourt un à trois ans de prison.", (1, 3)),
        ("es", "Le pueden caer de uno a tres años de prisión.", (1, 3)),
        ("de", "Ihm drohen ein bis drei Jahre Haft.", (1, 3)),
    ],
)
def test_two_numbers_given_as_alternatives_or_close_ends_of_a_change_are_a_range(
    lang: str, text: str, bounds: tuple[float, float]
) -> None:
    (found,) = quantities(text, lang)
    assert (found.quantity.modifier, found.quantity.low, found.quantity.high) == ("range", *bounds)


@pytest.mark.parametrize(
    ("lang", "text", "start"),
    [
        ("en", "The central bank cut its key rate from 45 to 42.5 percent.", "45"),
        ("es", "El banco central recortó el tipo de interés del 45 al 42,5 %.", "45"),
        ("fr", "La banque centrale a abaissé son taux de 45 à 42,5 %.", "45"),
        # German writes a change as such whatever the verb, and often puts the verb last.
        ("de", "Der Leitzins ist damit von 2,5 auf 2,25 Prozent gesunken.", "2,5"),
        ("de", "Die Arbeitslosenquote stieg im Oktober von 5,8 auf 6,1 Prozent.", "5,8"),
    ],
)
def test_the_level_a_change_starts_from_takes_the_unit_of_where_it_ends(lang: str, text: str, start: str) -> None:
    first, second = quantities(text, lang)
    assert first.span.text == start
    assert first.quantity.unit == second.quantity.unit == "percent"


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        ("fr", "Le nombre de déplacés est passé de 2,9 à 3 millions en un mois.", [2_900_000, 3_000_000]),
        ("fr", "Leur nombre est tombé de 3 à 2,9 millions.", [3_000_000, 2_900_000]),
        ("es", "El número de desplazados pasó de 2,9 a 3 millones.", [2_900_000, 3_000_000]),
        ("en", "The population rose from 800 to 1.2 million.", [800, 1_200_000]),
    ],
)
def test_the_level_a_change_starts_from_takes_the_scale_of_where_it_ends(
    lang: str, text: str, values: list[float]
) -> None:
    assert [m.quantity.value for m in quantities(text, lang)] == values


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Inflation fell to 3.1%, down from 4.5 in August."),
        ("en", "The unemployment rate was 4.2 percent (compared with 4.1 a month earlier)."),
        ("fr", "Le chômage atteint 7,4 %, contre 7,3 un an plus tôt."),
        ("es", "El paro se situó en el 11,2 %, frente al 11,6 del trimestre anterior."),
        ("de", "Die Quote lag bei 6,1 Prozent, gegenüber 5,8 im Vorjahr."),
    ],
)
def test_the_level_a_comparison_names_takes_the_unit_of_the_level_before(lang: str, text: str) -> None:
    assert [m.quantity.unit for m in quantities(text, lang)] == ["percent", "percent"]


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("en", "About 1,500 soldiers were killed each day, up from 900 a month earlier.", "900"),
        ("en", "The ministry counted 40 a week ago.", "40"),
        ("es", "Se registraron 300 al mes siguiente.", "300"),
        ("de", "Es waren 120 im Monat zuvor.", "120"),
    ],
)
def test_a_rate_form_followed_by_earlier_or_ago_is_a_point_in_time(lang: str, text: str, span: str) -> None:
    (found,) = [m for m in quantities(text, lang) if m.span.text.startswith(span)]
    assert (found.span.text, found.quantity.unit) == (span, None)


def test_a_rate_form_without_such_a_word_stays_a_rate() -> None:
    assert [m.quantity.unit for m in quantities("Russia loses 1,200 a day.", "en")] == ["1 / day"]


def test_a_comparison_does_not_give_a_unit_to_money_or_to_a_count_before_no_unit() -> None:
    assert [m.quantity.unit for m in quantities("Exports reached $5bn, up from 4 in 2023.", "en")] == [None, None]
    assert [m.quantity.unit for m in quantities("The strike killed 12 people, from 3 villages.", "en")] == [None, None]


def test_only_the_start_of_a_change_takes_the_unit_after_it() -> None:
    assert [m.quantity.unit for m in quantities("Interest rates rose from 4 to 4.25% in three months.", "en")] == [
        "percent",
        "percent",
        "month",
    ]
    assert [m.quantity.unit for m in quantities("The toll rose from 10 to 15 people.", "en")] == [None, None]
    assert [m.quantity.unit for m in quantities("Die Strafe wurde von drei auf fünf Jahre erhöht.", "de")] == [
        "year",
        "year",
    ]
    assert [m.quantity.unit for m in quantities("Die Zahl stieg von 12 auf 15 Fälle in 3 Jahren.", "de")] == [
        None,
        None,
        "year",
    ]


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("es", "El detenido, que tiene 42 años, se negó a declarar.", "42 años"),
        ("es", "Rusia mantiene 12 soldados en la base.", "12"),
        ("en", "Omar 12 said nothing.", "12"),
        # Nor is a count of thousands right after a month a day of it.
        ("de", "Russland hat seit der Eskalation im September 4.000 Drohnen gestartet.", "4.000"),
        ("en", "In September 4,000 troops arrived.", "4,000"),
        ("fr", "Depuis septembre 4 000 soldats sont arrivés.", "4 000"),
        # No day of a month is 90; and only English names the month before the day.
        ("en", "In November 90 drones were launched.", "90"),
        ("de", "Russland hatte im November 30 Drohnen gestartet.", "30"),
        ("es", "En noviembre 25 drones alcanzaron la ciudad.", "25"),
        ("fr", "En novembre 20 drones ont été abattus.", "20"),
    ],
)
def test_a_month_name_inside_a_word_or_before_thousands_is_no_date(lang: str, text: str, span: str) -> None:
    assert [m.span.text for m in quantities(text, lang)] == [span]



def test_a_day_after_a_month_is_still_a_date() -> None:
    assert [m.span.text for m in quantities("On September 4, 2025, 40 drones were launched.", "en")] == ["40"]


def test_a_german_count_after_a_label_ends_its_sentence_and_is_no_ordinal() -> None:
    text = "Kampfdrohnen abgefangen: 64, eingeschlagen: 5. Betroffen seien vor allem Wohnhäuser."
    assert [m.span.text for m in quantities(text, "de")] == ["64", "5"]
    assert quantities("Die 5. Brigade meldete Verluste.", "de") == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "Die Zahl der Toten wurde von 45 auf 38 korrigiert, zuvor auf 38."
            " Zwei Verletzte erlagen ihren Verletzungen.",
            ["45", "38", "38", "Zwei"],
        ),
        ("Die Zahl der Toten stieg auf 9. Mindestens 12 weitere wurden verletzt.", ["9", "Mindestens 12"]),
        ("Die Zahl stieg auf 14. Rund 30 Menschen wurden verletzt.", ["14", "Rund 30"]),
        ("Die Bilanz lag am Abend bei 21. Zahlreiche Häuser wurden beschädigt.", ["21"]),
        ("Die 9. Armee rückte vor.", []),
    ],
)
def test_a_german_count_before_a_sentence_opened_by_a_number_word_qualifier_or_adverb_is_no_ordinal(
    text: str, spans: list[str]
) -> None:
    assert [m.span.text for m in quantities(text, "de")] == spans


def test_a_currency_symbol_that_is_a_word_does_not_end_another_word() -> None:
    found = quantities("The Chiefs edged the San Francisco 49ers 27-24, and the deal is worth Rs 500 crore.", "en")
    assert [m.span.text for m in found] == ["27", "24", "Rs 500 crore"]


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        ("en", "sentenced to 7-1/2 years in prison", "7-1/2 years", 7.5),
        ("en", "a 2 3/4 mile stretch of road", "2 3/4 mile", 2.75),
        ("fr", "condamné à 7 ½ ans de prison", "7 ½ ans", 7.5),
        ("es", "una pena de 4½ años de cárcel", "4½ años", 4.5),
        ("de", "zu 3 1/2 Jahren Haft verurteilt", "3 1/2 Jahren", 3.5),
    ],
)
def test_a_whole_number_and_a_fraction_are_one_number(lang: str, text: str, span: str, value: float) -> None:
    """ "7-1/2 years" was two years: the 2 after the slash."""
    mention = only(text, lang)
    assert (mention["span"], mention["value"]) == (span, value)


def test_a_fraction_runs_into_no_other_number() -> None:
    """A slash with more digits after it is no fraction ("7 1/20"): the whole number stands alone."""
    assert [m.span.text for m in quantities("It rose 7 1/20 times.", "en")][:1] == ["7"]
