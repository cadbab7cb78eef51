"""The import walls of the package: dependencies run one way, and the pure layers load no heavy library.

The graph is read from the source with ``ast`` (nothing is imported), so a wall breaks here before anyone notices
it on a page. Every import counts, at the top and inside functions; only ``if TYPE_CHECKING:`` blocks are left
out (they never run). Importing ``a.b.c`` also runs ``a/__init__`` and ``a/b/__init__``, so those count as edges
too. Two subprocess tests then check what really happens when SQLAlchemy or ipywidgets cannot be imported.
(``export/__init__`` loads each export format with ``importlib`` when it is first asked for, so a page pays for
python-docx only on a click; that lazy name lookup is no import statement and no edge here.)
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PAKKET = "wijkkompas_widgets"
BRON = Path(__file__).resolve().parents[2] / PAKKET
MAX_IMPORTS_IN_FUNCTIES = 10

# The layers below the store and the widgets: records, content, figures and read-models. They must import
# without a database library and without a page (the charts may draw; the rest may not even do that).
PUUR = ("analysis", "charts", "leesmodel", "cbs", "workshop", "content", "paths", "teksten", "dossier.model",
        "dossier.validatie", "dossier.formulieren", "dossier.records")
ZWAAR = {"sqlalchemy", "ipywidgets"}
TEKENT = {"matplotlib"}  # only charts/ draws


@dataclass(frozen=True)
class Import:
    """One import statement of module ``van``: the package's modules it loads and the outside packages."""

    van: str
    regel: int
    eigen: tuple[str, ...]
    extern: tuple[str, ...]
    in_functie: bool


@cache
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (the Alembic migrations are scripts, not modules)."""
    gevonden = {}
    for pad in sorted(BRON.rglob("*.py")):
        if "migraties" in pad.parts:
            continue
        delen = pad.relative_to(BRON.parent).with_suffix("").parts
        naam = ".".join(delen[:-1] if delen[-1] == "__init__" else delen)
        gevonden[naam] = pad
    return gevonden


def _ouders(naam: str) -> list[str]:
    """The packages whose ``__init__`` runs before ``naam`` is imported (the root package included)."""
    delen = naam.split(".")
    return [".".join(delen[:k]) for k in range(1, len(delen))]


def _doelen(module: str, knoop: ast.Import | ast.ImportFrom) -> tuple[list[str], list[str]]:
    """(own modules, outside top-level packages) that one import statement loads."""
    mods = modules()
    eigen, extern = [], []
    if isinstance(knoop, ast.Import):
        for alias in knoop.names:
            (eigen if alias.name.split(".")[0] == PAKKET else extern).append(alias.name)
    else:
        if knoop.level:
            basis = module.split(".") if mods[module].name == "__init__.py" else module.split(".")[:-1]
            basis = basis[:len(basis) - (knoop.level - 1)]
            naam = ".".join(basis + ([knoop.module] if knoop.module else []))
        else:
            naam = knoop.module or ""
        if naam.split(".")[0] != PAKKET:
            extern.append(naam)
        else:
            for alias in knoop.names:  # 'from pakket import module' loads that module; else the names' module
                kandidaat = f"{naam}.{alias.name}"
                eigen.append(kandidaat if kandidaat in mods else naam)
    geladen = []
    for doel in eigen:
        for naam in (*_ouders(doel), doel):
            if naam in mods and naam != module and not module.startswith(naam + ".") and naam not in geladen:
                geladen.append(naam)
    return geladen, sorted({naam.split(".")[0] for naam in extern})


def _alleen_bij_typecontrole(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test)


def _bezoek(module: str, knopen, in_functie: bool, uit: list[Import]) -> None:
    for knoop in knopen:
        if isinstance(knoop, (ast.Import, ast.ImportFrom)):
            eigen, extern = _doelen(module, knoop)
            uit.append(Import(module, knoop.lineno, tuple(eigen), tuple(extern), in_functie))
        elif isinstance(knoop, ast.If) and _alleen_bij_typecontrole(knoop.test):
            _bezoek(module, knoop.orelse, in_functie, uit)
        else:
            functie = in_functie or isinstance(knoop, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            _bezoek(module, ast.iter_child_nodes(knoop), functie, uit)


@cache
def importen() -> tuple[Import, ...]:
    uit: list[Import] = []
    for module, pad in modules().items():
        _bezoek(module, ast.parse(pad.read_text(encoding="utf-8")).body, False, uit)
    return tuple(uit)


@cache
def graaf() -> dict[str, set[str]]:
    randen: dict[str, set[str]] = defaultdict(set)
    for imp in importen():
        randen[imp.van].update(imp.eigen)
    return randen


def _extern(module: str) -> set[str]:
    return {naam for imp in importen() if imp.van == module for naam in imp.extern}


def _pad_naar(begin: str, doel) -> list[str] | None:
    """The shortest chain of imports from ``begin`` to a module for which ``doel(module)`` holds. Importing
    ``begin`` runs its parent packages' ``__init__`` first, so the chain may start there."""
    starts = [naam for naam in (begin, *_ouders(begin)) if naam in modules()]
    vorige: dict[str, str | None] = dict.fromkeys(starts)
    rij = list(starts)
    for module in rij:
        if doel(module):
            keten = [module]
            while vorige[keten[-1]] is not None:
                keten.append(vorige[keten[-1]])
            return keten[::-1]
        for volgende in sorted(graaf()[module]):
            if volgende not in vorige:
                vorige[volgende] = module
                rij.append(volgende)
    return None


def _kort(naam: str) -> str:
    return naam.removeprefix(PAKKET + ".")


def _in_laag(module: str, laag: str) -> bool:
    volledig = f"{PAKKET}.{laag}"
    return module == volledig or module.startswith(volledig + ".")


def _cycli() -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iteratively)."""
    randen, index, laag, stapel, op_stapel, uit = graaf(), {}, {}, [], set(), []
    teller = 0
    for start in modules():
        if start in index:
            continue
        werk = [(start, iter(sorted(randen[start])))]
        index[start] = laag[start] = teller
        teller += 1
        stapel.append(start)
        op_stapel.add(start)
        while werk:
            module, buren = werk[-1]
            for buur in buren:
                if buur not in index:
                    index[buur] = laag[buur] = teller
                    teller += 1
                    stapel.append(buur)
                    op_stapel.add(buur)
                    werk.append((buur, iter(sorted(randen[buur]))))
                    break
                if buur in op_stapel:
                    laag[module] = min(laag[module], index[buur])
            else:
                werk.pop()
                if werk:
                    laag[werk[-1][0]] = min(laag[werk[-1][0]], laag[module])
                if laag[module] == index[module]:
                    groep = []
                    while True:
                        lid = stapel.pop()
                        op_stapel.discard(lid)
                        groep.append(lid)
                        if lid == module:
                            break
                    if len(groep) > 1:
                        uit.append(sorted(groep))
    return uit


# -- the walls, read from the source --------------------------------------------------------------
def test_de_wandelaar_ziet_importen_in_functies_ouderpakketten_en_slaat_typecontrole_over():
    bron = ast.parse(textwrap.dedent("""
        from ..leesmodel import dossier
        from ..dossier.records import Werk
        if TYPE_CHECKING:
            import sqlalchemy
        def maak():
            import docx
            from .rapport import Rapport
    """))
    gevonden: list[Import] = []
    _bezoek(f"{PAKKET}.export.docx", bron.body, False, gevonden)
    assert [(tuple(_kort(d) for d in i.eigen), i.extern, i.in_functie) for i in gevonden] == [
        (("leesmodel", "leesmodel.dossier"), (), False),
        (("dossier", "dossier.records"), (), False),  # importing a submodule runs its package's __init__
        ((), ("docx",), True),
        (("export.rapport",), (), True),
    ]
    assert f"{PAKKET}.leesmodel.dossier" in graaf()[f"{PAKKET}.export.docx"]


def test_geen_module_staat_in_een_importcyclus():
    cycli = _cycli()
    assert not cycli, "Importcycli (elke groep laadt elkaar, bovenaan of in een functie):\n" + "\n".join(
        "  " + ", ".join(_kort(m) for m in groep) for groep in cycli)


def test_pure_lagen_laden_geen_opslag_pagina_of_grafiekbibliotheek():
    fouten = []
    for module in modules():
        laag = next((laag for laag in PUUR if _in_laag(module, laag)), None)
        if laag is None:
            continue
        verboden = ZWAAR | (set() if laag == "charts" else TEKENT)
        keten = _pad_naar(module, lambda m, verboden=verboden: bool(_extern(m) & verboden))
        if keten:
            bibliotheek = ", ".join(sorted(_extern(keten[-1]) & verboden))
            fouten.append(f"  {_kort(module)} laadt {bibliotheek}: " + " → ".join(_kort(m) for m in keten))
    assert not fouten, "Een pure laag laadt SQLAlchemy, ipywidgets of matplotlib:\n" + "\n".join(fouten)


@pytest.mark.parametrize(("van", "naar"), [("export", "widgets"), ("widgets", "export")])
def test_export_en_widgets_kennen_elkaar_niet(van, naar):
    fouten = [f"  {_kort(imp.van)}:{imp.regel} importeert {', '.join(_kort(d) for d in imp.eigen if _in_laag(d, naar))}"
              for imp in importen() if _in_laag(imp.van, van) and any(_in_laag(d, naar) for d in imp.eigen)]
    assert not fouten, f"{van}/ importeert {naar}/:\n" + "\n".join(fouten)


def test_hooguit_tien_imports_van_eigen_modules_in_functies():
    """An import inside a function hides a dependency; it is only there to keep a heavy library off a page that
    does not need it (with a comment that says so)."""
    binnen = [imp for imp in importen() if imp.in_functie and imp.eigen]
    assert len(binnen) <= MAX_IMPORTS_IN_FUNCTIES, (
        f"{len(binnen)} imports van eigen modules in functies (hooguit {MAX_IMPORTS_IN_FUNCTIES}):\n"
        + "\n".join(f"  {_kort(i.van)}:{i.regel} → {', '.join(_kort(d) for d in i.eigen)}" for i in binnen))


# -- the walls, tried -----------------------------------------------------------------------------
WEIGER = textwrap.dedent("""
    import sys

    class Weiger:
        '''Refuses to import these packages, as if they were not installed.'''

        def __init__(self, namen):
            self.namen = set(namen)

        def find_spec(self, naam, pad=None, doel=None):
            if naam.split(".")[0] in self.namen:
                raise ModuleNotFoundError(f"No module named {naam!r} (geweigerd door de test)", name=naam)
            return None

    sys.meta_path.insert(0, Weiger(WEIGEREN))
""")


def _draai(code: str, weigeren: set[str], tmp_path: Path) -> dict:
    """Run ``code`` in a fresh interpreter where ``weigeren`` cannot be imported; it prints one JSON object."""
    script = f"WEIGEREN = {sorted(weigeren)!r}\n{WEIGER}\n{textwrap.dedent(code)}"
    uitkomst = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                              timeout=240)
    assert uitkomst.returncode == 0, uitkomst.stderr[-4000:]
    return json.loads(uitkomst.stdout.strip().splitlines()[-1])


def test_de_pure_lagen_importeren_zonder_sqlalchemy_en_ipywidgets(tmp_path):
    """Every module of analysis/, charts/ and leesmodel/ (and the other pure layers) in a fresh interpreter
    where SQLAlchemy and ipywidgets are not there."""
    namen = sorted(m for m in modules() if any(_in_laag(m, laag) for laag in PUUR))
    fouten = _draai(f"""
        import importlib, json, traceback
        fouten = {{}}
        for naam in {namen!r}:
            try:
                importlib.import_module(naam)
            except Exception as fout:
                fouten[naam] = "".join(traceback.format_exception_only(fout)).strip()
        print(json.dumps(fouten))
    """, ZWAAR, tmp_path)
    assert {"analysis", "charts", "leesmodel"} <= {_kort(naam).split(".")[0] for naam in namen}
    assert not fouten, "Niet te importeren zonder SQLAlchemy en ipywidgets:\n" + "\n".join(
        f"  {_kort(naam)}: {fout}" for naam, fout in fouten.items())


def test_word_excel_en_json_export_werken_zonder_ipywidgets(tmp_path):
    """The CLI's exports of the example dossier, where ipywidgets cannot be imported; the JSON backup also
    loads neither python-docx, openpyxl nor matplotlib."""
    import docx
    import openpyxl

    url = f"sqlite:///{tmp_path / 'dossiers.sqlite'}"
    uitkomst = _draai(f"""
        import json, sys
        from pathlib import Path
        from wijkkompas_widgets import export
        from wijkkompas_widgets.dossier.store import DossierStore

        store = DossierStore({url!r})
        [voorbeeld] = [d for d in store.dossiers() if d.is_voorbeeld]
        Path("dossier.json").write_bytes(export.exporteer_json(store, voorbeeld.id))
        na_json = sorted(m for m in ("docx", "openpyxl", "matplotlib") if m in sys.modules)
        Path("rapport.docx").write_bytes(export.exporteer_docx(store, voorbeeld.id))
        Path("werkboek.xlsx").write_bytes(export.exporteer_xlsx(store, voorbeeld.id))
        print(json.dumps({{"naam": voorbeeld.naam, "na_json": na_json, "ipywidgets": "ipywidgets" in sys.modules}}))
    """, {"ipywidgets"}, tmp_path)
    assert uitkomst["ipywidgets"] is False
    assert uitkomst["na_json"] == []
    naam = uitkomst["naam"]
    assert json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8"))["dossier"]["naam"] == naam
    rapport = docx.Document(str(tmp_path / "rapport.docx"))
    alineas = [p.text for p in rapport.paragraphs]
    assert naam in alineas and "Besluitenlog" in alineas
    werkboek = openpyxl.load_workbook(tmp_path / "werkboek.xlsx")
    assert "Partijen" in werkboek.sheetnames
    assert naam in {cel for rij in werkboek["Over dit bestand"].iter_rows(values_only=True) for cel in rij}
