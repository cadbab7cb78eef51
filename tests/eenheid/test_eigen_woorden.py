"""Copy check: the Dutch texts in data/ and the notebooks are our own words, not sentences from the sources.

Every text unit (a YAML string, a Markdown paragraph or list item, a notebook markdown paragraph) is
compared with the research notes in ``../shared/reference/*.md``. A shared run of eight consecutive words
fails the test. Case, accents and punctuation do not count. Titles of knooppunten and anything between
quotes (names of knooppunten, documents, reports) are exempt, because a title must be quoted exactly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).parents[2]
REFERENTIE = REPO / ".." / "shared" / "reference"
RUN = 8

_WOORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CITAAT = re.compile(r"(?<![^\W_])'[^'\n]+?'(?![^\W_])|\"[^\"\n]+?\"|“[^”\n]+?”|‘[^’\n]+?’")
_KOP = re.compile(r"^\s*#{1,6}\s")
_LIJSTPUNT = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_GRENS = "\x00"


def _zonder_accenten(tekst: str) -> str:
    return "".join(t for t in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(t))


def _woorden(tekst: str) -> list[str]:
    """Lower-case words without accents or punctuation; quoted spans become a boundary no run may cross."""
    tekst = _CITAAT.sub(f" {_GRENS} ", tekst)
    tekst = _zonder_accenten(tekst).casefold()
    uit: list[str] = []
    for stuk in tekst.split(_GRENS):
        uit.extend(_WOORD.findall(stuk))
        uit.append(_GRENS)
    return uit[:-1]


def _runs(woorden: list[str]) -> set[tuple[str, ...]]:
    runs = set()
    for i in range(len(woorden) - RUN + 1):
        run = tuple(woorden[i:i + RUN])
        if _GRENS not in run:
            runs.add(run)
    return runs


@lru_cache(maxsize=1)
def _referentie_runs() -> frozenset[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for pad in sorted(REFERENTIE.glob("*.md")):
        runs |= _runs(_woorden(pad.read_text(encoding="utf-8")))
    return frozenset(runs)


def _markdown_eenheden(tekst: str) -> list[str]:
    """Paragraphs and list items; a heading is its own unit."""
    eenheden: list[str] = []
    huidig: list[str] = []

    def sluit():
        if huidig:
            eenheden.append(" ".join(huidig))
            huidig.clear()

    for regel in tekst.splitlines():
        if not regel.strip():
            sluit()
        elif _KOP.match(regel) or _LIJSTPUNT.match(regel):
            sluit()
            huidig.append(regel)
        else:
            huidig.append(regel)
    sluit()
    return eenheden


def _yaml_teksten(waarde, waar: str):
    if isinstance(waarde, str):
        yield waar, waarde
    elif isinstance(waarde, dict):
        for sleutel, sub in waarde.items():
            yield from _yaml_teksten(sub, f"{waar}.{sleutel}")
    elif isinstance(waarde, list):
        for i, sub in enumerate(waarde):
            yield from _yaml_teksten(sub, f"{waar}[{i}]")


def _knooppunt_titels() -> list[list[str]]:
    titels = []
    for pad in sorted((REPO / "data" / "knooppunten").glob("*.md")):
        kop = pad.read_text(encoding="utf-8").split("---")[1]
        titel = (yaml.safe_load(kop) or {}).get("titel")
        if titel:
            titels.append([w for w in _woorden(str(titel)) if w != _GRENS])
    return titels


def _zonder_titels(woorden: list[str], titels: list[list[str]]) -> list[str]:
    """Replace every occurrence of a knooppunt title by a boundary: titles are exempt."""
    uit = list(woorden)
    for titel in titels:
        n = len(titel)
        for i in range(len(uit) - n + 1):
            if uit[i:i + n] == titel:
                uit[i:i + n] = [_GRENS] * n
    return uit


def _tekst_eenheden():
    """(where, text) for every Dutch text unit of data/ and the notebooks' markdown cells."""
    data = REPO / "data"
    for pad in sorted(data.rglob("*.yaml")):
        inhoud = yaml.safe_load(pad.read_text(encoding="utf-8"))
        yield from _yaml_teksten(inhoud, pad.relative_to(REPO).as_posix())
    for pad in sorted(data.rglob("*.md")):
        tekst = pad.read_text(encoding="utf-8")
        naam = pad.relative_to(REPO).as_posix()
        voorkop = re.match(r"\A---\s*\n(.*?)\n---\s*\n", tekst, re.S)
        if voorkop:
            kop = yaml.safe_load(voorkop.group(1)) or {}
            kop.pop("titel", None)
            yield from _yaml_teksten(kop, naam)
            tekst = tekst[voorkop.end():]
        for i, eenheid in enumerate(_markdown_eenheden(tekst), start=1):
            yield f"{naam} (alinea {i})", eenheid
    for pad in sorted((REPO / "notebooks").glob("*.ipynb")):
        notebook = json.loads(pad.read_text(encoding="utf-8"))
        for c, cel in enumerate(notebook["cells"]):
            if cel["cell_type"] != "markdown":
                continue
            for i, eenheid in enumerate(_markdown_eenheden("".join(cel["source"])), start=1):
                yield f"{pad.relative_to(REPO).as_posix()} (cel {c}, alinea {i})", eenheid


def test_woorden_en_citaten_worden_genormaliseerd():
    assert _woorden("Strategieën, 'Vorm van samenwerking' zo'n!") == ["strategieen", _GRENS, "zo'n"]
    assert _runs(["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht"]) == {
        ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht"),
    }
    assert _zonder_titels(["a", "b", "c"], [["b", "c"]]) == ["a", _GRENS, _GRENS]


def test_geen_acht_woorden_achter_elkaar_uit_de_bronnotities():
    if not REFERENTIE.is_dir() or not any(REFERENTIE.glob("*.md")):
        pytest.skip(f"bronnotities niet gevonden in {REFERENTIE.resolve()}; de kopieercontrole kan niet draaien")
    referentie = _referentie_runs()
    titels = _knooppunt_titels()
    gevonden = []
    aantal = 0
    for waar, tekst in _tekst_eenheden():
        aantal += 1
        gedeeld = _runs(_zonder_titels(_woorden(tekst), titels)) & referentie
        for run in sorted(gedeeld):
            gevonden.append(f"{waar}: '{' '.join(run)}'")
    assert aantal > 1000, "te weinig teksten gevonden; klopt het pad naar data/ en notebooks/?"
    assert not gevonden, (
        "Deze teksten delen acht of meer woorden achter elkaar met ../shared/reference; "
        "schrijf ze in eigen woorden:\n" + "\n".join(gevonden)
    )
