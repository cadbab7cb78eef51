"""Exercise 'De juiste partijen aan tafel': add, edit and remove parties; see which sporen are missing."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.partijen import spoordekking
from ..content import SPOOR_LETTERS
from ..dossier import Partij, PartijInvoer
from ..leesmodel.partijen import ALLE_SPOREN, ontbrekende_sporen_zin
from .basis import BREED, VELD, e, veilig
from .context import WerkboekContext
from .oefening import Oefening

_GEEN_PARTIJEN = "<i>Nog geen partijen. Voeg hierboven de eerste partij toe.</i>"


class PartijenOefening(Oefening):
    """A form for one party, the list of parties with edit/remove, and the spoor coverage.

    Every click that changes something is one store transaction; after it the list is reloaded
    from the store, so what is shown is what is saved."""

    KLASSE = "wk-oefening-partijen"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        typen = context.inhoud.partijtypen
        self._naam = w.Text(description="Naam", placeholder="bijv. Woningcorporatie De Wijk", style=BREED, layout=VELD)
        self._naam.add_class("wk-partij-naam")
        self._type = w.Dropdown(
            description="Soort partij", options=[(t.naam, t.id) for t in typen], style=BREED, layout=VELD
        )
        self._type.add_class("wk-partij-type")
        self._organisatie = w.Text(description="Organisatie", style=BREED, layout=VELD)
        self._contactrol = w.Text(description="Contactpersoon (rol)", placeholder="bijv. projectleider",
                                  style=BREED, layout=VELD)
        self._sporen = {
            letter: w.Checkbox(description=f"{letter} · {context.inhoud.spoor(letter).naam}", indent=False,
                               layout=w.Layout(width="330px"))
            for letter in SPOOR_LETTERS
        }
        for letter, vakje in self._sporen.items():
            vakje.add_class(f"wk-spoor-{letter}")
        self._type_hint = w.HTML()
        self._type_hint.add_class("wk-partij-type-hint")
        self._opslaan = w.Button(description="Partij toevoegen", button_style="primary", icon="plus")
        self._opslaan.add_class("wk-partij-opslaan")
        self._annuleer = w.Button(description="Annuleren", layout=w.Layout(display="none"))
        self._lijst = w.VBox()
        self._lijst.add_class("wk-partijenlijst")
        self._dekking = w.HTML()
        self._dekking.add_class("wk-spoordekking")
        self._bewerk: Partij | None = None
        self._formulier_kop = w.HTML("<b>Partij toevoegen</b>")
        sporen_raster = w.GridBox(
            list(self._sporen.values()), layout=w.Layout(grid_template_columns="repeat(2, 340px)")
        )
        self.inhoud.children = [
            self._formulier_kop,
            self._naam, self._type, self._type_hint, self._organisatie, self._contactrol,
            w.HTML("Voor welke sporen staat deze partij?"), sporen_raster,
            w.HBox([self._opslaan, self._annuleer]), self._melding,
            w.HTML("<h4>Partijen in dit dossier</h4>"), self._lijst,
            w.HTML("<h4>Welke sporen zijn vertegenwoordigd?</h4>"), self._dekking,
        ]
        self._type.observe(lambda change: self._toon_type_hint(change["new"]), names="value")
        self.bij_wijziging(self._type, self._vink_gebruikelijke_sporen)
        self._opslaan.on_click(self._bewaar)
        self._annuleer.on_click(self._stop_bewerken)
        self._toon_type_hint(self._type.value)
        self._vink_gebruikelijke_sporen(self._type.value)
        self.start()

    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._stop_bewerken()
        partijen = self.context.store.partijen(self.context.dossier_id)
        self._lijst.children = [self._rij(p) for p in partijen] or [w.HTML(_GEEN_PARTIJEN)]
        self._dekking.value = dekking_html(partijen, self.context)

    # -- form -----------------------------------------------------------------------------
    def _invoer(self) -> PartijInvoer:
        return PartijInvoer(
            naam=self._naam.value,
            type=self._type.value,
            organisatie=self._organisatie.value,
            contactrol=self._contactrol.value,
            sporen=tuple(letter for letter, vakje in self._sporen.items() if vakje.value),
        )

    def _toon_type_hint(self, type_id: str) -> None:
        partijtype = self.context.inhoud.partijtype(type_id)
        if partijtype is not None:
            gebruikelijk = ", ".join(partijtype.sporen) or "geen vast spoor"
            self._type_hint.value = (f"<div class='wk-bron'>{e(partijtype.omschrijving)} "
                                     f"Meestal: {e(gebruikelijk)}.</div>")

    def _vink_gebruikelijke_sporen(self, type_id: str) -> None:
        """A chosen kind of party ticks the sporen it usually stands for; the user can change them after."""
        partijtype = self.context.inhoud.partijtype(type_id)
        if partijtype is not None:
            for letter, vakje in self._sporen.items():
                vakje.value = letter in partijtype.sporen

    def _leeg_formulier(self) -> None:
        self._naam.value = ""
        self._organisatie.value = ""
        self._contactrol.value = ""
        self._vink_gebruikelijke_sporen(self._type.value)

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        if self._bewerk is None:
            partij = store.voeg_partij_toe(dossier_id, self._invoer())
            tekst = f"Partij '{partij.naam}' toegevoegd."
        else:
            partij = store.wijzig_partij(dossier_id, self._bewerk.id, self._invoer(), self._bewerk.versie)
            tekst = f"Wijzigingen van '{partij.naam}' opgeslagen."
            self._stop_bewerken(wis_melding=False)
        self._leeg_formulier()
        self.bewaard(tekst)

    def _begin_bewerken(self, partij: Partij) -> None:
        self._bewerk = partij
        self._naam.value = partij.naam
        self.toon(self._type, partij.type if self.context.inhoud.partijtype(partij.type) else "overig")
        self._organisatie.value = partij.organisatie
        self._contactrol.value = partij.contactrol
        for letter, vakje in self._sporen.items():
            vakje.value = letter in partij.sporen
        self._formulier_kop.value = f"<b>Partij bewerken: {e(partij.naam)}</b>"
        self._opslaan.description = "Wijzigingen opslaan"
        self._opslaan.icon = "check"
        self._annuleer.layout.display = "inline-flex"
        self._melding.info(f"Je bewerkt nu '{partij.naam}'. Klik op 'Wijzigingen opslaan' als je klaar bent.")

    def _stop_bewerken(self, _knop=None, wis_melding: bool = True) -> None:
        self._bewerk = None
        self._formulier_kop.value = "<b>Partij toevoegen</b>"
        self._opslaan.description = "Partij toevoegen"
        self._opslaan.icon = "plus"
        self._annuleer.layout.display = "none"
        if wis_melding:
            self._melding.wis()
            self._leeg_formulier()

    # -- list -----------------------------------------------------------------------------
    def _rij(self, partij: Partij) -> w.Widget:
        partijtype = self.context.inhoud.partijtype(partij.type)
        details = [partijtype.naam if partijtype else partij.type]
        if partij.organisatie:
            details.append(partij.organisatie)
        if partij.contactrol:
            details.append(f"contact: {partij.contactrol}")
        sporen = ", ".join(partij.sporen) if partij.sporen else "geen spoor"
        tekst = w.HTML(
            f"<span class='wk-partij-label'><b>{e(partij.naam)}</b></span> — {e(' · '.join(details))} "
            f"<span class='wk-bron'>(spoor: {e(sporen)})</span>",
            layout=w.Layout(width="560px"),
        )
        bewerk = w.Button(description="Bewerken", icon="pencil", tooltip=f"{partij.naam} bewerken",
                          layout=w.Layout(width="110px"))
        verwijder = w.Button(description="Verwijderen", icon="trash", tooltip=f"{partij.naam} verwijderen",
                             layout=w.Layout(width="120px"))
        rij = w.HBox([tekst, bewerk, verwijder])
        rij.add_class("wk-partij-rij")

        def vraag_bevestiging(_knop):
            ja = w.Button(description="Ja, verwijderen", button_style="danger",
                          tooltip=f"{partij.naam} definitief verwijderen")
            nee = w.Button(description="Nee, bewaren")
            vraag = w.HTML(f"Weet je zeker dat je <b>{e(partij.naam)}</b> wilt verwijderen?")
            ja.on_click(lambda _k: self._verwijder(partij))
            nee.on_click(lambda _k: setattr(rij, "children", [tekst, bewerk, verwijder]))
            rij.children = [tekst, vraag, ja, nee]

        bewerk.on_click(lambda _k: self._begin_bewerken(partij))
        verwijder.on_click(vraag_bevestiging)
        return rij

    @veilig()
    def _verwijder(self, partij: Partij) -> None:
        self.context.store.verwijder_partij(self.context.dossier_id, partij.id)
        if self._bewerk is not None and self._bewerk.id == partij.id:
            self._stop_bewerken()
        self.bewaard(f"Partij '{partij.naam}' verwijderd.")


def dekking_html(partijen: list[Partij], context: WerkboekContext) -> str:
    """Table spoor → parties, with a ✔/✖ word so the gap is clear without colour."""
    dekking = spoordekking(partijen)
    rijen = []
    for letter, namen in dekking.items():
        spoor = context.inhoud.spoor(letter)
        if namen:
            status = f"✔ vertegenwoordigd door {e(', '.join(namen))}"
        else:
            status = "<b>✖ nog niemand</b> — zoek een partij voor dit spoor"
        rijen.append(f"<tr><td>{letter}</td><td>{e(spoor.naam)}</td><td>{status}</td></tr>")
    ontbrekend = [letter for letter, namen in dekking.items() if not namen]
    if ontbrekend:
        samenvatting = (
            f"<p role='status'><b>{ontbrekende_sporen_zin(ontbrekend)}</b> "
            "Een wijkaanpak heeft alle sporen nodig; bedenk wie deze kant kan inbrengen.</p>"
        )
    else:
        samenvatting = f"<p role='status'>✔ {ALLE_SPOREN}</p>"
    return (
        samenvatting
        + "<table class='wk-tabel'><thead><tr><th scope='col'>Spoor</th><th scope='col'>Naam</th>"
        "<th scope='col'>Vertegenwoordigd?</th></tr></thead><tbody>" + "".join(rijen) + "</tbody></table>"
    )
