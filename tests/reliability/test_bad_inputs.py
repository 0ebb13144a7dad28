"""Whatever a scraper leaves on disk is read, or skipped with one line naming the file; the batch goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract import Extractor
from extract.cli import main
from extract.readers import ReadError, parse_size, read_document

TEXT = "La Russie a lancé 40 drones sur Kharkiv à l’aube, dont 25 ont été abattus.\n"
LATIN = "La Russie a lancé 40 drones sur Kharkiv, dont 25 ont été abattus.\n"
EXTRACTOR = Extractor()

Capture = pytest.CaptureFixture[str]


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_a_byte_order_mark_decides_silently(tmp_path: Path, encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding.endswith(("-le", "-be")):  # these codecs write no mark: put the one Python writes for the order
        data = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
                "utf-32-be": b"\x00\x00\xfe\xff"}[encoding] + data
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.text == TEXT and document.warnings == []
    facts = EXTRACTOR.extract_file(path, lang="fr").facts
    assert {fact.span.text for fact in facts} >= {"40", "25"}
    assert all(document.text[f.span.start : f.span.end] == f.span.text for f in facts)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_legacy_code_page_is_detected_with_a_warning(tmp_path: Path, encoding: str, capsys: Capture) -> None:
    path = tmp_path / f"{encoding}.txt"
    text = LATIN + ("Les “drones” – un euro: €.\n" if encoding == "cp1252" else "")
    path.write_bytes(text.encode(encoding))
    document = read_document(path)
    assert document.text == text
    (warning,) = document.warnings
    assert warning.startswith(f"{path}: not valid UTF-8") and "read as cp1252" in warning
    assert main(["text", str(path)]) == 0  # the text the offsets index into
    assert capsys.readouterr().out == text


def test_a_cyrillic_code_page_is_read_as_detected(tmp_path: Path) -> None:
    text = "Россия запустила 40 беспилотников по Украине этой ночью, сообщили военные. " * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    document = read_document(path)
    assert document.text == text and "read as cp1251" in document.warnings[0]


def test_invalid_utf8_in_a_utf8_text_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(TEXT.encode("utf-8").replace("é".encode(), b"\xe9", 1))
    document = read_document(path)
    assert "40 drones" in document.text and document.warnings[0].startswith(f"{path}: not valid UTF-8 (byte ")


def test_a_few_nul_bytes_are_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Russia launched 40 drones.\x00\x00\nAir defences shot down 25.\n")
    document = read_document(path)
    assert document.text.count("\x00") == 2 and "2 NUL characters" in document.warnings[0]
    assert {f.span.text for f in EXTRACTOR.extract_file(path, lang="en").facts} >= {"40"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b" \n\t \r\n", "empty file (only whitespace)"),
        (" \n".encode("utf-16"), "empty file (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary file"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200 + bytes(range(32)) * 8, "binary file"),
        (b"\xff\xfe" + b"a\x00\x00\xd8", "not valid utf-16 after its byte order mark"),
    ],
)
def test_what_is_not_text_is_a_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_gigabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as file:
        file.truncate(1_000_000_000)  # sparse: takes no disk
    result = EXTRACTOR.extract_file(path)
    assert result.error == f"{path}: 1.0 GB, over the size limit of 100.0 MB (--max-size)"


def test_the_size_limit_is_an_option(tmp_path: Path, capsys: Capture) -> None:
    (tmp_path / "big.txt").write_text("Russia launched 40 drones. " * 1000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Russia launched 40 drones.", encoding="utf-8")
    assert main(["extract", str(tmp_path), "--max-size", "10KB"]) == 0
    err = capsys.readouterr().err
    assert f"error: {tmp_path / 'big.txt'}: 27.0 KB, over the size limit of 10.0 KB (--max-size)" in err
    assert "1 document read, 1 skipped" in err
    assert parse_size("100MB") == parse_size("100 mb") == 100_000_000
    assert parse_size("2GiB") == 2 * 1024**3 and parse_size("0") == 0 and parse_size("1.5k") == 1500


def test_a_single_line_of_10_mb_is_read_and_bounded_in_time(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text(("Russia launched 40 drones at Kyiv and 12 were shot down, officials said, " * 140_000)[:10**7])
    assert len(read_document(path).text) == 10**7
    result = Extractor(time_budget=1).extract_file(path, lang="en")
    assert result.error is None or "time budget of 1 s" in result.error


def test_symlink_loops_and_broken_links_are_reported_and_skipped(tmp_path: Path, capsys: Capture) -> None:
    (tmp_path / "good.txt").write_text("Russia launched 40 drones.", encoding="utf-8")
    (tmp_path / "self.txt").symlink_to("self.txt")
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "up").symlink_to(tmp_path)  # a folder loop: not followed
    assert main(["extract", str(tmp_path), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    for name in ("self.txt", "a.txt", "b.txt"):
        assert f"error: {tmp_path / name}: symlink loop" in err
    assert f"error: {tmp_path / 'gone.txt'}: broken symlink" in err
    assert "1 document read, 4 skipped" in err and "Traceback" not in err


def test_an_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    (tmp_path / "good.txt").write_text("Russia launched 40 drones.", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("Russia launched 50 drones.", encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: make the file unreadable the way the OS would
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self == locked:
                raise PermissionError(13, "Permission denied")
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert main(["extract", str(tmp_path), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert f"error: {locked}: cannot read: Permission denied" in err and "1 document read, 1 skipped" in err


def test_paths_with_spaces_and_non_ascii_names(tmp_path: Path, capsys: Capture) -> None:
    folder = tmp_path / "dossier à lire" / "Київ 2024"
    folder.mkdir(parents=True)
    path = folder / "frappe de drones ü.txt"
    path.write_text("Russia launched 40 drones overnight.", encoding="utf-8")
    assert main(["extract", str(tmp_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f'"path": "{path}"' in out
    assert main(["text", str(path)]) == 0 and capsys.readouterr().out == "Russia launched 40 drones overnight."
