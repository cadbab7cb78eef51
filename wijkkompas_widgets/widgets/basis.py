"""Building blocks shared by all widgets: messages, safe callbacks, styles, charts as images."""

from __future__ import annotations

import base64
import functools
import html
import logging
from typing import TYPE_CHECKING

import ipywidgets as w

from .. import teksten
from ..dossier.model import WerkboekFout

if TYPE_CHECKING:  # matplotlib is imported only by pages that draw (the participant page does not)
    from matplotlib.figure import Figure

log = logging.getLogger("wijkkompas")

e = html.escape  # every user text that goes into an HTML widget passes through here

CSS = """
<style>
.wk-kaart { border: 1px solid #c8c8c8; border-radius: 6px; padding: 10px 14px; margin: 14px 0; background: #fff; }
.wk-kaart h3 { margin: 2px 0 6px 0; }
.wk-uitleg details { border: 1px solid #d0d0d0; border-radius: 4px; margin: 4px 0; padding: 2px 10px;
                     background: #fafafa; }
.wk-uitleg summary { font-weight: bold; cursor: pointer; padding: 4px 0; }
.wk-uitleg details[open] { background: #fff; }
.wk-fase-label { color: #444; font-size: 0.9em; }
.wk-chip { display: inline-block; border: 1px solid #0072B2; color: #00406b; border-radius: 12px;
           padding: 1px 9px; margin: 2px 4px 2px 0; font-size: 0.85em; background: #eef6fb; }
.wk-badge-bg { display: inline-block; border: 2px solid #b35900; color: #7a3d00; border-radius: 4px;
               padding: 1px 8px; margin: 4px 0; font-weight: bold; background: #fff4e5; }
.wk-badge-voorbeeld { display: inline-block; border: 2px dashed #555; color: #333; border-radius: 4px;
                      padding: 0 8px; margin-left: 8px; font-size: 0.85em; background: #f5f5f5; }
.wk-melding { padding: 4px 8px; border-radius: 4px; margin: 4px 0; }
.wk-melding-ok { border-left: 5px solid #009E73; background: #eefaf5; }
.wk-melding-fout { border-left: 5px solid #D55E00; background: #fdf0e8; }
.wk-melding-info { border-left: 5px solid #0072B2; background: #eef6fb; }
.wk-tabel { border-collapse: collapse; margin: 6px 0; }
.wk-tabel th, .wk-tabel td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
.wk-tabel th { background: #f0f0f0; }
.wk-bron { color: #555; font-size: 0.85em; }
.wk-sectie { margin-top: 10px; }
.wk-partij-rij { border-bottom: 1px solid #e3e3e3; padding: 2px 0; }
.wk-planning-moment { border-left: 4px solid #8a7a00; background: #fffbe0; padding: 4px 10px; margin: 6px 0; }
.wk-planning-moment ul { margin: 2px 0 2px 0; }
.wk-planning-snel { font-weight: bold; color: #7a3d00; }
.wk-planning-foutenlijst { border-left: 5px solid #D55E00; background: #fdf0e8; padding: 4px 10px; }
.wk-planning-tabel td { font-size: 0.92em; }
.wk-profiel-tabel caption { text-align: left; font-weight: bold; padding: 2px 0; }
.wk-profiel-tabel .wk-groep th { background: #e4eef6; }
.wk-profiel-tabel td.wk-getal { text-align: right; }
.wk-profiel-tabel td.wk-onbekend { color: #555; text-align: right; }
.wk-eenheid { color: #555; font-size: 0.8em; font-weight: normal; }
.wk-badge-eigen { display: inline-block; border: 2px dashed #0072B2; color: #00406b; border-radius: 4px;
                  padding: 1px 8px; margin: 4px 0; background: #eef6fb; }
.wk-koppelkansen-tabel tr.wk-koppelkansen-top td { font-weight: bold; background: #eef6fb; }
.wk-koppelkansen-kaart { border-left: 4px solid #0072B2; padding: 2px 10px; margin: 4px 0; }
.wk-koppelkansen-onvolledig { border-left: 4px dashed #999; padding: 2px 10px; margin: 6px 0; }
.wk-matrix-diagonaal { text-align: center; color: #555; background: repeating-linear-gradient(45deg, #ddd, #ddd 4px,
                       #f4f4f4 4px, #f4f4f4 8px); padding: 4px 0; }
.wk-matrix-cel .widget-label { overflow: hidden; }
.wk-strategie-kaart { border: 1px solid #c8c8c8; border-radius: 6px; padding: 6px 12px; margin: 8px 0; }
.wk-strategie-kolommen { display: flex; flex-wrap: wrap; gap: 4px 24px; }
.wk-strategie-kolommen > div { flex: 1 1 300px; }
.wk-strategie-kolommen ul { margin: 2px 0; }
.wk-strategie-hints { border-left: 4px solid #8a7a00; background: #fffbe0; padding: 2px 10px; margin: 4px 0; }
.wk-besluitenlog-tabel td { font-size: 0.9em; }
.wk-besluitenlog-automatisch td:nth-child(3) { font-style: italic; }
.wk-besluitenlog-gecorrigeerd td { background: #f5f5f5; color: #444; }
.wk-besluitenlog-gecorrigeerd td:last-child { font-weight: bold; color: #7a3d00; }
.wk-weging-som-tekst { margin: 4px 0 4px 178px; font-weight: bold; }
.wk-weging-verschillen { border-left: 4px solid #E69F00; background: #fff8e8; padding: 2px 10px; margin: 6px 0; }
.wk-afweging-onvolledig { margin: 6px 0; }
.wk-keuze-gekozen { font-size: 1.05em; }
.wk-workshop-kop h2 { margin: 4px 0; }
.wk-workshop-start-tabs .lm-TabBar-tab, .wk-workshop-start-tabs .p-TabBar-tab { flex: 0 0 auto; min-width: 220px; }
.wk-workshop-code { font-family: "DejaVu Sans Mono", Consolas, "Courier New", monospace; font-size: 3.2em;
                    font-weight: bold; letter-spacing: 0.12em; color: #00304f; line-height: 1.1; margin: 2px 0; }
.wk-workshop-deelnemen { display: flex; flex-wrap: wrap; gap: 10px 28px; align-items: flex-start;
                         border: 2px solid #0072B2; border-radius: 8px; padding: 10px 16px; background: #f6fafd; }
.wk-workshop-deelnemen > div:first-child { flex: 1 1 420px; min-width: 0; }
.wk-workshop-deelnemen > div:last-child { flex: 0 0 auto; max-width: 240px; }
.wk-workshop-deelnemen .wk-workshop-url { font-family: monospace; font-size: 1.3em; word-break: break-all; }
.wk-workshop-qr svg { background: #fff; display: block; }
.wk-workshop-ronde-rij { border-bottom: 1px solid #e3e3e3; padding: 4px 0; align-items: center; }
.wk-workshop-status { display: inline-block; border: 1px solid #777; border-radius: 10px; padding: 0 8px;
                      font-size: 0.85em; margin-left: 6px; background: #f5f5f5; }
.wk-workshop-status-open { border-color: #009E73; background: #eefaf5; font-weight: bold; }
.wk-workshop-status-gesloten { border-color: #b35900; background: #fff4e5; }
.wk-workshop-status-overgenomen { border-style: dashed; border-color: #0072B2; background: #eef6fb; }
.wk-workshop-stand { font-size: 1.25em; margin: 6px 0 0 0; }
.wk-workshop-tijd { color: #555; font-size: 0.85em; }
.wk-workshop-vraag { margin: 2px 0 6px 0; }
.wk-workshop-groep { margin: 12px 0 2px 0; }
.wk-workshop-opgeslagen { color: #00553d; font-size: 0.9em; min-height: 1.2em; }
.wk-workshop-formulier { border: 1px solid #c8c8c8; border-radius: 6px; padding: 6px 14px; margin: 10px 0;
                         background: #fff; }
.wk-workshop-formulier-dicht { background: #f7f7f7; }
.wk-workshop-wie { border-left: 5px solid #0072B2; background: #eef6fb; padding: 6px 12px; margin: 8px 0; }
.wk-workshop-herstelcode { font-family: monospace; font-size: 1.3em; font-weight: bold; letter-spacing: 0.08em; }
.wk-workshop-knoppen .widget-toggle-button.mod-active { font-weight: bold; outline: 2px solid #00406b;
  outline-offset: -2px; background: #dbeaf5; color: #00304f; }
.wk-workshop-knoppen .widget-toggle-button.mod-active::before { content: "✔ "; }
.wk-workshop-som { font-weight: bold; margin: 4px 0; }
a.wk-download { display: inline-block; border: 1px solid #0072B2; border-radius: 4px; padding: 3px 10px;
                margin: 4px 0; text-decoration: none; color: #00406b; background: #eef6fb; }
</style>
"""


def stijl() -> w.HTML:
    """The werkboek's CSS; included once by the dossier header and by every kaart."""
    return w.HTML(CSS, layout=w.Layout(display="none"))


class Melding(w.HTML):
    """A status line: a symbol and a word besides the colour, so it is never colour alone."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("wk-melding-vak")

    def ok(self, tekst: str) -> None:
        self.value = f'<div class="wk-melding wk-melding-ok" role="status">✔ {e(tekst)}</div>'

    def fout(self, tekst: str) -> None:
        self.value = f'<div class="wk-melding wk-melding-fout" role="alert">⚠ Niet gelukt: {e(tekst)}</div>'

    def info(self, tekst: str) -> None:
        self.value = f'<div class="wk-melding wk-melding-info" role="status">ℹ {e(tekst)}</div>'

    def wis(self) -> None:
        self.value = ""


def veilig(melding_attr: str = "_melding"):
    """Decorator for widget callbacks: a WerkboekFout becomes a Dutch message in the widget's
    ``Melding``; anything else is logged and shown as a general message. No traceback reaches
    the page, and since every store call is one transaction, nothing is half saved."""

    def decorator(methode):
        @functools.wraps(methode)
        def omhulsel(self, *args, **kwargs):
            melding: Melding = getattr(self, melding_attr)
            try:
                return methode(self, *args, **kwargs)
            except WerkboekFout as fout:
                melding.fout(str(fout))
            except Exception:
                log.exception("onverwachte fout in %s", methode.__qualname__)
                melding.fout(teksten.ONVERWACHTE_FOUT)
            return None

        return omhulsel

    return decorator


def figuur_html(figuur: Figure, alt: str, breedte: str = "100%") -> str:
    """An ``<img>`` with alt text for a matplotlib figure; the figure is closed afterwards."""
    from ..charts import figuur_naar_png

    data = base64.b64encode(figuur_naar_png(figuur)).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{data}" alt="{e(alt)}" '
        f'style="max-width: {breedte}; height: auto;" class="wk-figuur">'
    )


def tabel_html(koppen: list[str], rijen: list[list[str]], klasse: str = "") -> str:
    """A simple table; cells are escaped here, so callers pass plain text."""
    kop = "".join(f"<th scope='col'>{e(k)}</th>" for k in koppen)
    body = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in rij) + "</tr>" for rij in rijen)
    return f'<table class="wk-tabel {klasse}"><thead><tr>{kop}</tr></thead><tbody>{body}</tbody></table>'


BREED = {"description_width": "170px"}
VELD = w.Layout(width="520px")


def knop(beschrijving: str, klasse: str, **kwargs) -> w.Button:
    """A button with a stable CSS class (browser tests and styling find it by that)."""
    nieuwe_knop = w.Button(description=beschrijving, **kwargs)
    nieuwe_knop.add_class(klasse)
    return nieuwe_knop


class Bevestiging(w.HBox):
    """'Weet je het zeker?' before something that cannot be undone: a text and a yes and no button,
    hidden until ``vraag``. 'No' hides it; the caller connects 'yes' (``ja.on_click``)."""

    def __init__(self, klasse: str, ja: str = "Ja, verwijderen", nee: str = "Nee, bewaren"):
        self.tekst = w.HTML()
        self.ja = knop(ja, f"{klasse}-ja", button_style="danger")
        self.nee = knop(nee, f"{klasse}-nee")
        super().__init__([self.tekst, self.ja, self.nee], layout=w.Layout(display="none"))
        self.nee.on_click(lambda _knop: self.verberg())

    def vraag(self, tekst_html: str) -> None:
        self.tekst.value = tekst_html
        self.layout.display = "flex"

    def verberg(self) -> None:
        self.layout.display = "none"


def zet_keuze(veld: w.Dropdown | w.RadioButtons, waarde) -> None:
    """Select ``waarde``. In ipywidgets 8 the value None means 'nothing selected' (a blank field), even
    when an option such as '– onbekend –' has the value None; select that option by index instead."""
    if waarde is None and veld.options and veld.options[0][1] is None:
        veld.index = 0
    else:
        veld.value = waarde
