"""`when` and `source` in French news: one test per family of phrasings, on sentences written for the tests."""

from __future__ import annotations

import pytest
from enrichment import EXTRACTOR, fact_at

from schemas import Fact


def fact(text: str, span: str, published: str = "2024-11-17") -> Fact:
    return fact_at(text, span, "fr", published)


def source(text: str, span: str) -> str | None:
    claimant = fact(text, span).source
    return claimant.text if claimant is not None else None


def when(text: str, span: str, published: str = "2024-11-17") -> tuple[str, str, str] | None:
    found = fact(text, span, published).when
    return (str(found.start), str(found.end), found.text) if found is not None else None


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        (
            "Au moins 12 civils ont été tués, selon le gouverneur régional, Oleg Synegoubov.",
            "12",
            "le gouverneur régional",
        ),
        ("Selon le maire de la ville, Ihor Terekhov, 30 personnes ont été blessées.", "30", "le maire de la ville"),
        (
            "La Russie a lancé 145 drones, d'après l'armée de l'air, citée par l'agence Ukrinform.",
            "145",
            "l'armée de l'air",
        ),
    ],
)
def test_a_claimant_after_selon_ends_at_the_comma(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        ("Le ministère a également confirmé la mort de 12 soldats.", "12", "Le ministère"),
        ("L'armée russe avait déjà revendiqué la destruction de 40 drones.", "40", "L'armée russe"),
        ("Le gouverneur a, de son côté, indiqué que 7 civils avaient été blessés.", "7", "Le gouverneur"),
        ("Les autorités iraniennes font état d'au moins 78 morts.", "au moins 78", "Les autorités iraniennes"),
        # A place before the comma is no name in apposition: no comma closes the pair.
        ("A Gaza, la Défense civile a fait état de 46 morts.", "46", "la Défense civile"),
    ],
)
def test_a_subject_before_a_compound_tense_with_an_adverb_or_an_aside(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        (
            "Quelque 1 300 militaires sont déployés, a annoncé vendredi le ministre des Armées.",
            "Quelque 1 300",
            "le ministre des Armées",
        ),
        ("Un tribunal a condamné l'homme à 14 ans de prison, a indiqué mardi soir le parquet.", "14 ans", "le parquet"),
        ("Trente drones ont été abattus, ont précisé dimanche les forces aériennes.", "Trente", "les forces aériennes"),
        (
            "Le journaliste a été condamné à 22 ans de prison, ont rapporté les agences russes.",
            "22 ans",
            "les agences russes",
        ),
        ("Douze drones ont été interceptés, ont confirmé lundi les autorités.", "Douze", "les autorités"),
        (
            "L'Iran a tiré quelque 180 missiles sur Israël, dont la plupart ont été interceptés, a rappelé jeudi "
            "l'armée israélienne.",
            "quelque 180",
            "l'armée israélienne",
        ),
        ("Les forces russes ont progressé de 800 mètres, a reconnu l'état-major.", "800 mètres", "l'état-major"),
    ],
)
def test_an_inverted_verb_may_carry_a_day(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


def test_rappeler_before_its_object_recalls_troops_and_names_no_claimant() -> None:
    assert source("Israël a de son côté rappelé 15 000 réservistes.", "15 000") is None


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        (
            "« Certaines banques proposent moins de 3 % de taux aux meilleurs profils », souligne un courtier.",
            "moins de 3 %",
            "un courtier",
        ),
        ("« Nous avons perdu 20 soldats en une nuit », raconte un officier ukrainien.", "20", "un officier ukrainien"),
        (
            "Avec un taux directeur à 21 %, les entreprises ne peuvent plus emprunter, s'inquiètent les industriels.",
            "21 %",
            "les industriels",
        ),
        # After a comma, before a determiner.
        ("Aucun des quatre missiles n'a atteint sa cible, assure l'armée de l'air.", "quatre", "l'armée de l'air"),
        (
            "Les combats ont coûté la vie à des milliers de soldats depuis l'été, estiment les analystes.",
            "milliers",
            "les analystes",
        ),
    ],
)
def test_present_tense_after_a_quotation_and_reflexive_verbs_are_inverted_attributions(
    text: str, span: str, claimant: str
) -> None:
    assert source(text, span) == claimant


def test_a_present_tense_verb_before_its_object_names_no_claimant() -> None:
    assert source("L'inflation a atteint 2,5 %, indique une hausse des prix de 4 %.", "2,5 %") is None


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        (
            "La Russie a lancé 145 drones, a annoncé l'armée de l'air. Selon elle, 81 drones ont été abattus.",
            "81",
            "l'armée de l'air",
        ),
        (
            "« Nous tenons », a déclaré le président Zelensky. Selon lui, la Russie a lancé 1 500 drones en octobre.",
            "1 500",
            "le président Zelensky",
        ),
        (
            "Le gouverneur Oleg Synegoubov a annoncé de nouvelles frappes. D'après lui, 5 civils ont été tués.",
            "5",
            "Le gouverneur Oleg Synegoubov",
        ),
    ],
)
def test_selon_with_a_pronoun_takes_the_claimant_named_before(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        ("La Suisse, qui entend rester neutre, a confirmé qu'elle enverrait 50 soldats.", "50", "La Suisse"),
        ("L'Ukraine, qui ne commente jamais ces pertes, affirme avoir abattu 30 drones.", "30", "L'Ukraine"),
        (
            "Le ministère, dont les chiffres sont invérifiables, a annoncé la mort de 200 soldats.",
            "200",
            "Le ministère",
        ),
    ],
)
def test_a_relative_clause_between_the_subject_and_its_verb_is_skipped(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        ("Selon un sondage publié jeudi, 58 % des Suisses soutiennent cet effort.", "58 %", "un sondage publié jeudi"),
        (
            "Pyongyang va déployer 10 000 soldats, selon une note citée vendredi par l'agence Yonhap.",
            "10 000",
            "une note citée vendredi par l'agence Yonhap",
        ),
        (
            "La Russie a lancé 13 000 drones, selon un décompte établi par l'AFP à partir de données officielles.",
            "13 000",
            "un décompte établi par l'AFP à partir de données officielles",
        ),
        (
            "Le nombre de morts est passé de 24 à 31, selon un décompte de l'AFP fondé sur des sources officielles.",
            "31",
            "un décompte de l'AFP fondé sur des sources officielles",
        ),
    ],
)
def test_a_claimant_keeps_the_complement_of_its_participle(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "covered", "uncovered"),
    [
        (
            "Au moins 8 000 soldats ont été capturés, selon des estimations, et 2 000 sont portés disparus.",
            "Au moins 8 000",
            "2 000",
        ),
        ("Le taux a atteint 3,45 %, selon l'Observatoire, et le chômage reste contenu à 7,4 %.", "3,45 %", "7,4 %"),
        (
            "L'inflation a ralenti à 2,4 %, d'après Eurostat, mais elle reste au-dessus de l'objectif de 2 %.",
            "2,4 %",
            "2 %",
        ),
    ],
)
def test_a_clause_coordinated_after_selon_x_is_not_covered(text: str, covered: str, uncovered: str) -> None:
    assert source(text, covered) is not None
    assert source(text, uncovered) is None


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Un homme a été condamné à 12 ans de prison pour « sabotage ». Selon l'accusation, il a agi seul.",
            "12 ans",
        ),
        (
            "Trente drones ont été « perdus », probablement brouillés.\n\nSelon le gouverneur, 4 civils ont été tués.",
            "Trente",
        ),
        (
            "19 h 30 : Israël a engagé « environ 200 avions ».\n\n17 h 05 : Selon l'Iran, 78 personnes sont mortes.",
            "environ 200",
        ),
    ],
)
def test_a_quoted_word_or_a_quotation_before_another_paragraph_names_no_speaker(text: str, span: str) -> None:
    assert source(text, span) is None


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        ("Pour Séoul, 10 000 soldats nord-coréens sont déjà en Russie.", "10 000", "Séoul"),
        # "pour" inside a clause is no attribution: "un revers pour Kiev, qui …".
        ("La perte de 40 chars est un revers pour Kiev, qui manque de blindés.", "40", None),
        ("Pour la première fois, Kiev affirme que 30 soldats nord-coréens ont été tués.", "30", "Kiev"),
        (
            "Londres a annoncé une enveloppe de 300 millions de livres pour l'artillerie.",
            "300 millions de livres",
            "Londres",
        ),
    ],
)
def test_pour_names_a_claimant_only_before_a_proper_name_and_a_comma(
    text: str, span: str, claimant: str | None
) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Un tribunal a condamné jeudi un enseignant à 13 ans de prison. Le même jour, un habitant a écopé "
            "de 12 ans de réclusion.",
            "12 ans",
            ("2024-11-14", "2024-11-14", "Le même jour"),
        ),
        (
            "Le Hezbollah a lancé dimanche 20 drones. La veille, il avait revendiqué le lancement de 12 drones.",
            "12",
            ("2024-11-16", "2024-11-16", "La veille"),
        ),
        (
            "Le 12 novembre, l'armée a abattu 30 drones. Le lendemain, 14 drones ont été abattus.",
            "14",
            ("2024-11-13", "2024-11-13", "Le lendemain"),
        ),
        (
            "Des pluies se sont abattues mardi sur le Gard.\n\nLe bilan s'est alourdi dans la soirée : 7 personnes ont "
            "été tuées.",
            "7",
            ("2024-11-12", "2024-11-12", "dans la soirée"),
        ),
    ],
)
def test_a_day_named_relative_to_an_earlier_day(text: str, span: str, expected: tuple[str, str, str]) -> None:
    assert when(text, span) == expected


def test_a_day_named_relative_to_no_earlier_day_dates_nothing() -> None:
    assert when("Le nombre de morts est passé à trois dans la soirée.", "trois") is None


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Depuis la fin septembre, 1,2 million de personnes ont fui.",
            "1,2 million",
            ("2024-09-21", "2024-11-17", "Depuis la fin septembre"),
        ),
        (
            "Depuis la mi-octobre, 300 soldats ont été tués.",
            "300",
            ("2024-10-11", "2024-11-17", "Depuis la mi-octobre"),
        ),
        (
            "Depuis le début de l'automne, environ 1 500 soldats sont tués par jour.",
            "environ 1 500",
            ("2024-09-01", "2024-11-17", "Depuis le début de l'automne"),
        ),
        (
            "Depuis le printemps 2022, 40 000 soldats ont été tués.",
            "40 000",
            ("2022-03-01", "2024-11-17", "Depuis le printemps 2022"),
        ),
    ],
)
def test_since_a_part_of_a_month_or_a_season(text: str, span: str, expected: tuple[str, str, str]) -> None:
    assert when(text, span) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Plus de 4 700 Ukrainiens ont été libérés depuis le début de l'invasion russe, en février 2022.",
            "Plus de 4 700",
            ("2022-02-01", "2024-11-17", "depuis le début de l'invasion russe, en février 2022"),
        ),
        (
            "Depuis l'invasion lancée par Vladimir Poutine le 24 février 2022, 12 000 civils ont été tués.",
            "12 000",
            ("2022-02-24", "2024-11-17", "Depuis l'invasion lancée par Vladimir Poutine le 24 février 2022"),
        ),
        (
            "Au moins 500 soldats ont été capturés depuis la chute de la ville en mai 2024.",
            "Au moins 500",
            ("2024-05-01", "2024-11-17", "depuis la chute de la ville en mai 2024"),
        ),
    ],
)
def test_since_an_event_then_its_date(text: str, span: str, expected: tuple[str, str, str]) -> None:
    assert when(text, span) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Près de 400 personnes étaient évacuées chaque jour au début du mois.",
            "Près de 400",
            ("2024-11-01", "2024-11-10", "début du mois"),
        ),
        ("La banque a relevé son taux à 21 % à la mi-mois.", "21 %", ("2024-11-11", "2024-11-20", "mi-mois")),
        (
            "L'inflation devrait refluer à 2,4 % sur l'ensemble de l'année.",
            "2,4 %",
            ("2024-01-01", "2024-12-31", "l'ensemble de l'année"),
        ),
        (
            "Voici les événements de ce jeudi 14 novembre, jour 995 de la guerre, où 40 drones ont été abattus.",
            "40",
            ("2024-11-14", "2024-11-14", "ce jeudi 14 novembre"),
        ),
    ],
)
def test_parts_of_this_month_the_whole_year_and_a_day_after_ce(
    text: str, span: str, expected: tuple[str, str, str]
) -> None:
    assert when(text, span) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Selon l'ONG, plus de 700 personnes sont actuellement détenues pour raisons politiques.",
            "plus de 700",
            ("2024-11-17", "2024-11-17", "actuellement"),
        ),
        (
            "La BCE pourrait baisser ses taux en décembre. Le taux de dépôt s'établit actuellement à 3,25 %.",
            "3,25 %",
            ("2024-11-17", "2024-11-17", "actuellement"),
        ),
        (
            "À l'heure actuelle, quelque 1 300 militaires français sont stationnés en Roumanie.",
            "quelque 1 300",
            ("2024-11-17", "2024-11-17", "À l'heure actuelle"),
        ),
    ],
)
def test_currently_is_the_day_of_publication(text: str, span: str, expected: tuple[str, str, str]) -> None:
    """As "currently", "derzeit" and "actualmente" are: a level as it stands, not the last date named before."""
    assert when(text, span) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Titre\n\n► 96 drones et trois missiles lancés pendant la nuit\n\nL'alerte a duré cinq heures.",
        "► Moscou affirme avoir abattu 40 drones dans la nuit\n\nLe ministère n'a pas donné de détails.",
        "• 12 soldats tués cette semaine\n\nLe bilan reste provisoire.",
    ],
)
def test_a_bullet_headline_dates_nothing(text: str) -> None:
    facts = EXTRACTOR.extract_text(text, lang="fr", published="2024-11-17")
    assert facts and all(f.when is None for f in facts)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Un habitant de Crimée, péninsule annexée par la Russie en 2014, a été condamné à treize ans de prison.",
            "treize ans",
        ),
        ("La loi adoptée en 2023 prévoit jusqu'à cinq ans de prison.", "cinq ans"),
        ("La mission créée en 1978 compte environ 10 000 casques bleus.", "environ 10 000"),
    ],
)
def test_a_date_that_says_what_a_noun_is_dates_no_fact(text: str, span: str) -> None:
    assert when(text, span) is None


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Les 96 drones lancés le 16 novembre ont tous été abattus.",
            "96",
            ("2024-11-16", "2024-11-16", "16 novembre"),
        ),
        (
            "Une attaque a été lancée le 16 novembre et 3 civils ont été tués.",
            "3",
            ("2024-11-16", "2024-11-16", "16 novembre"),
        ),
        ("L'armée en 2023 comptait 200 000 soldats.", "200 000", ("2023-01-01", "2023-12-31", "2023")),
    ],
)
def test_a_participle_after_an_auxiliary_or_a_count_still_dates_its_fact(
    text: str, span: str, expected: tuple[str, str, str]
) -> None:
    assert when(text, span) == expected


def test_an_attack_without_precedent_since_the_start_of_the_war_is_no_date() -> None:
    text = (
        "Le ministère a annoncé avoir abattu 70 drones ce dimanche matin, une attaque inédite par son ampleur "
        "depuis le début du conflit en 2022. Outre ces 34 drones près de la capitale, 7 l'ont été ailleurs."
    )
    assert when(text, "34") == ("2024-11-17", "2024-11-17", "ce dimanche matin")


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        (
            "Tony Radakin a déclaré que le bilan était lourd. « La Russie approche 700 000 tués », a-t-il ajouté.",
            "700 000",
            "Tony Radakin",
        ),
        (
            "La ministre a indiqué mardi que l'aide continuait. « Nous livrerons 40 chars », a-t-elle précisé.",
            "40",
            "La ministre",
        ),
        (
            "Les gouverneurs ont affirmé que la nuit fut calme. « Seuls 3 drones sont passés », ont-ils assuré.",
            "3",
            "Les gouverneurs",
        ),
    ],
)
def test_an_inverted_pronoun_after_a_quotation_is_the_speaker_named_before(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        (
            "Le ministère russe de la Défense a pour sa part affirmé avoir intercepté 28 drones.",
            "28",
            "Le ministère russe de la Défense",
        ),
        ("L'armée ukrainienne a de son côté indiqué avoir abattu 31 drones.", "31", "L'armée ukrainienne"),
        ("Kiev a quant à lui affirmé avoir abattu 17 drones russes.", "17", "Kiev"),
        ("Le ministère a par ailleurs fait état de 12 drones abattus.", "12", "Le ministère"),
    ],
)
def test_a_locution_between_auxiliary_and_participle(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        (
            "Quatre personnes ont été tuées, a précisé dimanche soir sur Telegram le gouverneur régional.",
            "Quatre",
            "le gouverneur régional",
        ),
        (
            "Onze drones ont été abattus, a indiqué dans un communiqué l'armée de l'air.",
            "Onze",
            "l'armée de l'air",
        ),
        ("Trois civils ont été blessés, a déclaré à l'AFP le maire de la ville.", "Trois", "le maire de la ville"),
    ],
)
def test_an_inverted_claimant_after_the_channel_of_the_statement(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        ("Moscou, de son côté, affirme avoir détruit 110 drones ukrainiens en une nuit.", "110", "Moscou"),
        ("L'armée russe, pour sa part, a indiqué avoir abattu 40 drones.", "40", "L'armée russe"),
        ("Kiev, quant à elle, affirme avoir abattu 52 drones.", "52", "Kiev"),
    ],
)
def test_an_aside_between_the_claimant_and_its_verb_is_skipped(text: str, span: str, claimant: str) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        (
            "La semaine dernière, l'état-major ukrainien a chiffré les pertes russes à 1 310 soldats en une journée.",
            "1 310",
            "l'état-major ukrainien",
        ),
        ("L'ONU a évalué à quelque 12 600 le nombre de civils tués.", "quelque 12 600", "L'ONU"),
        (
            "« Nous avons perdu plus de 400 hommes », a confié à l'AFP un commandant de bataillon sous couvert "
            "d'anonymat.",
            "plus de 400",
            "un commandant de bataillon",
        ),
    ],
)
def test_a_figure_put_at_a_number_names_who_put_it(text: str, span: str, claimant: str) -> None:
    """ "a chiffré … à", "a évalué à" attribute like "a affirmé"; "sous couvert d'anonymat" is how, not who."""
    assert source(text, span) == claimant


def test_a_pluperfect_inverted_verb_and_the_day_before_lead_to_the_claimant() -> None:
    text = "Sur les 88 drones, 60 ont été abattus, avait indiqué la veille le même commandement."
    assert source(text, "60") == "le même commandement"


@pytest.mark.parametrize(
    ("text", "span", "claimant"),
    [
        ("L'ONU a recensé plus de 12 000 civils tués.", "plus de 12 000", "L'ONU"),
        ("Au Sahel, l'ONG Acled a dénombré 480 civils tués en septembre.", "480", "l'ONG Acled"),
        ("L'ONG rappelle que 45 journalistes ont été tués.", "45", "L'ONG"),
        # Calling up reservists is no claim.
        ("Israël a de son côté rappelé 15 000 réservistes.", "15 000", None),
    ],
)
def test_counting_and_recalling_verbs_name_the_claimant(text: str, span: str, claimant: str | None) -> None:
    assert source(text, span) == claimant


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("L'inflation atteindra 13 % au premier trimestre.", "13 %"),
        ("Les économistes tablent sur une croissance de 0,8 % au premier trimestre.", "0,8 %"),
        ("La banque prévoit une inflation de 3 % au premier trimestre.", "3 %"),
    ],
)
def test_a_future_tense_or_a_forecast_verb_puts_a_quarter_ahead(text: str, span: str) -> None:
    """Published in November, the first quarter ahead is next year's."""
    assert when(text, span) == ("2025-01-01", "2025-03-31", "premier trimestre")


def test_a_relative_clause_runs_past_a_decimal_comma() -> None:
    """ "dont 1,5 milliard … d'ici à 2028" dates its own part, not the whole sum before it."""
    text = "La Suisse a promis 5 milliards de francs à l'Ukraine, dont 1,5 milliard de francs d'ici à 2028."
    assert when(text, "5 milliards de francs") is None
    assert when(text, "1,5 milliard de francs") == ("2024-11-17", "2028-12-31", "d'ici à 2028")


@pytest.mark.parametrize(
    "text",
    [
        "« Nous avons abattu 73 drones », a déclaré à la télévision le porte-parole de l'armée de l'air.",
        "« Nous avons abattu 73 drones », a déclaré à la radio publique le porte-parole de l'armée de l'air.",
    ],
)
def test_a_claimant_after_the_medium_spoken_to(text: str) -> None:
    assert source(text, "73") == "le porte-parole de l'armée de l'air"
