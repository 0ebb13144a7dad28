"""Who claims a fact when the claim is a quotation, and claimants read forwards."""

from __future__ import annotations

import datetime as dt

import pytest
from enrichment import facts_by_span

DAY = dt.date(2024, 11, 12)


def sources(text: str, lang: str = "en") -> dict[str, str | None]:
    return {span: fact.source.text if fact.source else None for span, fact in facts_by_span(text, lang, DAY).items()}


@pytest.mark.parametrize(
    ("text", "number", "speaker"),
    [
        (
            "“I believe we lost more than 75 years of peace.”\nJean-Noel Barrot, French Foreign Minister\n",
            "more than 75 years",
            "Jean-Noel Barrot, French Foreign Minister",
        ),
        ("“We shot down 40 drones over the capital,” the mayor said.\n", "40", "the mayor"),
        (
            "“The economy suffers. Interest rates are at 21%”\nElvira Nabiullina, central bank governor\n",
            "21%",
            "Elvira Nabiullina, central bank governor",
        ),
        ("„Wir haben 40 Drohnen abgeschossen“, sagte der Bürgermeister.\n", "40", "der Bürgermeister"),
    ],
)
def test_a_quotation_is_claimed_by_its_speaker(text: str, number: str, speaker: str) -> None:
    lang = "de" if "„" in text else "en"
    assert sources(text, lang)[number] == speaker


@pytest.mark.parametrize(
    ("lang", "text", "number", "speaker"),
    [
        ("en", "10:42 GMT — Zelensky: “Russia launched 120 drones overnight.”\n", "120", "Zelensky"),
        ("en", "Ukraine's air force chief: \"We shot down 90 drones.\"\n", "90", "Ukraine's air force chief"),
        (
            "fr",
            "Volodymyr Zelensky : « Nous avons abattu 40 drones. La Russie a lancé 120 drones cette nuit. »\n",
            "120",
            "Volodymyr Zelensky",
        ),
        ("es", "17.05 h | Zelenski: «Rusia lanzó 120 drones esta noche».\n", "120", "Zelenski"),
        ("de", "Selenskyj: „Russland hat 120 Drohnen gestartet.“\n", "120", "Selenskyj"),
        ("en", "Update 3: “Russia launched 120 drones overnight.”\n", "120", None),
    ],
)
def test_a_quotation_is_claimed_by_the_speaker_named_before_its_colon(
    lang: str, text: str, number: str, speaker: str | None
) -> None:
    assert sources(text, lang)[number] == speaker


def test_a_scare_quote_does_not_make_the_next_sentence_the_claimant() -> None:
    text = (
        "Day 993 of the “special military operation” began with 40 drones.\n"
        "The chancellor believes that talks will fail.\n"
    )
    assert sources(text)["40"] is None


@pytest.mark.parametrize(
    "claimant",
    ["Ukraine and some of its allies", "the ministry and its partners", "Kyiv and their Western backers"],
)
def test_a_claimant_read_forwards_keeps_its_possessive(claimant: str) -> None:
    text = f"According to {claimant}, North Korea has deployed about 11,000 soldiers to Russia.\n"
    assert sources(text)["about 11,000"] == claimant


def test_a_claimant_read_backwards_is_no_clause() -> None:
    text = "The Estonian Foreign Intelligence Service said in its annual report that more than 50,000 troops left.\n"
    assert sources(text)["more than 50,000"] == "The Estonian Foreign Intelligence Service"


@pytest.mark.parametrize("dash", ["-", "—", "–"])
def test_a_live_blog_timestamp_and_its_dash_are_no_part_of_the_claimant(dash: str) -> None:
    text = f"16:25 GMT {dash} The U.N. refugee agency said some 6.7 million refugees have been recorded in Europe.\n"
    assert sources(text)["some 6.7 million"] == "The U.N. refugee agency"


@pytest.mark.parametrize(
    ("text", "number", "claimant"),
    [
        (
            "The arrival of 10,000 North Korean soldiers, confirmed by Washington, worries Seoul.\n",
            "10,000",
            "Washington",
        ),
        ("Some 40 drones were shot down, as reported by the regional governor.\n", "Some 40", "the regional governor"),
        (
            "L'arrivée de milliers de soldats en Russie, confirmée par Washington, inquiète Séoul.\n",
            "milliers",
            "Washington",
        ),
        (
            "Une attaque de 30 drones, revendiquée par l'armée ukrainienne, a visé la raffinerie.\n",
            "30",
            "l'armée ukrainienne",
        ),
    ],
)
def test_the_agent_of_a_confirming_participle_is_the_claimant(text: str, number: str, claimant: str) -> None:
    assert sources(text, "fr" if "Russie" in text or "attaque" in text else "en")[number] == claimant


@pytest.mark.parametrize(
    ("text", "number", "claimant"),
    [
        ("The ministry had reported that 15 drones were intercepted over Bryansk.", "15", "The ministry"),
        ("The regional governor has confirmed that four people were killed.", "four", "The regional governor"),
        (
            "Kyiv's military administration has also said 12 drones were destroyed.",
            "12",
            "Kyiv's military administration",
        ),
        ("Officials had told Reuters that 300 troops were sent.", "300", "Officials"),
    ],
)
def test_a_claimant_before_a_verb_with_its_auxiliary(text: str, number: str, claimant: str) -> None:
    assert sources(text)[number] == claimant


@pytest.mark.parametrize(
    ("text", "number", "claimant"),
    [
        ("The defence ministry also said 28 drones were destroyed overnight.", "28", "The defence ministry"),
        ("The defence ministry for its part said 28 drones were destroyed overnight.", "28", "The defence ministry"),
        ("The defence ministry, for its part, said 28 drones were destroyed.", "28", "The defence ministry"),
        ("Moscow in turn said it had shot down 17 Ukrainian drones.", "17", "Moscow"),
    ],
)
def test_an_adverb_or_aside_before_the_verb_is_not_part_of_the_claimant(text: str, number: str, claimant: str) -> None:
    assert sources(text)[number] == claimant


@pytest.mark.parametrize(
    ("text", "number", "claimant"),
    [
        ("Four people were killed, the governor said in a statement posted on Telegram.", "Four", "the governor"),
        ("At least 12 drones were downed, the air force said in its morning report.", "At least 12", "the air force"),
        ("Three soldiers were wounded, a military spokesman told reporters in Kyiv.", "Three", "a military spokesman"),
        # A figure after a semicolon is another clause: the claimant still vouches for the one before its comma.
        (
            "At least 1,300 people remain behind bars, the Viasna rights group said; most were jailed in 2020.",
            "At least 1,300",
            "the Viasna rights group",
        ),
        # Numbers after the claimant that are no facts (a time, a count of regions) do not make it a later one's.
        (
            "Air defence units intercepted three ballistic missiles, the air force said in its 9:15 a.m. update on"
            " Telegram.",
            "three",
            "the air force",
        ),
        (
            "Air defences shot down 62 of the drones, most of them decoys, the air force said in its morning update,"
            " adding that air raid alerts had been declared in 13 regions.",
            "62",
            "the air force",
        ),
    ],
)
def test_a_claimant_after_a_comma_vouches_for_the_clause_before_it(text: str, number: str, claimant: str) -> None:
    assert sources(text)[number] == claimant


@pytest.mark.parametrize(
    ("lang", "text", "level", "forecast", "claimant"),
    [
        (
            "en",
            "The central bank held its key rate at 21% last month, when analysts expect a hike to 23% in December.",
            "21%",
            "23%",
            "analysts",
        ),
        (
            "fr",
            "La BCE a maintenu son taux de dépôt à 3,25 %, alors que les économistes prévoyaient une baisse à 3 %.",
            "3,25 %",
            "3 %",
            "les économistes",
        ),
        (
            "fr",
            "Le taux reste fixé à 4,75 %, et les économistes prévoient une nouvelle baisse à 4,5 %.",
            "4,75 %",
            "4,5 %",
            "les économistes",
        ),
        (
            "es",
            "El Banco de España mantuvo el tipo en el 4,5 %, mientras que los analistas esperan un recorte al 4 %.",
            "4,5 %",
            "4 %",
            "los analistas",
        ),
        (
            "de",
            "Die Notenbank hielt den Leitzins bei 4,5 Prozent, während Analysten eine Senkung auf 4 Prozent erwarten.",
            "4,5 Prozent",
            "4 Prozent",
            "Analysten",
        ),
    ],
)
def test_a_claimant_in_a_clause_set_against_the_one_before_vouches_for_its_own_clause_alone(
    lang: str, text: str, level: str, forecast: str, claimant: str
) -> None:
    found = sources(text, lang)
    assert (found[level], found[forecast]) == (None, claimant)


def test_a_figure_expected_as_analysts_expected_is_not_their_claim() -> None:
    text = "El banco central turco mantiene el tipo en el 50%, como esperaban 14 de los 17 analistas consultados."
    assert sources(text, "es")["50%"] is None


@pytest.mark.parametrize(
    "text",
    [
        # The figure is in the claimant's own relative clause, or before a "but": not what it says.
        "Elsewhere, Russia's central bank, which raised its key rate to 21% in October, has warned that corporate"
        " borrowers are struggling.",
        "The Fed held its rate at 5.5% on Wednesday, but chair Jerome Powell said a cut could come as soon as"
        " September.",
    ],
)
def test_a_figure_outside_what_the_claimant_says_has_no_claimant(text: str) -> None:
    figure = "21%" if "21%" in text else "5.5%"
    assert sources(text)[figure] is None



@pytest.mark.parametrize(
    ("lang", "text", "number", "claimant"),
    [
        (
            "en",
            "North Korea has sent about 11,000 troops to Russia, according to U.S. and South Korean officials.",
            "about 11,000",
            "U.S. and South Korean officials",
        ),
        (
            "en",
            "About 11,000 North Korean troops are in Russia, the U.S. military said.",
            "About 11,000",
            "the U.S. military",
        ),
        ("en", "About 10,000 troops are in Russia, said Mr. Smith, a U.S. official.", "About 10,000", "Mr. Smith"),
        ("fr", "Selon M. Zelensky, 40 drones ont été abattus.", "40", "M. Zelensky"),
        ("de", "Laut Dr. Müller wurden 40 Drohnen abgeschossen.", "40", "Dr. Müller"),
    ],
)
def test_the_point_of_an_initial_or_abbreviation_does_not_end_a_claimant(
    lang: str, text: str, number: str, claimant: str
) -> None:
    assert sources(text, lang)[number] == claimant


@pytest.mark.parametrize(
    ("text", "lang", "number", "claimant"),
    [
        ("According to officials, 12 people died in the blast.", "en", "12", "officials"),
        ("At least 30 people were killed, according to witnesses.", "en", "At least 30", "witnesses"),
        (
            "According to figures released by the UN on Wednesday, more than 12,300 civilians have been killed.",
            "en",
            "more than 12,300",
            "figures released by the UN",
        ),
        ("Al menos 30 personas murieron, según fuentes militares.", "es", "Al menos 30", "fuentes militares"),
        # In English, any noun phrase after "according to" (a noun never follows it as a reason: "citing").
        (
            "Israel has mobilised some 60,000 reservists for the northern front, according to army radio.",
            "en",
            "some 60,000",
            "army radio",
        ),
        ("At least 25 people were killed, as reported by state media.", "en", "At least 25", "state media"),
        (
            "The bank sold $25 billion of currency, according to economists' calculations based on central bank data.",
            "en",
            "$25 billion",
            "economists' calculations based on central bank data",
        ),
        ("Turkey raised its rate to 50% on Tuesday, citing inflation that has stuck above 48%.", "en", "50%", None),
    ],
)
def test_a_bare_plural_or_noun_after_a_preposition_is_a_claimant(
    text: str, lang: str, number: str, claimant: str | None
) -> None:
    assert sources(text, lang)[number] == claimant


def test_wrote_or_posted_on_a_channel_is_a_claim() -> None:
    text = "Russia fired 54 drones at Ukraine overnight, Ukraine's air force wrote on Telegram."
    assert sources(text)["54"] == "Ukraine's air force"
    assert sources("Russia fired 54 drones overnight, the governor posted on Facebook.")["54"] == "the governor"


@pytest.mark.parametrize(
    ("text", "lang", "number", "claimant"),
    [
        (
            "Doce drones fueron derribados, según la 47.ª Brigada Mecanizada.",
            "es",
            "Doce",
            "la 47.ª Brigada Mecanizada",
        ),
        (
            "Twelve drones were shot down, according to the 47th Mechanised Brigade.",
            "en",
            "Twelve",
            "the 47th Mechanised Brigade",
        ),
        ("Douze drones ont été abattus, selon la 47e brigade mécanisée.", "fr", "Douze", "la 47e brigade mécanisée"),
    ],
)
def test_an_ordinal_in_a_claimant_is_part_of_its_name(text: str, lang: str, number: str, claimant: str) -> None:
    assert sources(text, lang)[number] == claimant


def test_reported_after_an_article_is_an_adjective_not_an_attribution() -> None:
    text = "The striker, signed for a reported 60 million pounds, scored. The army reported 40 drones shot down.\n"
    found = sources(text)
    assert found["60 million pounds"] is None
    assert found["40"] == "The army"


@pytest.mark.parametrize(
    ("lang", "text", "claimant"),
    [
        (
            "en",
            "Russia's Emergencies Ministry revised the death toll down from 45 to 38.",
            "Russia's Emergencies Ministry",
        ),
        (
            "fr",
            "Le ministère ukrainien de l'Intérieur a revu le bilan à la baisse, de 45 à 38 morts.",
            "Le ministère ukrainien de l'Intérieur",
        ),
        (
            "es",
            "El Ministerio del Interior revisó a la baja el balance de 45 a 38 muertos.",
            "El Ministerio del Interior",
        ),
        ("de", "Die Behörden in Poltawa korrigierten die Zahl der Toten von 45 auf 38.", "Die Behörden in Poltawa"),
    ],
)
def test_who_revises_a_toll_claims_both_figures(lang: str, text: str, claimant: str) -> None:
    assert sources(text, lang) == {"45": claimant, "38": claimant}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("In Kharkiv, officials on Tuesday lowered the death toll to 21 from 24.", "officials"),
        ("The Ministry of Defence late on Monday said 21 soldiers were killed.", "The Ministry of Defence"),
        ("The governor yesterday said 21 people were killed.", "The governor"),
    ],
)
def test_a_time_between_the_subject_and_its_verb_is_no_part_of_the_claimant(text: str, claimant: str) -> None:
    assert set(sources(text).values()) == {claimant}


@pytest.mark.parametrize(
    ("lang", "text", "claimant"),
    [
        ("en", "On Sunday the air force said it had shot down 45 drones overnight.", "the air force"),
        ("en", "In Kharkiv the regional governor said 12 people were killed.", "the regional governor"),
        ("fr", "Dimanche soir l'armée de l'air a indiqué que 45 drones avaient été abattus.", "l'armée de l'air"),
        ("es", "El domingo la Fuerza Aérea informó de que 45 drones fueron derribados.", "la Fuerza Aérea"),
    ],
)
def test_a_time_or_place_opening_the_sentence_without_a_comma_is_no_part_of_the_claimant(
    lang: str, text: str, claimant: str
) -> None:
    assert set(sources(text, lang).values()) == {claimant}


def test_a_verb_inside_a_claimant_read_after_a_preposition_names_no_claimant_of_its_own() -> None:
    text = "Russia launched 2,000 drones in October, according to an AP tally of daily air force reports, a record."
    assert sources(text) == {"2,000": "an AP tally of daily air force reports"}


@pytest.mark.parametrize(
    ("text", "number", "claimant"),
    [
        (
            "A guided bomb hit a residential district, injuring at least 14, including two women, Mayor Ihor "
            "Terekhov said.",
            "at least 14",
            "Mayor Ihor Terekhov",
        ),
        ("Her lawyer, Ivan Sorokin, said the court handed him 12 years.", "12 years", "Her lawyer, Ivan Sorokin"),
        # With no comma after it, a pair is a title before a name, not a name before a title.
        ("Her lawyer, Ivan Sorokin said the court handed him 12 years.", "12 years", "Her lawyer, Ivan Sorokin"),
        (
            "Mexico will spend 15 billion pesos on reconstruction after Hurricane Otis, the finance ministry said.",
            "15 billion",
            "the finance ministry",
        ),
        # An adverb before the verb is no claimant: "first announced" says when the plan was made.
        ("The plan, first announced in 2023, would send 5,000 troops to Lithuania.", "5,000", None),
        (
            "Speaking to reporters in Brussels, NATO Secretary-General Mark Rutte said some 12,000 North Korean "
            "troops were fighting alongside Russian forces.",
            "some 12,000",
            "NATO Secretary-General Mark Rutte",
        ),
    ],
)
def test_only_a_noun_phrase_stands_in_apposition_to_a_claimant(text: str, number: str, claimant: str | None) -> None:
    """ "including two women" opens with neither a capital nor a determiner, "Speaking to reporters" says how the
    claim was made: neither is a title of the one named."""
    assert sources(text)[number] == claimant


def test_it_said_names_the_body_named_before() -> None:
    """Wire copy names a ministry or an air force once, then "It said": the body is the claimant."""
    text = (
        "Russia fired 120 drones at Ukraine overnight, Ukraine's air force said on Friday. It said 95 of the drones "
        "were destroyed."
    )
    assert sources(text)["95"] == "Ukraine's air force"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Pro Woche sterben nach westlichen Schätzungen etwa 1.000 ukrainische Soldaten.", "westlichen Schätzungen"),
        ("Nach ukrainischen Angaben wurden 16 Menschen verletzt.", "ukrainischen Angaben"),
        ("Nach vorläufigen Angaben wurden 16 Menschen verletzt.", None),
    ],
)
def test_a_de_adjective_of_origin_before_angaben_names_the_claimant(text: str, claimant: str | None) -> None:
    """ "nach westlichen Schätzungen" says whose estimates they are; "nach vorläufigen Angaben" only how far they go."""
    assert [source for source in sources(text, "de").values()] == [claimant]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "La mitad de los 14 misiles de crucero lanzados la semana pasada fueron interceptados, recordó el mando "
            "aéreo.",
            "el mando aéreo",
        ),
        ("También recordó el terremoto de 2023, que causó más de 53.000 muertos en Turquía.", None),
    ],
)
def test_es_recordo_attributes_but_an_adverb_alone_is_no_subject(text: str, claimant: str | None) -> None:
    """ "…, recordó el mando aéreo" names who says it; "También recordó …" has no subject before its verb, and the
    adverb is none."""
    found = sources(text, "es")
    assert found[next(span for span in found if span[:1] in "1m")] == claimant


@pytest.mark.parametrize(
    ("text", "lang", "number", "claimant"),
    [
        (
            "Russia attacked Ukraine with 112 drones overnight, the air force said.\n\nAir defences shot down 79 of "
            "the drones, it added.\n",
            "en",
            "79",
            "the air force",
        ),
        (
            "La Russie a lancé 112 drones, a annoncé l'armée de l'air.\n\nTrente et un autres drones ont été "
            "« perdus », a-t-elle précisé.\n",
            "fr",
            "Trente et un",
            "l'armée de l'air",
        ),
        (
            "La Russie a lancé 112 drones, a annoncé l'armée de l'air.\n\nLe maire a parlé aux habitants.\n\nTrente "
            "et un autres drones ont été « perdus », a-t-elle précisé.\n",
            "fr",
            "Trente et un",
            None,
        ),
    ],
)
def test_a_pronoun_opening_a_paragraph_names_the_claimant_of_the_paragraph_before(
    text: str, lang: str, number: str, claimant: str | None
) -> None:
    """Wire copy gives a sentence or two a paragraph, so "…, it added" speaks for the body named in the paragraph
    before; not for one two paragraphs back."""
    assert sources(text, lang)[number] == claimant


def test_an_age_after_a_name_leaves_the_subject_whole() -> None:
    text = "El presidente ucraniano, Volodímir Zelenski (46), denunció que Rusia ha lanzado cerca de 1.200 drones."
    assert sources(text, "es")["cerca de 1.200"] == "El presidente ucraniano, Volodímir Zelenski"


@pytest.mark.parametrize(
    ("text", "lang", "number", "claimant"),
    [
        (
            "Russland hat die Ukraine mit 112 Drohnen angegriffen. Das teilte die ukrainische Luftwaffe am Donnerstag "
            "mit.",
            "de",
            "112",
            "die ukrainische Luftwaffe",
        ),
        (
            "Dabei wurden drei Menschen getötet. Dies sagte ein Sprecher des Ministeriums der Nachrichtenagentur dpa.",
            "de",
            "drei",
            "ein Sprecher des Ministeriums",
        ),
        ("Dabei wurden drei Menschen getötet. Das Ministerium teilte mit, die Lage sei stabil.", "de", "drei", None),
        (
            "Rusia atacó Ucrania con 112 drones. Así lo informó la Fuerza Aérea ucraniana en Telegram.",
            "es",
            "112",
            "la Fuerza Aérea ucraniana",
        ),
        (
            "La Russie a lancé 112 drones dans la nuit. C'est ce qu'a annoncé l'armée de l'air ukrainienne.",
            "fr",
            "112",
            "l'armée de l'air ukrainienne",
        ),
        ("Russia launched 112 drones overnight. That was according to the air force.", "en", "112", "the air force"),
        ("Russia launched 112 drones overnight.\n\nThat was according to Ukraine's air force.", "en", "112", None),
    ],
)
def test_a_sentence_that_says_who_claims_the_one_before(
    text: str, lang: str, number: str, claimant: str | None
) -> None:
    """ "Das teilte die Luftwaffe mit." names who claims the sentence before it in its paragraph ("Das Ministerium
    teilte mit" is a subject, not a reference back)."""
    assert sources(text, lang)[number] == claimant


def test_demnach_refers_to_the_claimant_named_before() -> None:
    text = "Russland griff mit 112 Drohnen an, wie die Luftwaffe mitteilte. Demnach wurden 79 Drohnen abgeschossen."
    assert sources(text, "de")["79"] == "die Luftwaffe"


@pytest.mark.parametrize(
    ("lang", "text", "number", "claimant"),
    [
        ("en", "The UN and the Red Cross said 40 civilians died.", "40", "The UN and the Red Cross"),
        ("en", "Ukrainian and Western officials say 500 soldiers died.", "500", "Ukrainian and Western officials"),
        ("en", "The army and police said 12 people were killed.", "12", "The army and police"),
        ("fr", "L'armée et la police ont indiqué que 12 personnes ont été tuées.", "12", "L'armée et la police"),
        ("fr", "L'ONU et la Croix-Rouge ont indiqué que 12 personnes ont été tuées.", "12", "L'ONU et la Croix-Rouge"),
        (
            "de",
            "Die Polizei und die Feuerwehr teilten mit, dass 12 Menschen starben.",
            "12",
            "Die Polizei und die Feuerwehr",
        ),
        # A clause before the conjunction is no name, and its figure is no claim of the subject after it.
        ("en", "Russia fired 40 drones and the air force said 30 were shot down.", "40", None),
        ("en", "On Sunday Ukraine and Poland said 20 drones crossed the border.", "20", "Poland"),
    ],
)
def test_a_name_and_the_claimant_after_it_are_one_subject(
    lang: str, text: str, number: str, claimant: str | None
) -> None:
    assert sources(text, lang)[number] == claimant


@pytest.mark.parametrize(
    ("text", "number", "claimant"),
    [
        (
            "Kyiv says 12,000 civilians died, while the United Nations has verified 12,654 civilian deaths.",
            "12,654",
            "the United Nations",
        ),
        ("The UN aid office has counted more than 3,700 deaths.", "more than 3,700", "The UN aid office"),
        ("Monitors have documented at least 40 civilian deaths in the city.", "at least 40", "Monitors"),
        ("Rights groups verified 112 civilian deaths in October.", "112", "Rights groups"),
        # and who had expected or forecast it
        ("Economists polled by Reuters had expected a cut to 48.5%.", "48.5%", "Economists polled by Reuters"),
        ("Analysts have forecast a rise to 5.25% in March.", "5.25%", "Analysts"),
    ],
)
def test_who_verified_or_counted_a_figure_claims_it(text: str, number: str, claimant: str) -> None:
    assert sources(text)[number] == claimant


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Forty-eight hostages remain in Gaza, of whom Israel believes 20 were killed.", "20", "Israel"),
        ("The ministry, whose figures the UN considers reliable, said 40 people were killed.", "40", "The ministry"),
    ],
)
def test_whom_and_whose_open_no_claimant(text: str, span: str, expected: str) -> None:
    assert sources(text)[span] == expected
