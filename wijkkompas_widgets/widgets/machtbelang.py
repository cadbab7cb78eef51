"""Exercise 'Macht/belang': place each party by invloed and belang; grid and suggested approach."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.partijen import aanpak_per_partij, kwadrant
from ..charts.machtbelang import machtbelang_figuur
from ..dossier import Partij
from ..dossier.model import SCHAAL_MAX, SCHAAL_MIN
from ..leesmodel.partijen import raster_alt
from .basis import e, figuur_html, veilig
from .context import WerkboekContext
from .oefening import Oefening

_MIDDEN = (SCHAAL_MIN + SCHAAL_MAX) // 2 + 1
GEEN_PARTIJEN = "<i>Nog geen partijen. Voeg eerst partijen toe bij 'De juiste partijen aan tafel'.</i>"


class MachtBelangOefening(Oefening):
    """One row of two sliders per party. Releasing a slider saves the party's place at once
    (one transaction); the grid and the table are then drawn again from the store."""

    KLASSE = "wk-oefening-machtbelang"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._rijen = w.VBox()
        self._rijen.add_class("wk-machtbelang-rijen")
        self._grafiek = w.HTML()
        self._grafiek.add_class("wk-machtbelang-grafiek")
        self._tabel = w.HTML()
        self._tabel.add_class("wk-machtbelang-tabel")
        self.inhoud.children = [
            w.HTML(
                "Schat per partij in hoeveel <b>invloed</b> (macht om de aanpak te maken of te breken) en "
                "hoeveel <b>belang</b> (hoe sterk de uitkomst haar raakt) zij heeft, op een schaal van 1 tot 10. "
                "Vanaf 6 telt als hoog. De posities zijn relatief: vergelijk de partijen met elkaar."
            ),
            self._rijen, self._melding,
            w.HTML("<h4>Raster</h4>"), self._grafiek,
            w.HTML("<h4>Voorgestelde aanpak per partij</h4>"), self._tabel,
        ]
        self._rijen_per_partij: dict[tuple[int, str], _PartijRij] = {}
        self._getekend: tuple | None = None
        self.start()

    def laad(self, dossier_gewisseld: bool) -> None:
        partijen = self.context.store.partijen(self.context.dossier_id)
        if [(p.id, p.naam) for p in partijen] == list(self._rijen_per_partij):
            # Same parties: update in place, so a keyboard user keeps focus on the slider.
            for partij in partijen:
                self._rijen_per_partij[(partij.id, partij.naam)].toon(partij)
        else:
            self._rijen_per_partij = {(p.id, p.naam): _PartijRij(self, p) for p in partijen}
            self._rijen.children = [rij for rij in self._rijen_per_partij.values()] or [w.HTML(GEEN_PARTIJEN)]
        self._teken(partijen)

    def _teken(self, partijen: list[Partij]) -> None:
        sleutel = tuple((p.id, p.naam, p.invloed, p.belang) for p in partijen)
        if sleutel == self._getekend:
            return  # nothing on the grid changed (e.g. another exercise saved): skip the redraw
        self._getekend = sleutel
        geplaatst = [(p.naam, p.invloed, p.belang) for p in partijen if p.geplaatst]
        self._grafiek.value = figuur_html(machtbelang_figuur(geplaatst), raster_alt(geplaatst), breedte="680px")
        rijen = []
        for regel in aanpak_per_partij(partijen):
            if regel.kwadrant is None:
                rijen.append(f"<tr><td>{e(regel.partij)}</td><td>–</td><td>–</td>"
                             "<td><i>nog niet geplaatst</i></td><td>Schuif invloed en belang hierboven.</td></tr>")
            else:
                rijen.append(
                    f"<tr><td>{e(regel.partij)}</td><td>{regel.invloed}</td><td>{regel.belang}</td>"
                    f"<td><b>{e(regel.kwadrant.naam)}</b></td><td>{e(regel.kwadrant.aanpak)}</td></tr>"
                )
        self._tabel.value = (
            "<table class='wk-tabel'><thead><tr><th scope='col'>Partij</th><th scope='col'>Invloed</th>"
            "<th scope='col'>Belang</th><th scope='col'>Kwadrant</th><th scope='col'>Aanpak</th></tr></thead>"
            f"<tbody>{''.join(rijen)}</tbody></table>"
        )

    @veilig()
    def plaats(self, partij: Partij, invloed: int, belang: int) -> None:
        bijgewerkt = self.context.store.plaats_partij(self.context.dossier_id, partij.id, invloed, belang)
        self.bewaard(f"{bijgewerkt.naam} geplaatst: invloed {invloed}, belang {belang} "
                     f"({kwadrant(invloed, belang).naam.lower()}).")


def _status_html(partij: Partij) -> str:
    if not partij.geplaatst:
        return "<i>nog niet geplaatst</i>"
    return f"→ {e(kwadrant(partij.invloed, partij.belang).naam)}"


class _PartijRij(w.HBox):
    """Name, two sliders, a 'Plaatsen' button (until placed) and the quadrant, for one party."""

    def __init__(self, oefening: MachtBelangOefening, partij: Partij):
        self._oefening = oefening
        naam = w.HTML(f"<b class='wk-mb-naam'>{e(partij.naam)}</b>", layout=w.Layout(width="230px"))
        self.invloed = w.IntSlider(
            value=partij.invloed or _MIDDEN, min=SCHAAL_MIN, max=SCHAAL_MAX, description="Invloed",
            continuous_update=False, layout=w.Layout(width="300px"),
        )
        self.invloed.add_class("wk-mb-invloed")
        self.belang = w.IntSlider(
            value=partij.belang or _MIDDEN, min=SCHAAL_MIN, max=SCHAAL_MAX, description="Belang",
            continuous_update=False, layout=w.Layout(width="300px"),
        )
        self.belang.add_class("wk-mb-belang")
        self.status = w.HTML(layout=w.Layout(width="260px"))
        self.plaats_knop = w.Button(
            description="Plaatsen", tooltip=f"{partij.naam} op deze plek op het raster zetten",
            layout=w.Layout(width="100px"),
        )
        self.plaats_knop.add_class("wk-mb-plaatsen")
        super().__init__([naam, self.invloed, self.belang, self.plaats_knop, self.status])
        self.add_class("wk-mb-rij")

        def bewaar(_waarde=None):
            oefening.plaats(partij, self.invloed.value, self.belang.value)

        oefening.bij_wijziging(self.invloed, bewaar)
        oefening.bij_wijziging(self.belang, bewaar)
        self.plaats_knop.on_click(bewaar)
        self.toon(partij)

    def toon(self, partij: Partij) -> None:
        """Show the saved place without saving it again."""
        if partij.geplaatst:
            self._oefening.toon(self.invloed, partij.invloed)
            self._oefening.toon(self.belang, partij.belang)
        self.plaats_knop.layout.display = "none" if partij.geplaatst else "inline-flex"
        self.status.value = _status_html(partij)
