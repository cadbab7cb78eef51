"""Exercise 'Transitieopgaven in de wijk' (knooppunt f2-transitieopgaven): urgency and ambition per opgave,
with figures from the wijkprofiel beside the opgave they bear on. Every choice is saved as it is made, one field
of the form at a time."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.opgaven import (
    Beoordeling,
    aandachtspunten,
    beoordelingen_uit_dict,
    controleer_beoordeling,
    hints_voor_opgaven,
    ingevuld,
)
from ..analysis.wijkprofiel import opmaak
from ..charts.opgaven import opgaven_figuur
from ..dossier import formulieren
from ..leesmodel.wijkprofiel import profiel_van_dossier
from .basis import e, figuur_html
from .context import WerkboekContext
from .formulier import FormulierOefening

_RICHTING = {"hoger": "▲ hoger dan {ref}", "lager": "▼ lager dan {ref}", "gelijk": "≈ ongeveer als {ref}"}


class _OpgaveRij(w.VBox):
    """One opgave: what it is about, the figures that bear on it, and the team's scores."""

    def __init__(self, opgave, urgentie_opties, ambitie_opties):
        super().__init__()
        self.add_class("wk-opgave-rij")
        self.add_class(f"wk-opgave-{opgave.id}")
        self.opgave = opgave
        deelthemas = ", ".join(e(t) for t in opgave.deelthemas)
        self._titel = w.HTML(
            f"<h4 style='margin:8px 0 2px 0'>{e(opgave.naam)}</h4><div>{e(opgave.omschrijving)}</div>"
            f"<div class='wk-bron'>Deelthema's: {deelthemas}</div>"
        )
        self.hints = w.HTML()
        self.urgentie = w.Dropdown(options=urgentie_opties, value=None, description="Urgentie in deze wijk",
                                   style={"description_width": "150px"}, layout=w.Layout(width="360px"))
        self.ambitie = w.Dropdown(options=ambitie_opties, value=None, description="Onze ambitie",
                                  style={"description_width": "110px"}, layout=w.Layout(width="360px"))
        self.toelichting = w.Text(description="Toelichting", continuous_update=False,
                                  placeholder="Waarom deze keuze? (wordt opgeslagen als je het veld verlaat)",
                                  style={"description_width": "150px"}, layout=w.Layout(width="730px"))
        self.children = [self._titel, self.hints, w.HBox([self.urgentie, self.ambitie]), self.toelichting]


class TransitieopgavenOefening(FormulierOefening):
    """Six opgaven, each scored on urgency and ambition (1–5); a chart and the gaps worth discussing. The hints
    follow the wijkprofiel, which another exercise on the page may change (hence also ``revisie``)."""

    SLEUTEL = formulieren.TRANSITIEOPGAVEN
    KLASSE = "wk-oefening-opgaven"
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        fase2 = context.inhoud.fase2
        urgentie_opties = [("– nog niet gekozen –", None)] + [(f"{n.waarde} · {n.label}", n.waarde)
                                                             for n in fase2.urgentie]
        ambitie_opties = [("– nog niet gekozen –", None)] + [(f"{n.waarde} · {n.label}", n.waarde)
                                                            for n in fase2.ambitie]
        self._opgaven = list(context.inhoud.opgaven)
        self._opgave_ids = [o.id for o in self._opgaven]
        self._rijen = {o.id: _OpgaveRij(o, urgentie_opties, ambitie_opties) for o in self._opgaven}
        for opgave_id, rij in self._rijen.items():
            for veld, control in (("urgentie", rij.urgentie), ("ambitie", rij.ambitie),
                                  ("toelichting", rij.toelichting)):
                self.bij_wijziging(control, lambda waarde, i=opgave_id, v=veld: self._bewaar(i, v, waarde))
        schaaluitleg = "".join(
            f"<tr><td>{n.waarde}</td><td>{e(u.label)}: {e(u.uitleg)}</td><td>{e(n.label)}: {e(n.uitleg)}</td></tr>"
            for u, n in zip(fase2.urgentie, fase2.ambitie, strict=True)
        )
        self._uitleg = w.HTML(
            "<p>Geef per opgave aan hoe <b>urgent</b> die in deze wijk is en hoeveel <b>ambitie</b> jullie "
            "erin leggen. Cijfers uit het wijkprofiel staan erbij waar ze iets zeggen over de opgave; "
            "vergelijk ze met wat jullie zelf in de wijk zien.</p>"
            "<details><summary>Wat betekenen de schalen?</summary><table class='wk-tabel'><thead><tr>"
            "<th scope='col'>Waarde</th><th scope='col'>Urgentie</th><th scope='col'>Ambitie</th></tr></thead>"
            f"<tbody>{schaaluitleg}</tbody></table></details>"
        )
        self._figuur = w.HTML()
        self._figuur.add_class("wk-opgaven-figuur")
        self._aandacht = w.HTML()
        self._aandacht.add_class("wk-opgaven-aandacht")
        self.inhoud.children = [self._uitleg, *self._rijen.values(), self._melding, self._figuur, self._aandacht]
        self._laatste_figuur = None
        self._laatste_profiel = None
        self.start()

    # -- loading ------------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = True) -> None:
        if dossier_gewisseld:
            self._laatste_profiel = None
            self._melding.wis()
            self._toon(self._formulier.laad())
        self._ververs_hints()

    def _toon(self, gegevens: dict) -> None:
        """Put saved values in the fields without saving them again."""
        beoordelingen = beoordelingen_uit_dict(gegevens, self._opgave_ids)
        for opgave_id, b in beoordelingen.items():
            rij = self._rijen[opgave_id]
            self.toon(rij.urgentie, b.urgentie)
            self.toon(rij.ambitie, b.ambitie)
            self.toon(rij.toelichting, b.toelichting)
        self._toon_resultaat(beoordelingen)

    def _ververs_hints(self) -> None:
        """The wijkprofiel's figures per opgave; redrawn only when the profile changed."""
        profiel = profiel_van_dossier(self.context.store, self.context.dossier_id)
        sleutel = None if profiel is None else (profiel.regiocode, profiel.bron, profiel.regels)
        if sleutel == self._laatste_profiel and self._laatste_profiel is not None:
            return
        self._laatste_profiel = sleutel
        hints = hints_voor_opgaven(profiel, opmaak)
        for opgave_id, rij in self._rijen.items():
            rij.hints.value = hints_html(hints.get(opgave_id, []), profiel)

    def _toon_resultaat(self, beoordelingen: dict[str, Beoordeling]) -> None:
        namen = {o.id: o.naam for o in self._opgaven}
        rijen = [(o.naam, beoordelingen[o.id].urgentie, beoordelingen[o.id].ambitie) for o in self._opgaven]
        if rijen != self._laatste_figuur:
            self._laatste_figuur = rijen
            beschrijving = "; ".join(
                f"{naam}: urgentie {u if u is not None else 'nog niet gekozen'}, "
                f"ambitie {a if a is not None else 'nog niet gekozen'}" for naam, u, a in rijen
            )
            self._figuur.value = figuur_html(opgaven_figuur(rijen), f"Urgentie en ambitie per opgave. {beschrijving}")
        punten = aandachtspunten(beoordelingen, namen)
        klaar = ingevuld(beoordelingen)
        tekst = f"<p><b>{klaar} van de {len(rijen)}</b> opgaven hebben een urgentie én een ambitie.</p>"
        if punten:
            tekst += "<p><b>Om te bespreken:</b></p><ul>" + "".join(f"<li>{e(p.tekst)}</li>" for p in punten) + "</ul>"
        self._aandacht.value = tekst

    # -- saving -------------------------------------------------------------------------------
    def _bewaar(self, opgave_id: str, veld: str, waarde) -> None:
        huidig = beoordelingen_uit_dict(self.gegevens, self._opgave_ids)[opgave_id]
        nieuw = controleer_beoordeling(Beoordeling(**{**huidig.__dict__, veld: waarde}), self._opgave_ids)
        self._zet((opgave_id, veld), getattr(nieuw, veld))
        naam = next(o.naam for o in self._opgaven if o.id == opgave_id)
        self._melding.ok(f"{naam}: {veld} opgeslagen.")


def hints_html(hints, profiel) -> str:
    if profiel is None:
        return ("<div class='wk-bron'>ℹ Kies eerst een wijk bij het knooppunt 'Wijkprofiel'; dan staan hier de "
                "cijfers die bij deze opgave horen.</div>")
    if not hints:
        return (f"<div class='wk-bron'>Het wijkprofiel van {e(profiel.naam)} heeft geen cijfers die direct bij "
                "deze opgave horen. Gebruik hier vooral wat jullie in de wijk zien en horen.</div>")
    regels = "".join(
        f"<li><b>{e(h.label)}</b> ({e(_RICHTING[h.richting].format(ref=h.vergeleken_met))}): "
        f"{e(h.cijfers)}. {e(h.duiding)}</li>"
        for h in hints
    )
    return (f"<div class='wk-opgave-hints'><div class='wk-bron'>Uit het wijkprofiel van {e(profiel.naam)} "
            f"({e(profiel.bron)}):</div><ul style='margin:2px 0'>{regels}</ul></div>")
