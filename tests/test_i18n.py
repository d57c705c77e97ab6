"""The Dutch catalogue: complete, compiled, found at run time, and argparse speaks it too."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from pipeline import i18n

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "pipeline" / "locale"
PO = LOCALE / "nl" / "LC_MESSAGES" / "kwru.po"
MO = LOCALE / "nl" / "LC_MESSAGES" / "kwru.mo"
# The keywords `make messages` gives pybabel extract.
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None, "Nn_": (1, 2)}


def _catalog():
    with PO.open("rb") as f:
        return read_po(f, locale="nl")


def _extracted(path: Path) -> set[str]:
    """The msgids (singulars) Babel finds in one Python file with our keywords."""
    found = set()
    for _lineno, message, _comments, _context in extract_from_file("python", str(path), keywords=KEYWORDS):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _kwru(*args: str, lang: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("KWRU_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"  # what CI has: the default language, Dutch
    if lang:
        env["KWRU_LANG"] = lang
    return subprocess.run([sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main())",
                           *args], capture_output=True, text=True, cwd=REPO, env=env, timeout=120)


def test_every_extracted_text_has_a_dutch_translation():
    catalog = _catalog()
    missing = []
    for path in sorted((REPO / "pipeline").rglob("*.py")):
        for msgid in _extracted(path):
            entry = catalog.get(msgid)
            strings = entry.string if entry is not None else ""
            empty = not all(strings) if isinstance(strings, tuple) else not strings
            if entry is None or empty or entry.fuzzy:
                missing.append(f"{path.relative_to(REPO)}: {msgid!r}")
    assert not missing, "untranslated (run `make messages`, then translate in kwru.po):\n" + "\n".join(missing)


def test_compiled_catalogue_matches_the_po():
    with MO.open("rb") as f:
        compiled = read_mo(f)
    po = _catalog()
    def table(catalog):
        return {m.id if isinstance(m.id, str) else m.id[0]: m.string if isinstance(m.string, str) else tuple(m.string)
                for m in catalog if m.id and not m.fuzzy}

    want, got = table(po), table(compiled)
    assert got == want, "kwru.mo is out of date: run `make messages`"


def test_every_argparse_text_is_in_the_catalogue():
    """The argparse of the running Python has no text we do not translate (new Python versions)."""
    ours = set(i18n.ARGPARSE_TEXTS) | {pair[0] for pair in i18n.ARGPARSE_TEXTS if isinstance(pair, tuple)}
    theirs = _extracted(Path(argparse.__file__))
    assert theirs <= ours, sorted(theirs - ours)


@pytest.mark.parametrize("env, expect", [
    ({"KWRU_LANG": "en"}, "en"), ({"KWRU_LANG": "nl"}, "nl"), ({"LANG": "C.UTF-8"}, "nl"), ({"LANG": "C"}, "nl"),
    ({"LANG": "en_GB.UTF-8"}, "en"), ({"LANG": "nl_NL.UTF-8"}, "nl"), ({"LANG": "de_DE.UTF-8"}, "nl"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"), ({}, "nl"),
])
def test_language_follows_kwru_lang_then_the_locale(monkeypatch, env, expect):
    for var in ("KWRU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert i18n.language() == expect


def test_translations_are_found_at_run_time(monkeypatch):
    monkeypatch.setenv("KWRU_LANG", "nl")
    assert i18n._("positional arguments") == "positionele argumenten"
    assert i18n.ngettext("expected %s argument", "expected %s arguments", 2) == "%s argumenten verwacht"
    monkeypatch.setenv("KWRU_LANG", "en")
    assert i18n._("positional arguments") == "positional arguments"


def test_help_is_dutch_by_default_and_english_with_kwru_lang_en():
    nl = _kwru("--help", lang=None)
    assert nl.returncode == 0, nl.stderr
    assert nl.stdout.startswith("gebruik: kwru") and "toon dit hulpbericht en stop" in nl.stdout
    assert "werkmap" in nl.stdout and "usage:" not in nl.stdout and "show this help" not in nl.stdout
    en = _kwru("--help", lang="en")
    assert en.stdout.startswith("usage: kwru") and "show this help message and exit" in en.stdout
    assert "workspace folder" in en.stdout

    nl = _kwru("bundle", "--help", lang=None)
    assert nl.returncode == 0, nl.stderr
    assert "gebruik: kwru bundle" in nl.stdout and "opties:" in nl.stdout and "zittingsdag" in nl.stdout
    assert "options:" not in nl.stdout and "hearing day" not in nl.stdout
    en = _kwru("bundle", "--help", lang="en")
    assert "usage: kwru bundle" in en.stdout and "options:" in en.stdout and "hearing day" in en.stdout


def test_argparse_errors_are_dutch_one_line_with_exit_code_2():
    r = _kwru("letters", lang=None)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "de volgende argumenten zijn verplicht: KIND" in r.stderr
    r = _kwru("--bogus", "cases", lang=None)
    assert r.returncode == 2 and "onbekende argumenten: --bogus" in r.stderr
    r = _kwru("--bogus", "cases", lang="en")
    assert r.returncode == 2 and "unrecognized arguments: --bogus" in r.stderr


def test_an_unexpected_error_is_one_line_with_the_details_in_the_log(tmp_path, capsys, monkeypatch):
    """A bug in a command (here one that divides by zero) reaches the user as one line."""
    from pipeline import cli

    monkeypatch.setenv("KWRU_LANG", "nl")
    monkeypatch.delenv("KWRU_DEBUG", raising=False)
    (tmp_path / ".kwru").mkdir()

    def buggy(args, ws):
        return 1 // 0

    args = argparse.Namespace(command="demo", func=buggy, no_workspace=True, root=str(tmp_path), verbose=False)
    assert cli.run_command(args) == cli.ExitCode.unexpected == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kwru: onverwachte fout (ZeroDivisionError")
    assert "Traceback" not in err and str(tmp_path / ".kwru" / cli.ERROR_LOG) in err
    log = (tmp_path / ".kwru" / cli.ERROR_LOG).read_text()
    assert "Traceback" in log and "1 // 0" in log
    args.verbose = True
    assert cli.run_command(args) == 70
    assert "Traceback" in capsys.readouterr().err
