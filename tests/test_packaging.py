"""The wheel a user installs works on its own: rule files packaged, entry point wired, dependencies declared."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from schemas import FACT_ADAPTER

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOT_SHIPPED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "golden", "examples"
)


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.slow
def test_the_installed_wheel_extracts_the_examples(tmp_path: Path) -> None:
    if not EXAMPLES.is_dir() or not any(EXAMPLES.rglob("*.txt")):
        pytest.skip(f"no .txt articles in {EXAMPLES}")
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SHIPPED)
    built = run(sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "dist", source, cwd=tmp_path)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("newsfacts-*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    installed = run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr[-3000:]

    # Run from tmp_path, so that nothing is imported from the source tree.
    version = run(venv / "bin" / "newsfacts", "--version", cwd=tmp_path)
    assert version.stdout.startswith("newsfacts ")
    extracted = run(venv / "bin" / "newsfacts", "extract", EXAMPLES, cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr[-3000:]
    lines = extracted.stdout.splitlines()
    for line in lines:
        FACT_ADAPTER.validate_json(line)
    assert "documents read" in extracted.stderr
    # The report's page template, style and script are package data.
    page = tmp_path / "report.html"
    reported = run(venv / "bin" / "newsfacts", "report", EXAMPLES, "-o", page, cwd=tmp_path)
    assert reported.returncode == 0, reported.stderr[-3000:]
    assert "newsfacts-data" in page.read_text(encoding="utf-8")
