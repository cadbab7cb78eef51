"""The dossier leaves the app and comes back: Word, Excel and JSON downloads, and importing a JSON backup.

The files are made by ``wijkkompas_widgets.export``, which the page passes in (``werkboek.uitwisseling``): a
widget never imports an export, and the export package loads python-docx, openpyxl and the charts only when a
button asks for a file, so the pages that show these buttons load as fast as before."""

from __future__ import annotations

from typing import Protocol

import ipywidgets as w

from ..dossier.model import InvoerFout
from .basis import Melding, e, knop, veilig
from .context import WerkboekContext
from .workshop_live import download_link

WELKOM_PAGINA = "00_welkom.ipynb"

# file extension → (button text, export function of the ``Uitwisselaar``, what the file is)
FORMATEN = {
    "docx": ("Word-rapport (.docx)", "exporteer_docx", "Het Word-rapport"),
    "xlsx": ("Excel-werkboek (.xlsx)", "exporteer_xlsx", "Het Excel-werkboek"),
    "json": ("Reservekopie (.json)", "exporteer_json", "De reservekopie"),
}
BEZIG = "Bezig…"


class Uitwisselaar(Protocol):
    """What the buttons need from the export package (``wijkkompas_widgets.export`` is one)."""

    MAX_IMPORT: int
    MIME: dict[str, str]  # file extension → MIME type

    def exporteer_docx(self, store, dossier_id: str) -> bytes: ...
    def exporteer_xlsx(self, store, dossier_id: str) -> bytes: ...
    def exporteer_json(self, store, dossier_id: str) -> bytes: ...
    def importeer_json(self, store, data: bytes, naam: str): ...
    def bestandsnaam(self, dossier, soort: str) -> str: ...


class DossierUitwisseling(w.VBox):
    """Download buttons for the open dossier and (optionally) an upload that imports a JSON backup as a new
    dossier. A file is built on click, not in advance: the Word report takes a few seconds."""

    def __init__(self, context: WerkboekContext, uitwisselaar: Uitwisselaar, *, importeren: bool = True,
                 pagina: str = WELKOM_PAGINA):
        super().__init__()
        self.add_class("wk-uitwisseling")
        self.context = context
        self._uitwisselaar = uitwisselaar
        self._pagina = pagina
        self._melding = Melding()
        self._melding.add_class("wk-uitwisseling-melding")
        self._knoppen: dict[str, w.Button] = {}
        self._links: dict[str, w.HTML] = {}
        rijen = []
        for soort, (tekst, *_rest) in FORMATEN.items():
            nieuwe_knop = knop(tekst, f"wk-export-{soort}", icon="download", layout=w.Layout(width="220px"),
                               tooltip=f"Maak een {tekst} van het geopende dossier")
            nieuwe_knop.on_click(lambda _k, soort=soort: self.maak_bestand(soort))
            link = w.HTML()
            link.add_class(f"wk-uitwisseling-link-{soort}")
            self._knoppen[soort], self._links[soort] = nieuwe_knop, link
            rijen.append(w.HBox([nieuwe_knop, link], layout=w.Layout(align_items="center")))
        self._uitleg = w.HTML(
            "<div class='wk-bron'>Klik op een knop: het bestand wordt gemaakt van het dossier zoals het nu is, en "
            "ernaast verschijnt een link om het op te slaan.</div>"
        )
        delen: list[w.Widget] = [self._uitleg, *rijen, self._melding]

        self._import_melding = Melding()
        self._import_melding.add_class("wk-import-melding")
        self._import_link = w.HTML()
        self._import_link.add_class("wk-import-link")
        self._upload = w.FileUpload(accept=".json", multiple=False, description="Dossier importeren",
                                    tooltip="Kies een reservekopie (.json) van een wijkdossier",
                                    layout=w.Layout(width="220px"))
        self._upload.add_class("wk-import-upload")
        self._importeert = False
        if importeren:
            self._upload.observe(self._geupload, names="value")
            delen += [
                w.HTML("<h4>Dossier importeren</h4><div class='wk-bron'>Heb je een reservekopie (.json) van een "
                       "wijkdossier, van deze of een andere computer? Kies het bestand; het wordt een nieuw "
                       "dossier naast de dossiers die er al zijn. Er wordt niets overschreven.</div>"),
                self._upload, self._import_melding, self._import_link,
            ]
        self.children = delen
        context.observe(self._dossier_gewisseld, names="dossier_id")
        context.observe(self._dossier_gewijzigd, names="revisie")
        self._zet_knoppen()

    # -- downloads ---------------------------------------------------------------------------
    def _zet_knoppen(self, bezig: str | None = None) -> None:
        kan = self.context.store is not None and self.context.dossier_id is not None
        for soort, nieuwe_knop in self._knoppen.items():
            nieuwe_knop.disabled = not kan or bezig is not None
            nieuwe_knop.description = BEZIG if soort == bezig else FORMATEN[soort][0]
        self._upload.disabled = self.context.store is None

    def _wis_links(self) -> None:
        for link in self._links.values():
            link.value = ""

    def _dossier_gewisseld(self, _change=None) -> None:
        """Another dossier: the links held the old one's files, so they go."""
        self._wis_links()
        self._melding.wis()
        self._zet_knoppen()

    def _dossier_gewijzigd(self, _change=None) -> None:
        """A change elsewhere on the page makes a file made before it out of date."""
        if not self._importeert and any(link.value for link in self._links.values()):
            self._wis_links()
            self._melding.info("Het dossier is gewijzigd; maak het bestand opnieuw om de wijziging mee te nemen.")

    @veilig()
    def maak_bestand(self, soort: str) -> None:
        """Build one file for the open dossier and show it as a download link."""
        _tekst, functie, wat = FORMATEN[soort]
        dossier = self.context.dossier()
        if dossier is None:
            raise InvoerFout("Er is geen dossier geopend. Kies eerst een dossier.")
        self._melding.info(f"{wat} wordt gemaakt…")
        self._links[soort].value = ""
        self._zet_knoppen(bezig=soort)
        try:
            data = getattr(self._uitwisselaar, functie)(self.context.store, dossier.id)
            naam = self._uitwisselaar.bestandsnaam(dossier, soort)
        finally:
            self._zet_knoppen()
        self._links[soort].value = download_link(data, naam, f"{naam} opslaan", mime=self._uitwisselaar.MIME[soort])
        self._melding.ok(f"{wat} is klaar: klik op de link ernaast om het op te slaan.")

    # -- import ------------------------------------------------------------------------------
    @veilig("_import_melding")
    def _geupload(self, change) -> None:
        bestanden = change["new"]
        if not bestanden:
            return
        self._import_link.value = ""
        try:
            dossier = self.importeer(bestanden[0])
        finally:
            self._upload.value = ()  # free the memory; the same file can be chosen again
        self._import_melding.ok(f"Dossier '{dossier.naam}' is geïmporteerd als nieuw dossier.")
        self._import_link.value = (
            f"<a href='{e(self._pagina)}?dossier={e(dossier.id)}' class='wk-link-geimporteerd'>"
            f"Open het geïmporteerde dossier '{e(dossier.naam)}' →</a>"
        )
        self._importeert = True  # the open dossier did not change: its download links stay valid
        try:
            self.context.gewijzigd()  # the dossier header's list now shows the new dossier
        finally:
            self._importeert = False

    def importeer(self, bestand: dict):
        """One file as FileUpload holds it → a new dossier. The size is checked before anything is read."""
        maximum = self._uitwisselaar.MAX_IMPORT
        naam = str(bestand.get("name") or "bestand.json")
        inhoud = bestand.get("content") or b""
        grootte = bestand.get("size")
        if (isinstance(grootte, int) and grootte > maximum) or len(inhoud) > maximum:
            raise InvoerFout(f"'{naam}' is groter dan {maximum // (1024 * 1024)} MB en is niet ingelezen; "
                             "een reservekopie van een wijkdossier is veel kleiner. Kies het juiste bestand.")
        return self._uitwisselaar.importeer_json(self.context.store, bytes(inhoud), naam)
