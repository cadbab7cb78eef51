"""Exercise 'Opgaven met elkaar verbinden' (phase 3): the opgave × opgave matrix, a heatmap and what
stands out (mutual help, clashes, asymmetric pairs).

Why a grid of 30 Dropdowns rather than one van/naar picker with one value: in a workshop the room
fills the matrix row by row while talking ('what does the heat network do to greening?'), and a grid
shows at a glance which cells are still empty. A picker would need three clicks per cell and hides
the rest. Each cell is saved on its own (one field of the form), so two people filling different
cells never overwrite each other.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.opgavenmatrix import (
    MAX_NOTITIES,
    WAARDEN,
    controleer_waarde,
    lees_matrix,
    samenvatting,
    teken,
)
from ..charts.opgavenmatrix import opgavenmatrix_figuur
from ..dossier import formulieren
from ..dossier.validatie import schone_tekst
from ..leesmodel.opgavenmatrix import figuur_alt, lijsten, waarden
from .basis import BREED, e, figuur_html
from .context import WerkboekContext
from .formulier import FormulierOefening

_CEL = w.Layout(width="140px")
_OPTIES = [("– nog leeg –", None)] + [(f"{teken(v)} {label}", v) for v, label in WAARDEN]


class OpgavenMatrixOefening(FormulierOefening):
    """Row 'werken aan …' × column 'effect op …', −2 … +2 per cell, saved as chosen."""

    SLEUTEL = formulieren.OPGAVENMATRIX
    # a colleague's cell elsewhere on the page (the workshop adopting a round) shows at once
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context, "wk-oefening-opgavenmatrix")
        self._opgaven = list(context.inhoud.opgaven)
        self._ids = [o.id for o in self._opgaven]
        self._namen = {o.id: o.naam for o in self._opgaven}
        self._cellen: dict[tuple[str, str], w.Dropdown] = {}
        kinderen: list[w.Widget] = [w.HTML("<b>Werken aan ↓ · effect op →</b>")]
        kinderen += [w.HTML(f"<b>{e(o.naam)}</b>") for o in self._opgaven]
        for van in self._opgaven:
            kinderen.append(w.HTML(f"<b>{e(van.naam)}</b>"))
            for naar in self._opgaven:
                if van.id == naar.id:
                    kinderen.append(w.HTML("<div class='wk-matrix-diagonaal' title='zelfde opgave'>—</div>"))
                    continue
                beschrijving = f"Werken aan {van.naam}: effect op {naar.naam}"
                cel = w.Dropdown(options=_OPTIES, value=None, description=beschrijving, tooltip=beschrijving,
                                 style={"description_width": "0px"}, layout=_CEL)
                cel.add_class("wk-matrix-cel")
                cel.add_class(f"wk-matrix-{van.id}-{naar.id}")
                self.bij_wijziging(cel, lambda waarde, a=van.id, b=naar.id: self._bewaar(a, b, waarde))
                self._cellen[(van.id, naar.id)] = cel
                kinderen.append(cel)
        self._raster = w.GridBox(kinderen, layout=w.Layout(
            grid_template_columns=f"150px repeat({len(self._opgaven)}, 140px)", grid_gap="4px 4px",
            align_items="center"))
        self._raster.add_class("wk-matrix-raster")
        legenda = " · ".join(f"{e(teken(v))} = {e(label)}" for v, label in WAARDEN)
        self._uitleg = w.HTML(
            "<p>Hoe helpen of hinderen de transitieopgaven elkaar in deze wijk? Lees per <b>rij</b>: werken aan "
            "die opgave, wat doet dat met de opgave in de <b>kolom</b>? Een warmtenet aanleggen kan de straat "
            "vergroenen makkelijker maken (+), terwijl bomen planten later in de weg kan zitten van leidingen (−). "
            "Daarom is de matrix niet symmetrisch: vul beide richtingen in.</p>"
            f"<p class='wk-bron'>Schaal: {legenda}. Een lege cel telt als 'nog niet ingevuld', niet als 0.</p>"
        )
        self._notities = w.Textarea(
            description="Uitwerken en bespreken", continuous_update=False, style=BREED,
            layout=w.Layout(width="720px", height="80px"),
            placeholder="Welke combinaties werken jullie uit, en welke botsingen bespreken jullie? "
                        "(wordt opgeslagen als je het veld verlaat)")
        self._notities.add_class("wk-matrix-notities")
        self.bij_wijziging(self._notities, self._bewaar_notities)
        self._figuur = w.HTML()
        self._figuur.add_class("wk-matrix-figuur")
        self._samenvatting = w.HTML()
        self._samenvatting.add_class("wk-matrix-samenvatting")
        self._laatste_figuur: tuple | None = None
        self.inhoud.children = [
            self._uitleg, self._raster, self._melding, self._samenvatting, self._figuur, self._notities,
            w.HTML("<div class='wk-bron'>Bron: werkwijze naar Wijkkompas (knooppunt 'Opgaven met elkaar "
                   "verbinden'), TNO &amp; POSAD Maxwan (2020) en Klimaatadaptatie Nederland (integraal "
                   "programmeren). In eigen woorden.</div>"),
        ]
        self.start()

    def _toon(self, gegevens: dict) -> None:
        matrix = lees_matrix(gegevens, self._ids)
        for sleutel, cel in self._cellen.items():
            self.toon(cel, matrix[sleutel])
        notities = gegevens.get("notities")
        self.toon(self._notities, notities if isinstance(notities, str) else "")
        overzicht = samenvatting(matrix, self._ids, self._namen)
        self._samenvatting.value = samenvatting_html(overzicht)
        raster = waarden(matrix, self._ids)
        sleutel = tuple(map(tuple, raster))
        if sleutel != self._laatste_figuur:
            self._laatste_figuur = sleutel
            namen = [self._namen[i] for i in self._ids]
            self._figuur.value = figuur_html(opgavenmatrix_figuur(namen, raster), figuur_alt(matrix, self._namen))

    def _bewaar(self, van: str, naar: str, waarde) -> None:
        schoon = controleer_waarde(waarde)
        self._zet((van, naar), schoon)
        label = next(t for t, v in _OPTIES if v == schoon)
        self._melding.ok(f"Werken aan {self._namen[van]} → {self._namen[naar]}: {label} opgeslagen.")

    def _bewaar_notities(self, tekst: str) -> None:
        self._zet(("notities",), schone_tekst(tekst, "De notities", maximum=MAX_NOTITIES))
        self._melding.ok("Notities opgeslagen.")


def samenvatting_html(overzicht) -> str:
    kop = f"<p><b>{overzicht.ingevuld} van de {overzicht.totaal}</b> cellen ingevuld.</p>"
    if overzicht.leeg:
        return kop + ("<p><i>Vul de matrix in; dan zie je hier welke opgaven elkaar versterken en waar ze "
                      "botsen.</i></p>")

    def lijst(symbool: str, titel: str, zinnen: tuple[str, ...], leeg: str) -> str:
        if not zinnen:
            return f"<p><b>{symbool} {titel}:</b> <i>{leeg}</i></p>"
        return f"<p><b>{symbool} {titel}:</b></p><ul>" + "".join(f"<li>{e(z)}</li>" for z in zinnen) + "</ul>"

    return kop + "".join(lijst(*deel) for deel in lijsten(overzicht))
