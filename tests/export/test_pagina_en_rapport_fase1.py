"""Phase 1 says the same on the page and in the Word report: the example dossier rendered through the exercises
(as a user reads them) and through the report (paragraphs and table cells). Both take the wording from
``leesmodel`` (belangen, doel, rollen); this test keeps it that way."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from hulp import alt_teksten, een, tekst

from wijkkompas_widgets.content import inhoud
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.export import exporteer_docx
from wijkkompas_widgets.leesmodel import belangen as belangen_lees
from wijkkompas_widgets.leesmodel.partijen import ALLE_SPOREN
from wijkkompas_widgets.leesmodel.rollen import TOTALEN_KOPPEN
from wijkkompas_widgets.widgets.ambities_belangen import AmbitiesBelangenOefening
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.doel import DoelOefening
from wijkkompas_widgets.widgets.machtbelang import MachtBelangOefening
from wijkkompas_widgets.widgets.partijen import PartijenOefening
from wijkkompas_widgets.widgets.rollen import RollenOefening


def schoon(waarde: str) -> str:
    """Text as a reader compares it: one space between words, none before a stop or colon (the page's bold
    'CO2-reductie</b>:' reads as 'CO2-reductie:')."""
    return re.sub(r" ([.,:;])", r"\1", " ".join(waarde.replace("\u00a0", " ").split()))


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory):
    store = DossierStore(f"sqlite:///{tmp_path_factory.mktemp('fase1') / 'dossiers.sqlite'}")
    [dossier] = store.dossiers()
    return store, dossier.id


@pytest.fixture(scope="module")
def rapport(voorbeeld):
    store, dossier_id = voorbeeld
    document = Document(io.BytesIO(exporteer_docx(store, dossier_id)))
    alineas = [schoon(p.text) for p in document.paragraphs if p.text.strip()]
    tabellen = [[[schoon(cel.text) for cel in rij.cells] for rij in tabel.rows] for tabel in document.tables]
    alt = [schoon(e.get("descr")) for e in document.element.body.iter() if e.get("descr")]  # the charts' alt texts
    return alineas, tabellen, alt


def oefening(soort, voorbeeld):
    store, dossier_id = voorbeeld
    return soort(WerkboekContext(store, inhoud(), dossier_id=dossier_id))


def test_de_belangen_hebben_dezelfde_gedeelde_botsende_en_kansen(voorbeeld, rapport):
    alineas, _tabellen, _alt = rapport
    overzicht = schoon(tekst(een(oefening(AmbitiesBelangenOefening, voorbeeld), "wk-belangen-overzicht")))
    for kop in (belangen_lees.GEDEELD_KOP, belangen_lees.BOTSEN_KOP, belangen_lees.KANSEN_KOP):
        assert kop in alineas and kop in overzicht
    koppen = [alineas.index(kop) for kop in (belangen_lees.GEDEELD_KOP, belangen_lees.BOTSEN_KOP,
                                                belangen_lees.KANSEN_KOP)]
    zinnen = alineas[koppen[0] + 1:koppen[1]] + alineas[koppen[1] + 1:koppen[2]]
    zinnen += [a for a in alineas[koppen[2] + 1:] if "kan bijdragen aan" in a]
    assert len(zinnen) >= 3 and any(z.startswith("Wederzijdse winst: ") for z in zinnen)
    for zin in zinnen:
        assert zin in overzicht, zin


def test_de_capaciteit_krijgt_hetzelfde_oordeel(voorbeeld, rapport):
    _alineas, tabellen, _alt = rapport
    [tabel] = [t for t in tabellen if t[0] == TOTALEN_KOPPEN]
    totalen = schoon(tekst(een(oefening(RollenOefening, voorbeeld), "wk-rollen-totalen")))
    assert len(tabel) > 1
    for rij in tabel[1:]:
        assert " ".join(rij) in totalen


def test_het_doel_staat_er_in_dezelfde_woorden(voorbeeld, rapport):
    alineas, _tabellen, _alt = rapport
    pagina = schoon(tekst(oefening(DoelOefening, voorbeeld)))
    [zin] = [a for a in alineas if a.startswith("Ons doel: ")]
    assert zin in pagina


def test_de_sporen_en_het_raster_zeggen_hetzelfde(voorbeeld, rapport):
    alineas, _tabellen, alt = rapport
    dekking = schoon(tekst(een(oefening(PartijenOefening, voorbeeld), "wk-spoordekking")))
    [zin] = [a for a in alineas if a.startswith("Nog niet vertegenwoordigd: spoor") or a == ALLE_SPOREN]
    assert zin.split(". ")[0] in dekking
    [raster] = alt_teksten(oefening(MachtBelangOefening, voorbeeld))
    assert schoon(raster) in alt and "invloed" in raster
