"""Output is never lost: a run killed mid-way leaves a complete prefix, and --resume finishes it exactly."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.cli import main
from extract.resume import journal_path, part_path
from schemas import FACT_ADAPTER

GOLDEN = Path(__file__).parents[2] / "golden" / "en"
Capture = pytest.CaptureFixture[str]
DOCUMENTS = 30


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough documents for a run to be cut in the middle; every fifth one without facts."""
    folder = tmp_path_factory.mktemp("corpus")
    sources = sorted(GOLDEN.glob("*.txt"))
    for number in range(DOCUMENTS):
        text = "Nothing to count here.\n" if number % 5 == 0 else sources[number % len(sources)].read_text()
        (folder / f"doc{number:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def newsfacts(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "extract", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    output = tmp_path_factory.mktemp("reference") / "facts.jsonl"
    assert main(["extract", str(corpus), "--lang", "en", "-o", str(output)]) == 0
    return output.read_bytes()


def finished_documents(output: Path) -> int:
    journal = journal_path(output)
    return journal.read_bytes().count(b"\n") if journal.exists() else 0


def interrupt(corpus: Path, output: Path, sig: signal.Signals) -> int:
    """Start a run, let it finish a few documents, then send `sig`; the run's exit status."""
    run = newsfacts("extract", str(corpus), "--lang", "en", "-o", str(output))
    deadline = time.monotonic() + 60
    while finished_documents(output) < 5 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be interrupted"
    run.send_signal(sig)
    run.wait(timeout=60)
    return run.returncode


def assert_valid_prefix(data: bytes, reference: bytes) -> None:
    assert reference.startswith(data) and (not data or data.endswith(b"\n"))
    for line in data.splitlines():
        FACT_ADAPTER.validate_json(line)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_run_leaves_a_prefix_that_resume_completes(
    corpus: Path, reference: bytes, tmp_path: Path, sig: signal.Signals, capsys: Capture
) -> None:
    output = tmp_path / "facts.jsonl"
    status = interrupt(corpus, output, sig)
    if sig == signal.SIGKILL:
        assert status == -signal.SIGKILL and not output.exists()  # the previous output (none) is untouched
        assert_valid_prefix(part_path(output).read_bytes()[: _journal_end(output)], reference)
    else:
        assert status == 130 and not part_path(output).exists()
        assert_valid_prefix(output.read_bytes(), reference)
    done = finished_documents(output)
    assert 5 <= done < DOCUMENTS
    assert main(["extract", str(corpus), "--lang", "en", "-o", str(output), "--resume"]) == 0
    assert f"({done} done before, not read again)" in capsys.readouterr().err
    assert output.read_bytes() == reference
    assert not part_path(output).exists() and not journal_path(output).exists()


def _journal_end(output: Path) -> int:
    lines = journal_path(output).read_bytes().splitlines()
    return int(lines[-1].split(b'"end": ')[1].rstrip(b"}")) if lines else 0


def test_a_document_cut_in_the_middle_of_its_write_is_done_again(
    corpus: Path, reference: bytes, tmp_path: Path
) -> None:
    output = tmp_path / "facts.jsonl"
    status = interrupt(corpus, output, signal.SIGKILL)
    assert status == -signal.SIGKILL
    with part_path(output).open("ab") as part:
        part.write(b'{"kind": "drones", "quantity": {"val')  # half a line after the last finished document
    with journal_path(output).open("ab") as journal:
        journal.write(b'{"path": "cut')  # and half a journal line
    assert main(["extract", str(corpus), "--lang", "en", "-o", str(output), "--resume"]) == 0
    assert output.read_bytes() == reference


def test_resume_after_a_finished_run_reads_only_new_documents(
    corpus: Path, reference: bytes, tmp_path: Path, capsys: Capture
) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder, ignore=shutil.ignore_patterns("doc2*"))
    output = tmp_path / "facts.jsonl"
    assert main(["extract", str(folder), "--lang", "en", "-o", str(output)]) == 0
    with_facts = {json.loads(line)["doc"]["path"] for line in output.read_text().split("\n")[:-1]}
    shutil.copytree(corpus, folder, dirs_exist_ok=True)
    capsys.readouterr()
    assert main(["extract", str(folder), "--lang", "en", "-o", str(output), "--resume"]) == 0
    # Without a journal, the documents a finished output names are done; those without facts are read again.
    assert f"{DOCUMENTS - len(with_facts)} documents read ({len(with_facts)} done before" in capsys.readouterr().err
    lines = output.read_bytes().splitlines(keepends=True)
    expected = reference.replace(str(corpus).encode(), str(folder).encode()).splitlines(keepends=True)
    assert sorted(lines) == sorted(expected)


def test_csv_output_resumes_without_a_second_header(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "facts.csv"
    whole = tmp_path / "whole.csv"
    assert main(["extract", str(corpus), "--lang", "en", "--format", "csv", "-o", str(whole)]) == 0
    status = interrupt_csv(corpus, output)
    assert status == 130
    assert main(["extract", str(corpus), "--lang", "en", "--format", "csv", "-o", str(output), "--resume"]) == 0
    assert output.read_bytes() == whole.read_bytes()


def interrupt_csv(corpus: Path, output: Path) -> int:
    run = newsfacts("extract", str(corpus), "--lang", "en", "--format", "csv", "-o", str(output))
    deadline = time.monotonic() + 60
    while finished_documents(output) < 5 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGTERM)
    run.wait(timeout=60)
    return run.returncode


def test_an_interrupted_run_in_process_keeps_the_finished_documents(
    corpus: Path, reference: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract import engine

    calls = 0
    real = engine.Extractor._extract_read

    def crash_at_the_tenth(self: engine.Extractor, *args: object) -> engine.DocumentResult:
        nonlocal calls
        calls += 1
        if calls == 10:
            raise KeyboardInterrupt
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine.Extractor, "_extract_read", crash_at_the_tenth)
    output = tmp_path / "facts.jsonl"
    output.write_text("the previous output\n")
    assert main(["extract", str(corpus), "--lang", "en", "-o", str(output)]) == 130
    assert_valid_prefix(output.read_bytes(), reference)
    assert finished_documents(output) == 9


def test_resume_needs_an_output_file(corpus: Path, capsys: Capture) -> None:
    assert main(["extract", str(corpus), "--resume"]) == 2
    assert capsys.readouterr().err == "newsfacts: error: --resume needs an output file (-o FILE)\n"


def test_a_new_run_over_an_interrupted_one_says_so(corpus: Path, tmp_path: Path, capsys: Capture) -> None:
    output = tmp_path / "facts.jsonl"
    journal_path(output).write_text("")
    assert main(["extract", str(corpus / "doc01.txt"), "-o", str(output)]) == 0
    assert "warning: starting over" in capsys.readouterr().err and not journal_path(output).exists()


def test_a_failure_before_the_first_document_keeps_the_previous_output(tmp_path: Path) -> None:
    output = tmp_path / "facts.jsonl"
    output.write_text("previous\n")
    os.mkdir(part_path(output))  # the part file cannot be created
    assert main(["extract", str(tmp_path), "-o", str(output)]) == 2
    assert output.read_text() == "previous\n"


def test_resume_with_workers_completes_a_killed_run(
    corpus: Path, reference: bytes, tmp_path: Path, capsys: Capture
) -> None:
    output = tmp_path / "facts.jsonl"
    interrupt(corpus, output, signal.SIGTERM)
    done = finished_documents(output)
    assert main(["extract", str(corpus), "--lang", "en", "-o", str(output), "--resume", "--jobs", "2"]) == 0
    assert f"({done} done before, not read again)" in capsys.readouterr().err
    assert output.read_bytes() == reference


def test_the_output_does_not_depend_on_the_number_of_workers(corpus: Path, reference: bytes, tmp_path: Path) -> None:
    output = tmp_path / "facts.jsonl"
    assert main(["extract", str(corpus), "--lang", "en", "-o", str(output), "--jobs", "2"]) == 0
    assert output.read_bytes() == reference


def test_a_signal_only_asks_the_run_to_stop_after_the_document_in_hand() -> None:
    """Raised from the handler, a KeyboardInterrupt could land in a __del__ and be swallowed (seen with regex's)."""
    from extract.cli import _interruptible, _until
    from extract.engine import DocumentResult

    results = [DocumentResult(path="a.txt"), DocumentResult(path="b.txt")]
    with _interruptible() as stop_requested:
        os.kill(os.getpid(), signal.SIGTERM)
        assert stop_requested.is_set()
        seen = []
        with pytest.raises(KeyboardInterrupt):
            for result in _until(stop_requested, results):
                seen.append(result.path)
    assert seen == ["a.txt"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
