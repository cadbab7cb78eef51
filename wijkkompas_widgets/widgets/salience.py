"""Exercise 'Salience': per party macht, legitimiteit and urgentie → one of seven stakeholder types."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.partijen import salience_type
from ..dossier import Partij
from ..leesmodel.partijen import salience_uitkomst
from .basis import e, veilig
from .context import WerkboekContext
from .machtbelang import GEEN_PARTIJEN
from .oefening import Oefening

_KENMERKEN = (("macht", "Macht"), ("legitimiteit", "Legitimiteit"), ("urgentie", "Urgentie"))


class SalienceOefening(Oefening):
    """Ticking a box saves the party's three attributes at once (one transaction); the table below
    explains each type and how to engage the party."""

    KLASSE = "wk-oefening-salience"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        fase1 = context.inhoud.fase1
        self._rijen: dict[tuple[int, str], _SalienceRij] = {}
        self._rijen_vak = w.VBox()
        self._tabel = w.HTML()
        self._tabel.add_class("wk-salience-tabel")
        self.inhoud.children = [
            w.HTML(
                "<h4>Saillantie: macht, legitimiteit en urgentie</h4>"
                f"<p>{e(fase1.salience_uitleg)} Vink per partij aan wat op haar van toepassing is. Hoe meer "
                "kenmerken, hoe meer aandacht een partij vraagt.</p>"
            ),
            self._rijen_vak, self._melding, self._tabel,
            w.HTML(f"<div class='wk-bron'>Bron: {e(fase1.salience_bron)}</div>"),
        ]
        self.start()

    def laad(self, dossier_gewisseld: bool) -> None:
        partijen = self.context.store.partijen(self.context.dossier_id)
        if [(p.id, p.naam) for p in partijen] != list(self._rijen):
            self._rijen = {(p.id, p.naam): _SalienceRij(self, p) for p in partijen}
            self._rijen_vak.children = list(self._rijen.values()) or [w.HTML(GEEN_PARTIJEN)]
        typen = self.context.inhoud.fase1.salience
        for partij in partijen:
            self._rijen[(partij.id, partij.naam)].toon(partij, typen)
        self._tabel.value = salience_tabel_html(partijen, typen)

    @veilig()
    def bewaar(self, partij: Partij, waarden: tuple[bool, bool, bool]) -> None:
        bijgewerkt = self.context.store.zet_salience(self.context.dossier_id, partij.id, *waarden)
        gekozen = salience_type(self.context.inhoud.fase1.salience, *waarden)
        self.bewaard(f"{bijgewerkt.naam}: {gekozen.naam.lower()}.")


class _SalienceRij(w.HBox):
    """The party's name, its three boxes and the type they give."""

    def __init__(self, oefening: SalienceOefening, partij: Partij):
        self._oefening = oefening
        self.vakjes = {
            attribuut: w.Checkbox(description=label, indent=False, layout=w.Layout(width="130px"))
            for attribuut, label in _KENMERKEN
        }
        for attribuut, vakje in self.vakjes.items():
            vakje.add_class(f"wk-salience-{attribuut}")
            oefening.bij_wijziging(vakje, lambda _waarde: oefening.bewaar(partij, self.waarden()))
        self.uitkomst = w.HTML(layout=w.Layout(width="420px"))
        super().__init__([
            w.HTML(f"<b>{e(partij.naam)}</b>", layout=w.Layout(width="230px")), *self.vakjes.values(), self.uitkomst,
        ])
        self.add_class("wk-salience-rij")

    def waarden(self) -> tuple[bool, bool, bool]:
        return tuple(self.vakjes[attribuut].value for attribuut, _label in _KENMERKEN)

    def toon(self, partij: Partij, typen) -> None:
        for attribuut, vakje in self.vakjes.items():
            self._oefening.toon(vakje, bool(getattr(partij, attribuut)))
        if not partij.salience_beoordeeld:
            self.uitkomst.value = "<i>nog niet beoordeeld</i>"
            return
        gekozen, niveau = salience_uitkomst(typen, partij)
        self.uitkomst.value = f"→ <b>{e(gekozen.naam)}</b> (saillantie: {niveau})"


def salience_tabel_html(partijen: list[Partij], typen) -> str:
    rijen = []
    for partij in partijen:
        if not partij.salience_beoordeeld:
            continue
        gekozen, _niveau = salience_uitkomst(typen, partij)
        rijen.append(f"<tr><td>{e(partij.naam)}</td><td><b>{e(gekozen.naam)}</b></td>"
                     f"<td>{e(gekozen.betekenis)}</td><td>{e(gekozen.aanpak)}</td></tr>")
    if not rijen:
        return ""
    return ("<table class='wk-tabel'><thead><tr><th scope='col'>Partij</th><th scope='col'>Type</th>"
            "<th scope='col'>Wat betekent het?</th><th scope='col'>Zo betrek je haar</th></tr></thead>"
            f"<tbody>{''.join(rijen)}</tbody></table>")
