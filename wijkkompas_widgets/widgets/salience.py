"""Exercise 'Salience': per party macht, legitimiteit and urgentie → one of seven stakeholder types."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.partijen import salience_niveau, salience_type
from ..dossier import Partij
from .basis import Melding, e, veilig
from .context import WerkboekContext
from .kop import geen_dossier_html, toon_oefening


class _SalienceRij:
    def __init__(self, partij: Partij, bewaar):
        self._bijwerken = False
        self.vakjes = {
            attribuut: w.Checkbox(description=label, indent=False, layout=w.Layout(width="130px"))
            for attribuut, label in (("macht", "Macht"), ("legitimiteit", "Legitimiteit"), ("urgentie", "Urgentie"))
        }
        for attribuut, vakje in self.vakjes.items():
            vakje.add_class(f"wk-salience-{attribuut}")
            vakje.observe(lambda _c: None if self._bijwerken else bewaar(partij, self), names="value")
        self.uitkomst = w.HTML(layout=w.Layout(width="420px"))
        self.widget = w.HBox([
            w.HTML(f"<b>{e(partij.naam)}</b>", layout=w.Layout(width="230px")), *self.vakjes.values(), self.uitkomst,
        ])
        self.widget.add_class("wk-salience-rij")

    def waarden(self) -> tuple[bool, bool, bool]:
        return tuple(self.vakjes[a].value for a in ("macht", "legitimiteit", "urgentie"))

    def toon(self, partij: Partij, typen) -> None:
        self._bijwerken = True
        try:
            for attribuut, vakje in self.vakjes.items():
                vakje.value = bool(getattr(partij, attribuut))
        finally:
            self._bijwerken = False
        if not partij.salience_beoordeeld:
            self.uitkomst.value = "<i>nog niet beoordeeld</i>"
            return
        gekozen = salience_type(typen, partij.macht, partij.legitimiteit, partij.urgentie)
        niveau = salience_niveau(partij.macht, partij.legitimiteit, partij.urgentie)
        self.uitkomst.value = f"→ <b>{e(gekozen.naam)}</b> (saillantie: {niveau})"


class SalienceOefening(w.VBox):
    """Ticking a box saves the party's three attributes at once (one transaction); the table below
    explains each type and how to engage the party."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-salience")
        self.context = context
        fase1 = context.inhoud.fase1
        self._melding = Melding()
        self._rijen: dict[tuple[int, str], _SalienceRij] = {}
        self._rijen_vak = w.VBox()
        self._tabel = w.HTML()
        self._tabel.add_class("wk-salience-tabel")
        self._inhoud = w.VBox([
            w.HTML(
                "<h4>Saillantie: macht, legitimiteit en urgentie</h4>"
                f"<p>{e(fase1.salience_uitleg)} Vink per partij aan wat op haar van toepassing is. Hoe meer "
                "kenmerken, hoe meer aandacht een partij vraagt.</p>"
            ),
            self._rijen_vak, self._melding, self._tabel,
            w.HTML(f"<div class='wk-bron'>Bron: {e(fase1.salience_bron)}</div>"),
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    @veilig()
    def _herlaad(self, _change=None) -> None:
        if not toon_oefening(self):
            return
        partijen = self.context.store.partijen(self.context.dossier_id)
        sleutels = [(p.id, p.naam) for p in partijen]
        if sleutels != list(self._rijen):
            self._rijen = {(p.id, p.naam): _SalienceRij(p, self._bewaar) for p in partijen}
            self._rijen_vak.children = [r.widget for r in self._rijen.values()] or [
                w.HTML("<i>Nog geen partijen. Voeg eerst partijen toe bij 'De juiste partijen aan tafel'.</i>")
            ]
        typen = self.context.inhoud.fase1.salience
        for partij in partijen:
            self._rijen[(partij.id, partij.naam)].toon(partij, typen)
        self._tabel.value = salience_tabel_html(partijen, typen)

    @veilig()
    def _bewaar(self, partij: Partij, rij: _SalienceRij) -> None:
        bijgewerkt = self.context.store.zet_salience(self.context.dossier_id, partij.id, *rij.waarden())
        gekozen = salience_type(self.context.inhoud.fase1.salience, *rij.waarden())
        self._melding.ok(f"{bijgewerkt.naam}: {gekozen.naam.lower()}.")
        self.context.gewijzigd()


def salience_tabel_html(partijen: list[Partij], typen) -> str:
    rijen = []
    for partij in partijen:
        if not partij.salience_beoordeeld:
            continue
        gekozen = salience_type(typen, partij.macht, partij.legitimiteit, partij.urgentie)
        rijen.append(f"<tr><td>{e(partij.naam)}</td><td><b>{e(gekozen.naam)}</b></td>"
                     f"<td>{e(gekozen.betekenis)}</td><td>{e(gekozen.aanpak)}</td></tr>")
    if not rijen:
        return ""
    return ("<table class='wk-tabel'><thead><tr><th scope='col'>Partij</th><th scope='col'>Type</th>"
            "<th scope='col'>Wat betekent het?</th><th scope='col'>Zo betrek je haar</th></tr></thead>"
            f"<tbody>{''.join(rijen)}</tbody></table>")
