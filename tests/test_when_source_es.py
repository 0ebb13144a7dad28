"""Spanish `when` and `source` (docs/ANNOTATION.md), one phrasing family per test, on sentences of our own."""

from __future__ import annotations

import pytest
from enrichment import facts_by_span


def whens(text: str, published: str) -> dict[str, str | None]:
    """Each fact's number → its `when` as 'text start end'."""
    return {
        span: None if fact.when is None else f"{fact.when.text} {fact.when.start} {fact.when.end}"
        for span, fact in facts_by_span(text, "es", published).items()
    }


def sources(text: str) -> dict[str, str | None]:
    return {
        span: None if fact.source is None else fact.source.text
        for span, fact in facts_by_span(text, "es", "2024-11-20").items()
    }


# --- when -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Esta mañana llegaron 120 militares de la UME.", "120", "Esta mañana 2024-08-14 2024-08-14"),
        (
            "Los bomberos trabajaron toda la mañana a unos 5 kilómetros del centro.",
            "unos 5 kilómetros",
            "toda la mañana 2024-08-14 2024-08-14",
        ),
        ("La policía detuvo a 12 personas esta mañana en Vigo.", "12", "esta mañana 2024-08-14 2024-08-14"),
        ("Mañana llegarán 300 soldados a la base.", "300", "Mañana 2024-08-15 2024-08-15"),
    ],
)
def test_this_morning_is_the_publication_day_and_tomorrow_is_not(text: str, number: str, expected: str) -> None:
    assert whens(text, "2024-08-14")[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "Irán lanzó el martes por la noche unos 180 misiles.",
            "unos 180",
            "martes por la noche 2024-10-01 2024-10-01",
        ),
        (
            "El lunes por la tarde murieron cuatro civiles en Jersón.",
            "cuatro",
            "lunes por la tarde 2024-09-30 2024-09-30",
        ),
        (
            "Rusia lanzó 40 drones durante la madrugada de este domingo.",
            "40",
            "durante la madrugada de este domingo 2024-09-29 2024-09-29",
        ),
        (
            "Un sismo dejó 21 muertos en la madrugada del lunes.",
            "21",
            "en la madrugada del lunes 2024-09-30 2024-09-30",
        ),
    ],
)
def test_a_part_of_a_named_day_is_that_day(text: str, number: str, expected: str) -> None:
    assert whens(text, "2024-10-02")[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("El tipo se mantuvo en el 4 % hasta el pasado junio.", "4 %", "pasado junio 2024-06-01 2024-06-30"),
        ("El BCE rebajó el pasado jueves la tasa al 3 %.", "3 %", "pasado jueves 2024-10-17 2024-10-17"),
        ("La morosidad ha crecido un 12 % en lo que va de año.", "12 %", "lo que va de año 2024-01-01 2024-10-20"),
    ],
)
def test_the_article_or_preposition_before_a_date_is_not_its_text(text: str, number: str, expected: str) -> None:
    assert whens(text, "2024-10-20")[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("El paro bajará al 11,3 % en el último trimestre.", "11,3 %", "último trimestre 2024-10-01 2024-12-31"),
        ("El PIB creció un 0,8 % en el primer trimestre.", "0,8 %", "primer trimestre 2024-01-01 2024-03-31"),
        (
            "La inflación se moderó al 2,1 % en el tercer trimestre de 2024.",
            "2,1 %",
            "tercer trimestre de 2024 2024-07-01 2024-09-30",
        ),
        # Ahead, the next such quarter not yet over.
        ("Esperamos que el paro baje al 3 % en el primer trimestre.", "3 %", "primer trimestre 2025-01-01 2025-03-31"),
    ],
)
def test_quarters_including_the_last_one(text: str, number: str, expected: str) -> None:
    assert whens(text, "2024-11-01")[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("El BCE prevé ahora que la economía crezca un 0,8 % este año.", "0,8 %", "este año 2024-01-01 2024-10-17"),
        ("Hoy se espera que el paro baje al 11,5 % en octubre.", "11,5 %", "octubre 2024-10-01 2024-10-31"),
        ("Ahora el banco calcula un déficit del 3,2 % para 2025.", "3,2 %", "2025 2025-01-01 2025-12-31"),
    ],
)
def test_a_decimal_comma_does_not_end_the_clause(text: str, number: str, expected: str) -> None:
    assert whens(text, "2024-10-17")[number] == expected


def test_the_same_day_and_early_in_the_month_refer_to_the_date_named_before() -> None:
    text = (
        "Un tribunal condenó este martes a 13 años de prisión a un vecino de Sebastopol.\n\n"
        "Ese mismo día, otro tribunal condenó a trece años de cárcel a un periodista.\n\n"
        "El Pentágono confirmó el pasado 24 de octubre que Pyongyang desplegó a principios de mes "
        "varios miles de efectivos.\n\n"
        "A finales de mes llegaron otros 2.000 soldados."
    )
    found = whens(text, "2024-11-19")
    assert found["13 años"] == "este martes 2024-11-19 2024-11-19"
    assert found["trece años"] == "Ese mismo día 2024-11-19 2024-11-19"
    assert found["varios miles"] == "principios de mes 2024-10-01 2024-10-10"
    assert found["2.000"] == "finales de mes 2024-10-21 2024-10-31"


def test_early_in_the_month_without_a_date_before_is_the_publication_month() -> None:
    found = whens("Rusia desplegó a mediados de mes unos 5.000 soldados.", "2024-11-19")
    assert found["unos 5.000"] == "mediados de mes 2024-11-11 2024-11-20"


def test_the_same_day_without_a_day_named_before_is_no_date() -> None:
    assert whens("Ese mismo día murieron cinco civiles.", "2024-11-19")["cinco"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Francia mantiene 700 soldados en la FINUL, la misión de la ONU creada en 1978.",
        "El incendio declarado el sábado en Larouco ha calcinado ya unas 3.400 hectáreas.",
        "La ciudad, anexionada por Rusia en 2014, tiene unos 500.000 habitantes.",
        "Pyongyang podría ingresar hasta 1.000 millones de dólares por el tratado firmado en junio.",
    ],
)
def test_a_date_that_says_what_a_noun_is_dates_no_fact(text: str) -> None:
    assert set(whens(text, "2024-11-19").values()) == {None}


def test_an_attributive_date_is_not_carried_to_the_next_sentence() -> None:
    text = "Francia mantiene tropas en la FINUL, la misión creada en 1978. Hezbolá lanzó decenas de drones."
    assert whens(text, "2024-10-02")["decenas"] is None


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("De los 96 drones lanzados el domingo, 51 fueron derribados.", "51", "domingo 2024-11-17 2024-11-17"),
        ("Los 20 detenidos el lunes quedaron en libertad.", "20", "lunes 2024-11-18 2024-11-18"),
        ("Rusia ha lanzado el domingo 145 drones contra Ucrania.", "145", "domingo 2024-11-17 2024-11-17"),
    ],
)
def test_a_date_of_counted_things_or_of_a_compound_tense_dates_the_fact(text: str, number: str, expected: str) -> None:
    assert whens(text, "2024-11-19")[number] == expected


# --- source ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "Rusia lanzó 145 drones contra Ucrania, según informó la Fuerza Aérea ucraniana en Telegram.",
            "145",
            "la Fuerza Aérea ucraniana",
        ),
        (
            "La defensa rusa destruyó 54 drones, según ha informado este jueves el Ministerio de Defensa ruso.",
            "54",
            "el Ministerio de Defensa ruso",
        ),
        ("Al menos 12 personas murieron, según señaló ayer la Cruz Roja.", "Al menos 12", "la Cruz Roja"),
    ],
)
def test_segun_with_a_verb_of_saying(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "Un hombre fue condenado a 13 años de prisión, informó este martes el servicio de prensa del tribunal.",
            "13 años",
            "el servicio de prensa del tribunal",
        ),
        ("Murieron 14 civiles, dijo el domingo el alcalde de Járkov.", "14", "el alcalde de Járkov"),
        (
            "Fueron derribados 30 drones, anuncia el presidente Volodímir Zelenski.",
            "30",
            "el presidente Volodímir Zelenski",
        ),
        (
            "Hay tres niños heridos, informó el jefe de la administración militar de la capital, Timur Tkachenko.",
            "tres",
            "el jefe de la administración militar de la capital, Timur Tkachenko",
        ),
        # The clause before the verb is no subject of it: the verb read with its date names the claimant after it.
        (
            "Al menos 33 personas murieron durante la noche en la Franja de Gaza, informó este miércoles la Defensa"
            " Civil gazatí.",
            "Al menos 33",
            "la Defensa Civil gazatí",
        ),
        (
            "Al menos 33 personas, entre ellas doce niños, murieron durante la noche en bombardeos en Gaza, informó"
            " este miércoles la Defensa Civil.",
            "doce",
            "la Defensa Civil",
        ),
    ],
)
def test_a_claimant_after_the_verb_and_its_date(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "La gobernadora del banco central, Elvira Nabiúllina, de 60 años, advirtió en Moscú "
            "que la inflación se situó en el 8,6 %.",
            "8,6 %",
            "La gobernadora del banco central, Elvira Nabiúllina",
        ),
        (
            "El parte, difundido a las 9.30 horas (hora de Moscú), detalla que 29 drones fueron abatidos sobre Kursk.",
            "29",
            "El parte",
        ),
        (
            "El Pentágono, por su parte, confirma el envío de 2.500 soldados a Rumanía.",
            "2.500",
            "El Pentágono",
        ),
    ],
)
def test_an_aside_between_subject_and_verb_is_skipped(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "La cifra de muertos se eleva a 217, según el Centro de Integración de Datos (CID), a las 20.00 horas.",
            "217",
            "el Centro de Integración de Datos (CID)",
        ),
        (
            "Al menos 140 personas resultaron heridas, según la Autoridad de Gestión de Emergencias (AFAD).",
            "Al menos 140",
            "la Autoridad de Gestión de Emergencias (AFAD)",
        ),
        (
            "Tres civiles murieron en Járkov, según el gobernador regional, Oleh Sinegubov.",
            "Tres",
            "el gobernador regional",
        ),
    ],
)
def test_a_claimant_after_segun_keeps_its_acronym_and_ends_at_the_comma(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "El número de muertos subió a 31, según un recuento de la AFP basado en fuentes oficiales.",
            "31",
            "un recuento de la AFP basado en fuentes oficiales",
        ),
        (
            "Más de 500 soldados murieron, según un informe publicado el martes por el Pentágono.",
            "Más de 500",
            "un informe publicado el martes por el Pentágono",
        ),
        (
            "El paro bajó al 11,2 %, según los datos publicados este viernes por el Instituto Nacional de Estadística"
            " (INE).",
            "11,2 %",
            "los datos publicados este viernes por el Instituto Nacional de Estadística (INE)",
        ),
    ],
)
def test_a_claimant_keeps_the_complement_of_its_participle(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("El tipo medio está en el 25,6 %, según datos del propio regulador.", "25,6 %", "datos del propio regulador"),
        ("Un depósito ardió a 30 km de la frontera, según medios locales.", "30 km", "medios locales"),
        (
            "Repeler el ataque costó 500 millones de dólares, según estimaciones de la prensa.",
            "500 millones de dólares",
            "estimaciones de la prensa",
        ),
    ],
)
def test_a_claimant_may_be_a_bare_plural_noun_after_segun(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("• 10:12 — La Fuerza Aérea informa de que 51 drones fueron neutralizados.", "51", "La Fuerza Aérea"),
        (
            "• 09:31 — La 65.ª brigada mecanizada asegura que 27 militares rusos fueron capturados.",
            "27",
            "La 65.ª brigada mecanizada",
        ),
        (
            "Seúl y Washington calculan que al menos 3.000 militares norcoreanos combaten en Kursk.",
            "al menos 3.000",
            "Seúl y Washington",
        ),
        (
            "En Gaza, las autoridades sanitarias contabilizan ya más de 44.800 víctimas mortales.",
            "más de 44.800",
            "las autoridades sanitarias",
        ),
    ],
)
def test_where_a_subject_read_backwards_starts(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("La cifra de fallecidos se eleva a 21 en la provincia.", "21", None),
        ("Seúl eleva a 11.000 los soldados norcoreanos desplegados en Rusia.", "11.000", "Seúl"),
        (
            "El Banco de España elevó su previsión de crecimiento al 2,8 % y calcula que el paro bajará al 11,3 %.",
            "11,3 %",
            "El Banco de España",
        ),
        # "Prevé" before an infinitive is a plan, not a forecast: the claimant is the one named after "según".
        (
            "Alemania prevé enviar hasta 5.000 soldados a Lituania, según el Ministerio de Defensa.",
            "hasta 5.000",
            "el Ministerio de Defensa",
        ),
        ("El banco central prevé una inflación del 3,5 % en 2026.", "3,5 %", "El banco central"),
    ],
)
def test_figures_raised_by_a_claimant_and_la_cifra_as_a_noun(text: str, number: str, expected: str | None) -> None:
    assert sources(text)[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Cuatro personas murieron, informó a través de Telegram el gobernador.", "Cuatro", "el gobernador"),
        ("Dos civiles resultaron heridos, dijo a la agencia EFE un portavoz policial.", "Dos", "un portavoz policial"),
        (
            "Fueron derribados 25 drones, señaló este lunes en un comunicado el Ministerio de Defensa.",
            "25",
            "el Ministerio de Defensa",
        ),
        # Spoken to a broadcaster named by lowercase words, which end at the claimant's determiner.
        (
            "«Derribamos 56 de los 73 drones», declaró a la televisión nacional el portavoz de la Fuerza Aérea.",
            "56",
            "el portavoz de la Fuerza Aérea",
        ),
        ("«Perdimos a 20 soldados», dijo a una radio local un comandante ucraniano.", "20", "un comandante ucraniano"),
    ],
)
def test_a_claimant_after_the_verb_and_the_channel(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "El gobernador regional, Oleh Syniehubov, informó de que cinco personas murieron. "
            "Dos de las tres víctimas del segundo ataque eran niños, añadió.",
            "Dos",
            "El gobernador regional, Oleh Syniehubov",
        ),
        (
            "La Fuerza Aérea ucraniana informó de que Rusia lanzó 80 drones. De ellos, 60 fueron derribados, precisó.",
            "60",
            "La Fuerza Aérea ucraniana",
        ),
        # A subject written before the verb is still read: only a verb right after the clause's comma has none.
        ("Cinco personas murieron, el alcalde, Vitali Klitschko, dijo.", "Cinco", "el alcalde, Vitali Klitschko"),
    ],
)
def test_a_verb_without_its_subject_is_said_by_the_claimant_named_before(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected


def test_a_date_that_says_what_a_model_is_dates_no_later_fact() -> None:
    """ "El Su-34 derribado en 2023": the number of a model name is no count that the date could be about."""
    text = "El Su-34 derribado en 2023 no figura en el balance. El presidente, de 72 años, no comentó la cifra."
    assert whens(text, "2026-11-17")["72 años"] is None


def test_a_season_after_del_is_that_season_but_not_after_antes() -> None:
    text = (
        "La gripe ha causado 18 muertes este invierno. La ola de calor del verano provocó más de 1.000 fallecimientos."
        "\n\nMoscú quiere expulsar antes del invierno a unos 6.000 soldados."
    )
    found = whens(text, "2024-11-17")
    assert found["más de 1.000"] == "del verano 2024-06-01 2024-08-31"
    assert found["unos 6.000"] is None


@pytest.mark.parametrize(
    ("text", "number", "claimant"),
    [
        (
            "Rusia lanzó 522 drones, según el cómputo de esta sección a partir de los partes diarios.",
            "522",
            "el cómputo de esta sección",
        ),
        ("Rusia lanzó 40 drones, según el ministerio esta semana.", "40", "el ministerio"),
    ],
)
def test_a_demonstrative_ends_a_claimant_only_before_a_time(text: str, number: str, claimant: str) -> None:
    assert sources(text)[number] == claimant


@pytest.mark.parametrize(
    ("text", "number", "claimant"),
    [
        (
            "Rusia lanzó 102 drones, de los que 81 fueron derribados, ha detallado la Fuerza Aérea en un comunicado.",
            "81",
            "la Fuerza Aérea",
        ),
        ("Murieron dos civiles, han precisado las autoridades locales.", "dos", "las autoridades locales"),
    ],
)
def test_a_claimant_after_a_perfect_tense_verb_after_a_comma(text: str, number: str, claimant: str) -> None:
    assert sources(text)[number] == claimant


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Las autoridades informaron que 12 personas murieron en el ataque.", "12", "Las autoridades"),
        ("Tres soldados resultaron heridos, precisaron a EFE fuentes del Ejército.", "Tres", "fuentes del Ejército"),
        ("Unas 400 personas fueron evacuadas, escribió el alcalde en Facebook.", "Unas 400", "el alcalde"),
        (
            "La Policía informó de 14 detenidos, mientras que el Ministerio del Interior elevó la cifra a 17 personas.",
            "17",
            "el Ministerio del Interior",
        ),
    ],
)
def test_plural_verbs_and_a_raised_figure_name_their_claimant(text: str, number: str, expected: str) -> None:
    assert sources(text)[number] == expected
