"""Text crafted to be slow: every document ends within its time budget, and says so when it hit it."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
import regex

from extract import Extractor
from extract.budget import BudgetExceeded, check, document_budget, remaining
from extract.cli import main

BUDGET = 0.5
EXTRACTOR = Extractor(time_budget=BUDGET)
# The one-time set-up of each language, so that timings below are the text's own. Without a budget: on a loaded
# machine a first call may take longer than the budget, and that is no finding about crafted text.
for _lang in EXTRACTOR.langs:
    Extractor(time_budget=None).extract_text("Russia launched 40 drones on 12 May 2024, officials said.", lang=_lang)

T = TypeVar("T")
# The budget is a SIGALRM timer in the main thread, regex timeouts in any other: both must hold.
WAYS = ["timer", "timeouts"]


def run(way: str, action: Callable[[], T]) -> T:
    if way == "timer":
        return action()
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(action).result()


PATHOLOGICAL = {
    "50,000 digits": "7" * 50_000,
    "'1 ' 100,000 times": "1 " * 100_000,
    "'1,1,1,…'": ",".join(["1"] * 100_000),
    "'1.1.1.…'": ".".join(["1"] * 100_000),
    "'1 000 000 000 …'": "1 " + "000 " * 100_000,
    "no-break groups": "1\u00a0000\u202f" * 50_000,
    "nested qualifiers": "about more than nearly up to some " * 20_000 + "5 drones",
    "nested qualifiers (fr)": "environ plus de près de jusqu'à " * 20_000 + "5 drones",
    "number words": "one thousand two hundred " * 30_000,
    "parentheses": "(" * 100_000 + "5 drones" + ")" * 100_000,
    "1 MB without a sentence end": ("the drones were launched and about 5 were shot down " * 20_000)[: 10**6],
}


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_finishes_in_under_2_s(name: str, way: str) -> None:
    text = PATHOLOGICAL[name]
    started = time.monotonic()
    try:
        lang = "fr" if "(fr)" in name else "en"
        facts = run(way, lambda: EXTRACTOR.extract_text(text, lang=lang, path="crafted.txt"))
    except BudgetExceeded as error:
        assert str(error).startswith(f"crafted.txt: extraction stopped over its time budget of {BUDGET:g} s")
    else:
        assert all(text[f.span.start : f.span.end] == f.span.text for f in facts)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_every_language_keeps_to_the_budget(lang: str) -> None:
    for text in (PATHOLOGICAL["50,000 digits"], PATHOLOGICAL["'1,1,1,…'"]):
        started = time.monotonic()
        try:
            facts = EXTRACTOR.extract_text(text, lang=lang)
        except BudgetExceeded:
            pass
        else:  # fast enough now to finish: then its facts must be sound
            assert all(text[f.span.start : f.span.end] == f.span.text for f in facts)
        assert time.monotonic() - started < 2


def test_a_document_over_budget_is_skipped_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a_crafted.txt").write_text(PATHOLOGICAL["'1 ' 100,000 times"], encoding="utf-8")
    (tmp_path / "b_good.txt").write_text("Russia launched 40 drones overnight.", encoding="utf-8")
    assert main(["extract", str(tmp_path), "--lang", "en", "--time-budget", "0.5"]) == 0
    captured = capsys.readouterr()
    assert '"text": "40"' in captured.out
    line = f"newsfacts: error: {tmp_path / 'a_crafted.txt'}: extraction stopped over its time budget of 0.5 s"
    assert line in captured.err and "1 document read, 1 skipped" in captured.err


@pytest.mark.parametrize("way", WAYS)
def test_a_backtracking_rule_pattern_is_stopped_inside_the_regex_engine(way: str) -> None:
    catastrophic = regex.compile(r"(?:a|aa)+$")

    def backtrack() -> None:
        with document_budget(0.2):
            catastrophic.search("a" * 40 + "!", timeout=remaining())

    started = time.monotonic()
    with pytest.raises(BudgetExceeded, match=r"over its time budget of 0\.2 s"):
        run(way, backtrack)
    assert time.monotonic() - started < 1
    assert remaining() is None  # outside a budget, nothing is limited


def test_an_alarm_that_library_code_swallows_rings_again_at_the_next_checkpoint() -> None:
    catastrophic = regex.compile(r"(?:a|aa)+$")

    def parse_like_dateparser() -> None:
        with contextlib.suppress(Exception):  # dateparser catches every Exception while it parses
            catastrophic.search("a" * 40 + "!")

    started = time.monotonic()
    with pytest.raises(BudgetExceeded, match=r"over its time budget of 0\.2 s"), document_budget(0.2):
        parse_like_dateparser()
        check()
    assert time.monotonic() - started < 1


def test_the_timer_is_given_back_after_each_document() -> None:
    for text in ("Russia launched 40 drones.", PATHOLOGICAL["'1 ' 100,000 times"]):
        with contextlib.suppress(BudgetExceeded):
            Extractor(time_budget=0.3).extract_text(text, lang="en")
        assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_program_with_its_own_alarm_keeps_it() -> None:
    """The budget falls back to regex timeouts and leaves the program's handler and timer alone."""
    rang: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda number, frame: rang.append(number))
    try:
        signal.setitimer(signal.ITIMER_REAL, 5)
        with pytest.raises(BudgetExceeded):
            Extractor(time_budget=0.3).extract_text(PATHOLOGICAL["'1 ' 100,000 times"], lang="en")
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 5 and not rang
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_no_budget_means_no_limit() -> None:
    assert Extractor(time_budget=0).extract_text("Russia launched 40 drones.", lang="en")
