"""The library API end to end, on text, files, folders and the real seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor, OptionError

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXTRACTOR = Extractor()


def seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def summary(path: Path) -> set[tuple[str, str, str]]:
    result = EXTRACTOR.extract_file(path)
    assert result.error is None
    return {
        (f.kind, f.span.text, ",".join(f"{k}={v}" for k, v in f.attributes.model_dump(mode="json").items()))
        for f in result.facts
    }


def test_extract_text_returns_validated_facts_with_provenance() -> None:
    text = "Air defences shot down 62 of the 145 drones launched overnight."
    facts = EXTRACTOR.extract_text(text, lang="en", published="2024-11-10", path="wire.txt")
    assert [(f.kind, f.span.text, f.attributes.status) for f in facts] == [  # type: ignore[union-attr]
        ("drones", "62", "destroyed"),
        ("drones", "145", "launched"),
    ]
    for fact in facts:
        assert text[fact.span.start : fact.span.end] == fact.span.text
        assert text[fact.sentence.start : fact.sentence.end] == fact.sentence.text
        assert fact.doc.path == "wire.txt" and fact.doc.lang == "en" and str(fact.doc.published) == "2024-11-10"
        assert fact.rule == "en.drones.part_of_total" and fact.extractor == "newsfacts 0.1.0"


def test_language_is_detected_when_not_given() -> None:
    (fact,) = EXTRACTOR.extract_text("La Russie a lancé 145 drones russes sur l’Ukraine cette nuit.")
    assert fact.doc.lang == "fr" and fact.rule.startswith("fr.")


def test_unknown_language_and_bad_date_are_option_errors() -> None:
    with pytest.raises(OptionError, match="unknown language"):
        EXTRACTOR.extract_text("text", lang="xx")
    with pytest.raises(OptionError, match="not an ISO date"):
        EXTRACTOR.extract_text("text", lang="en", published="last Tuesday")


def test_extract_dir_is_lazy_and_reports_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Russia launched 96 drones overnight.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Ukraine shot down 12 missiles.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    results = EXTRACTOR.extract_dir(tmp_path)
    assert not isinstance(results, list)
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["empty.txt"].error is not None and "empty" in by_name["empty.txt"].error
    assert [f.span.text for f in by_name["a.txt"].facts] == ["96"]
    assert [f.kind for f in by_name["b.md"].facts] == ["missiles"]


def test_seed_000_english_war_report() -> None:
    facts = summary(seed("000"))
    assert ("troops", "about 11,000", "country=KP") in facts
    assert ("interest_rate", "21%", "direction=None") in facts
    assert ("equipment", "two", "item=vehicles") in facts
    assert ("duration", "nearly a quarter of a century", "") in facts


def test_seed_002_live_blog() -> None:
    facts = summary(seed("002"))
    assert ("casualties", "deux", "outcome=wounded,group=unspecified") in facts
    assert ("drones", "plus de trente", "status=destroyed,region=None") in facts
    assert (
        "prison_sentence",
        "treize ans",
        "in_absentia=False,charge=espionnage au profit de l’Ukraine et trahison",
    ) in facts
    assert not any(kind == "duration" and span == "30" for kind, span, _ in facts)


def test_seed_003_drone_counts_and_casualty_rate() -> None:
    result = EXTRACTOR.extract_file(seed("003"))
    drones = [(f.span.text, f.attributes.model_dump()) for f in result.facts if f.kind == "drones"]
    assert ("62", {"status": "destroyed", "region": None}) in drones
    assert [s for s, a in drones if a["status"] == "launched"] == ["145", "145", "145"]
    regions = {a["region"]: s for s, a in drones if a["region"]}
    assert regions == {"Kalouga": "7", "Toula": "2", "Briansk": "14", "Oriol": "7", "Koursk": "6"}
    assert ("soixante-dix", {"status": "destroyed", "region": None}) in drones
    (rate,) = [f for f in result.facts if f.span.text == "environ 1 500"]
    assert rate.kind == "casualties" and rate.quantity.unit == "1 / day" and rate.quantity.modifier == "approx"
    assert rate.attributes.model_dump() == {"outcome": "killed_or_wounded", "group": "military"}
    assert any(f.span.text == "700 000" and f.kind == "casualties" for f in result.facts)
    assert not any(f.span.text in ("9 h 30", "13", "24 octobre 2024") for f in result.facts)


def test_seed_004_troops_and_in_absentia_sentence() -> None:
    facts = summary(seed("004"))
    assert ("troops", "plus de 10'000", "country=KP") in facts
    troops = [f for f in EXTRACTOR.extract_file(seed("004")).facts if f.kind == "troops" and f.span.text == "milliers"]
    assert [(f.quantity.low, f.quantity.modifier, f.attributes.model_dump()) for f in troops] == [
        (1000, "vague", {"country": "KP"})
    ] * 3
    assert (
        "prison_sentence",
        "quatorze ans",
        "in_absentia=True,charge=« collaboration » avec la Russie",
    ) in facts
