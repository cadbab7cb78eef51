"""Exercise 'Rollen en verwachtingen': tasks × parties with a role and hours, against capacity."""

from __future__ import annotations

import ipywidgets as w
from ipywidgets.widgets.widget_description import DescriptionStyle

from ..analysis.rollen import SOORTEN, Signaal, belasting_per_partij, signalen, uren_tekst
from ..charts.rollen import rollen_figuur
from ..dossier import Partij
from ..dossier.records import ROL_LABELS, ROLLEN, Rol, Taak, lees_uren
from ..leesmodel.rollen import GEEN_AANDACHTSPUNTEN, TOTALEN_KOPPEN, grafiek_alt, grafiek_zinvol, totalen_rijen
from .basis import BREED, VELD, e, figuur_html, tabel_html, veilig
from .context import WerkboekContext
from .machtbelang import GEEN_PARTIJEN
from .oefening import Oefening

# "" stands for "—" (no role): a value of None would show an empty dropdown instead of the dash.
_ROL_OPTIES = [("—", "")] + [(label.lower(), sleutel) for sleutel, label in ROLLEN]
_TAAK_BREEDTE = "250px"
_CEL_BREEDTE = "205px"


class _Opmaak:
    """Style and layouts shared by all cells of one matrix: a few widget models instead of a few per
    cell, so a matrix of 16 tasks × 6 parties stays quick to draw."""

    def __init__(self):
        # The label is there for screen readers (it names task and party); the header row shows it.
        self.verborgen_label = DescriptionStyle(description_width="0px")
        self.rol = w.Layout(width="125px", flex="0 0 auto")
        self.uren = w.Layout(width="70px", flex="0 0 auto")
        self.cel = w.Layout(width=_CEL_BREEDTE, flex="0 0 auto")


class RollenOefening(Oefening):
    """A matrix with one row per task and one column per party. Each cell (role + hours) is saved
    on its own as soon as it changes; after a save the cells are updated in place, so the keyboard
    focus stays where it was. The matrix is only rebuilt when tasks or parties change."""

    KLASSE = "wk-oefening-rollen"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._standaard = w.Button(
            description="Standaardtaken overnemen", icon="list",
            tooltip="De taken uit de takenlijst van dit werkboek toevoegen die nog niet in het dossier staan",
            layout=w.Layout(width="240px"),
        )
        self._standaard.add_class("wk-rollen-standaard")
        self._taaknaam = w.Text(description="Eigen taak", placeholder="bijv. Contact met scholen in de wijk",
                                style=BREED, layout=VELD)
        self._taaknaam.add_class("wk-rollen-taaknaam")
        self._taakspoor = w.Dropdown(
            description="Spoor van de taak",
            options=[(f"{s.letter} · {s.naam}", s.letter) for s in context.inhoud.sporen],
            style=BREED, layout=VELD,
        )
        self._taakspoor.add_class("wk-rollen-taakspoor")
        self._toevoegen = w.Button(description="Taak toevoegen", icon="plus", button_style="primary")
        self._toevoegen.add_class("wk-rollen-toevoegen")
        self._capaciteit = w.VBox()
        self._capaciteit.add_class("wk-rollen-capaciteit")
        self._matrix = w.VBox(layout=w.Layout(overflow="auto", max_width="100%"))
        self._matrix.add_class("wk-rollen-matrix")
        self._signalen = w.HTML()
        self._signalen.add_class("wk-rollen-signalen")
        self._totalen = w.HTML()
        self._totalen.add_class("wk-rollen-totalen")
        self._grafiek = w.HTML()
        self._grafiek.add_class("wk-rollen-grafiek")
        self.inhoud.children = [
            w.HTML(
                "Verdeel de taken van het projectteam: geef per taak aan welke partij <b>trekker</b> is "
                "(eindverantwoordelijk), wie <b>meedenker</b> is en wie <b>geïnformeerd</b> wordt, en hoeveel uur "
                "per maand elke partij erin steekt. Vul ook per partij in hoeveel uur zij echt kan inzetten."
            ),
            w.HTML("<h4>Taken</h4>"), self._standaard, self._taaknaam, self._taakspoor, self._toevoegen,
            self._melding,
            w.HTML("<h4>Capaciteit per partij</h4><div class='wk-bron'>In uren per maand. Laat het veld leeg als "
                   "je het nog niet weet.</div>"),
            self._capaciteit,
            w.HTML("<h4>Wie doet wat?</h4><div class='wk-bron'>Kies per taak en partij een rol en vul ernaast "
                   "het aantal uren per maand in; elke keuze wordt meteen opgeslagen.</div>"),
            self._matrix,
            w.HTML("<h4>Aandachtspunten</h4>"), self._signalen,
            w.HTML("<h4>Inzet tegenover capaciteit</h4>"), self._totalen, self._grafiek,
        ]
        self._taken_sleutel: tuple | None = None  # None: nothing built yet
        self._partijen_sleutel: tuple | None = None
        self._cellen: dict[tuple[int, int], _Cel] = {}
        self._capaciteitsvelden: dict[int, _CapaciteitVeld] = {}
        self._getekend: tuple | None = None
        self._standaard.on_click(self._neem_standaard_over)
        self._toevoegen.on_click(self._voeg_taak_toe)
        self.start()

    # -- loading --------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = False) -> None:
        if dossier_gewisseld:
            self._melding.wis()
        store, dossier_id = self.context.store, self.context.dossier_id
        taken, partijen, rollen = store.taken(dossier_id), store.partijen(dossier_id), store.rollen(dossier_id)
        taken_sleutel = tuple((t.id, t.naam, t.spoor, t.omschrijving) for t in taken)
        partijen_sleutel = tuple((p.id, p.naam) for p in partijen)
        if partijen_sleutel != self._partijen_sleutel:
            self._bouw_capaciteit(partijen)
        if taken_sleutel != self._taken_sleutel or partijen_sleutel != self._partijen_sleutel:
            self._bouw_matrix(taken, partijen)
        self._taken_sleutel, self._partijen_sleutel = taken_sleutel, partijen_sleutel
        per_cel = {(r.taak_id, r.partij_id): r for r in rollen}
        for sleutel, cel in self._cellen.items():
            cel.toon(per_cel.get(sleutel))
        for partij in partijen:
            self._capaciteitsvelden[partij.id].toon(partij.capaciteit_uren)
        self._toon_analyse(taken, partijen, rollen)

    def _bouw_capaciteit(self, partijen: list[Partij]) -> None:
        self._capaciteitsvelden = {p.id: _CapaciteitVeld(self, p) for p in partijen}
        self._capaciteit.children = list(self._capaciteitsvelden.values()) or [w.HTML(GEEN_PARTIJEN)]

    def _bouw_matrix(self, taken: list[Taak], partijen: list[Partij]) -> None:
        self._cellen = {}
        if not partijen or not taken:
            hint = ("Voeg eerst partijen toe bij 'De juiste partijen aan tafel'." if not partijen else
                    "Nog geen taken. Klik op 'Standaardtaken overnemen' of voeg hierboven een eigen taak toe.")
            self._matrix.children = [w.HTML(f"<i>{hint}</i>")]
            return
        opmaak = _Opmaak()
        kop = w.HBox(
            [w.HTML("<b>Taak</b>", layout=w.Layout(width=_TAAK_BREEDTE, flex="0 0 auto"))]
            + [w.HTML(f"<b class='wk-rollen-kolom'>{e(p.naam)}</b>", layout=opmaak.cel) for p in partijen]
        )
        kop.add_class("wk-rollen-kop")
        rijen = [kop]
        for taak in taken:
            cellen = []
            for partij in partijen:
                cel = _Cel(self, taak, partij, opmaak)
                self._cellen[(taak.id, partij.id)] = cel
                cellen.append(cel)
            rij = w.HBox([_TaakCel(self, taak), *cellen])
            rij.add_class("wk-rollen-rij")
            rijen.append(rij)
        self._matrix.children = rijen

    def _toon_analyse(self, taken: list[Taak], partijen: list[Partij], rollen: list[Rol]) -> None:
        spoornamen = {s.letter: s.naam for s in self.context.inhoud.sporen}
        if not taken:
            self._signalen.value = "<p><i>Nog geen taken, dus nog geen aandachtspunten.</i></p>"
        else:
            punten = signalen(taken, partijen, rollen, spoornamen)
            self._signalen.value = (signalen_html(punten) if punten else
                                    f"<p role='status'>✔ {e(GEEN_AANDACHTSPUNTEN)}</p>")
        belasting = belasting_per_partij(partijen, rollen)
        self._totalen.value = tabel_html(TOTALEN_KOPPEN, totalen_rijen(belasting)) if belasting else ""
        getekend = tuple((b.partij, b.uren, b.capaciteit) for b in belasting)
        if getekend == self._getekend:
            return  # same numbers: no need to draw the chart again
        self._getekend = getekend
        if grafiek_zinvol(belasting):
            self._grafiek.value = figuur_html(rollen_figuur(belasting), grafiek_alt(belasting), breedte="720px")
        else:
            self._grafiek.value = ("<p><i>De grafiek verschijnt zodra er uren of een capaciteit zijn "
                                   "ingevuld.</i></p>")

    # -- changes --------------------------------------------------------------------------
    def _opgeslagen(self) -> None:
        """After a save: show the result here first (quick), then let the rest of the page refresh."""
        self.laad()
        self.bewaard()

    @veilig()
    def _neem_standaard_over(self, _knop=None) -> None:
        toegevoegd = self.context.store.neem_standaardtaken_over(self.context.dossier_id)
        if toegevoegd:
            aantal = len(toegevoegd)
            self._melding.ok(f"{aantal} standaardta{'ken' if aantal != 1 else 'ak'} toegevoegd. "
                             "Verwijder wat niet bij jullie wijk past.")
        else:
            self._melding.info("Alle standaardtaken staan al in dit dossier.")
        self._opgeslagen()

    @veilig()
    def _voeg_taak_toe(self, _knop=None) -> None:
        taak = self.context.store.voeg_taak_toe(self.context.dossier_id, self._taaknaam.value, self._taakspoor.value)
        self._taaknaam.value = ""
        self._melding.ok(f"Taak '{taak.naam}' (spoor {taak.spoor}) toegevoegd.")
        self._opgeslagen()

    @veilig()
    def verwijder_taak(self, taak: Taak) -> None:
        self.context.store.verwijder_taak(self.context.dossier_id, taak.id)
        self._melding.ok(f"Taak '{taak.naam}' verwijderd.")
        self._opgeslagen()

    def zet_rol(self, cel: _Cel, rol: str | None, uren: float) -> None:
        try:
            opgeslagen = self.context.store.zet_rol(self.context.dossier_id, cel.taak.id, cel.partij.id, rol, uren)
        except Exception:
            cel.toon(cel.opgeslagen)  # show what is really saved
            raise
        cel.toon(opgeslagen)
        if opgeslagen is None:
            self._melding.ok(f"{cel.partij.naam} heeft geen rol meer bij '{cel.taak.naam}'.")
        else:
            self._melding.ok(
                f"{cel.partij.naam} is {ROL_LABELS[opgeslagen.rol].lower()} bij '{cel.taak.naam}' "
                f"({uren_tekst(opgeslagen.uren_per_maand)} uur per maand)."
            )
        self._opgeslagen()

    def zet_capaciteit(self, veld: _CapaciteitVeld, tekst: str) -> None:
        try:
            uren = lees_uren(tekst, f"De capaciteit van {veld.partij.naam}")
            partij = self.context.store.zet_capaciteit(self.context.dossier_id, veld.partij.id, uren)
        except Exception:
            veld.toon(veld.opgeslagen)
            raise
        veld.toon(partij.capaciteit_uren)
        if partij.capaciteit_uren is None:
            self._melding.ok(f"Capaciteit van {partij.naam}: onbekend.")
        else:
            self._melding.ok(f"Capaciteit van {partij.naam}: {uren_tekst(partij.capaciteit_uren)} uur per maand.")
        self._opgeslagen()


class _TaakCel(w.VBox):
    """The task's name and a remove button that asks first."""

    def __init__(self, oefening: RollenOefening, taak: Taak):
        titel = f' title="{e(taak.omschrijving)}"' if taak.omschrijving else ""
        naam = w.HTML(f"<span class='wk-rollen-taak'{titel}><b>{e(taak.naam)}</b></span> "
                      f"<span class='wk-bron'>(spoor {e(taak.spoor)})</span>")
        verwijder = w.Button(description="Verwijderen", icon="trash", tooltip=f"Taak '{taak.naam}' verwijderen",
                             layout=w.Layout(width="120px"))
        super().__init__([naam, verwijder], layout=w.Layout(width=_TAAK_BREEDTE, flex="0 0 auto"))
        self.add_class("wk-rollen-taakcel")

        def vraag_bevestiging(_knop):
            ja = w.Button(description="Ja, verwijderen", button_style="danger",
                          tooltip=f"Taak '{taak.naam}' met alle rollen erin definitief verwijderen",
                          layout=w.Layout(width="130px"))
            nee = w.Button(description="Nee", layout=w.Layout(width="60px"))
            vraag = w.HTML(f"Taak <b>{e(taak.naam)}</b> met de rollen erin verwijderen?")
            ja.on_click(lambda _k: oefening.verwijder_taak(taak))
            nee.on_click(lambda _k: setattr(self, "children", [naam, verwijder]))
            self.children = [vraag, w.HBox([ja, nee])]

        verwijder.on_click(vraag_bevestiging)


class _Cel(w.HBox):
    """Role dropdown and hours field of one party in one task."""

    def __init__(self, oefening: RollenOefening, taak: Taak, partij: Partij, opmaak: _Opmaak):
        self._oefening = oefening
        self.taak, self.partij = taak, partij
        self.opgeslagen: Rol | None = None
        self.rol = w.Dropdown(
            options=_ROL_OPTIES, value="", description=f"Rol van {partij.naam} bij {taak.naam}",
            tooltip=f"Rol van {partij.naam} bij {taak.naam}", style=opmaak.verborgen_label, layout=opmaak.rol,
        )
        self.rol.add_class("wk-rollen-rol")
        self.uren = w.FloatText(
            value=0.0, step=0.5, disabled=True, description=f"Uren per maand van {partij.naam} bij {taak.naam}",
            tooltip=f"Uren per maand van {partij.naam} bij {taak.naam}", style=opmaak.verborgen_label,
            layout=opmaak.uren,
        )
        self.uren.add_class("wk-rollen-uren")
        super().__init__([self.rol, self.uren], layout=opmaak.cel)
        self.add_class("wk-rollen-cel")

        def rol_gekozen(rol: str) -> None:
            oefening.zet_rol(self, rol or None, self.uren.value if rol else 0.0)

        def uren_gewijzigd(uren: float) -> None:
            if self.rol.value:
                oefening.zet_rol(self, self.rol.value, uren)

        oefening.bij_wijziging(self.rol, rol_gekozen)
        oefening.bij_wijziging(self.uren, uren_gewijzigd)

    def toon(self, rol: Rol | None) -> None:
        """Show the saved role without saving it again."""
        self.opgeslagen = rol
        self._oefening.toon(self.rol, rol.rol if rol is not None else "")
        self._oefening.toon(self.uren, rol.uren_per_maand if rol is not None else 0.0)
        self.uren.disabled = rol is None


class _CapaciteitVeld(w.HBox):
    """Name and capacity field of one party; empty means 'onbekend'."""

    def __init__(self, oefening: RollenOefening, partij: Partij):
        self._oefening = oefening
        self.partij = partij
        self.opgeslagen: float | None = partij.capaciteit_uren
        self.veld = w.Text(
            description="Capaciteit (uur per maand)", placeholder="onbekend", continuous_update=False,
            tooltip=f"Capaciteit van {partij.naam} in uren per maand; leeg laten als je het niet weet",
            style={"description_width": "190px"}, layout=w.Layout(width="320px"),
        )
        self.veld.add_class("wk-rollen-capaciteitsveld")
        super().__init__([w.HTML(f"<b>{e(partij.naam)}</b>", layout=w.Layout(width="280px")), self.veld])
        self.add_class("wk-rollen-capaciteitsrij")
        oefening.bij_wijziging(self.veld, lambda tekst: oefening.zet_capaciteit(self, tekst))
        self.toon(partij.capaciteit_uren)

    def toon(self, uren: float | None) -> None:
        self.opgeslagen = uren
        self._oefening.toon(self.veld, "" if uren is None else uren_tekst(uren))


def signalen_html(punten: list[Signaal]) -> str:
    """The signals grouped by kind; long groups start folded so the list stays readable."""
    delen = [f"<p role='status'><b>{len(punten)} aandachtspunt{'en' if len(punten) != 1 else ''}</b></p>"]
    for soort, (enkelvoud, meervoud) in SOORTEN.items():
        groep = [p for p in punten if p.soort == soort]
        if not groep:
            continue
        items = "".join(f"<li class='wk-signaal-{soort}'>⚠ {e(p.tekst)}</li>" for p in groep)
        open_ = " open" if len(groep) <= 5 else ""
        delen.append(f"<details{open_}><summary>⚠ {len(groep)} {enkelvoud if len(groep) == 1 else meervoud}"
                     f"</summary><ul>{items}</ul></details>")
    return "".join(delen)
