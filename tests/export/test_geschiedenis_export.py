"""The history leaves the app with the dossier: the Word report has 'Geschiedenis van het dossier' (the newest lines,
with a note when there are more) and names who recorded each besluit; the JSON backup carries the history with the
authors' names but no account ids, members or accounts; importing keeps the history, adds one line for the restore
and makes the importing user the eigenaar. A backup from before the history (schema 0006) still imports."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document
from voorbeelden import account

from wijkkompas_widgets.dossier import GeenToegang, InvoerFout, PartijInvoer
from wijkkompas_widgets.export import exporteer_docx, exporteer_json, importeer_json, json_dossier
from wijkkompas_widgets.leesmodel import geschiedenis as geschiedenis_lees
from wijkkompas_widgets.leesmodel.besluitenlog import KOPPEN as LOG_KOPPEN

pytestmark = pytest.mark.beide_backends



def tabel_met_kop(document, kop) -> list[list[str]]:
    [tabel] = [t for t in document.tables if [c.text for c in t.rows[0].cells] == list(kop)]
    return [[c.text for c in rij.cells] for rij in tabel.rows]


@pytest.fixture
def team(lege_store):
    anna = account(lege_store, "anna", "Anna de Vries")
    bram = account(lege_store, "bram", "Bram Bakker")
    als_anna, als_bram = lege_store.als(anna), lege_store.als(bram)
    dossier = als_anna.maak_dossier("Teamwijk", "Oost", "Delft")
    als_anna.zet_lid(dossier.id, bram.naam, "bewerker")
    als_bram.voeg_partij_toe(dossier.id, PartijInvoer("Woonplus", "woningcorporatie"))
    als_bram.leg_besluit_vast(dossier.id, "Warmtenet onderzoeken", "Kernteam", "Goedkoopst voor bewoners.")
    als_anna.zet_status(dossier.id, "f1-regierol", "gestart")
    return {"store": lege_store, "anna": anna, "bram": bram, "dossier": dossier}


def test_het_rapport_heeft_de_geschiedenis_en_noemt_wie_besloot(team):
    store, anna, dossier = team["store"], team["anna"], team["dossier"]
    document = Document(io.BytesIO(exporteer_docx(store.als(anna), dossier.id)))
    koppen = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert koppen.index("Besluitenlog") < koppen.index("Geschiedenis van het dossier") < koppen.index("Bronnen")
    rijen = tabel_met_kop(document, geschiedenis_lees.KOPPEN)[1:]
    assert len(rijen) == len(store.geschiedenis(dossier.id))
    assert rijen[0][1] == "Anna de Vries" and "gestart" in rijen[0][3].lower()  # newest first
    partij = next(r for r in rijen if "Woonplus" in r[3])
    assert partij[1] == "Bram Bakker" and partij[2] == "De juiste partijen aan tafel"
    assert "Teamwijk" in rijen[-1][3]  # oldest last: the dossier was made
    tekst = "\n".join(p.text for p in document.paragraphs)
    assert "nieuwste wijzigingen" not in tekst  # all of it fits: no note
    log = tabel_met_kop(document, LOG_KOPPEN)
    assert log[1][LOG_KOPPEN.index("Vastgelegd door")] == "Bram Bakker"


def test_een_lange_geschiedenis_staat_ingekort_in_het_rapport_met_een_opmerking(team, monkeypatch):
    store, dossier = team["store"], team["dossier"]
    monkeypatch.setattr(geschiedenis_lees, "IN_RAPPORT", 3)
    document = Document(io.BytesIO(exporteer_docx(store, dossier.id)))
    assert len(tabel_met_kop(document, geschiedenis_lees.KOPPEN)) == 1 + 3
    tekst = "\n".join(p.text for p in document.paragraphs)
    assert "Hier staan de 3 nieuwste wijzigingen" in tekst


def test_de_reservekopie_neemt_de_geschiedenis_mee_maar_geen_accounts(team):
    store, anna, bram, dossier = team["store"], team["anna"], team["bram"], team["dossier"]
    document = json.loads(exporteer_json(store.als(anna), dossier.id))
    tabellen = document["tabellen"]
    assert not {"dossier_lid", "gebruiker", "aanmeldsessie"} & set(tabellen)
    historie = tabellen["wijziging"]
    assert len(historie) == len(store.geschiedenis(dossier.id))
    assert all("gebruiker_id" not in rij for rij in historie)
    assert {"Anna de Vries", "Bram Bakker"} <= {rij["auteur"] for rij in historie}
    assert b"anna" not in json.dumps([rij["auteur"] for rij in historie]).encode()  # names shown, no login keys

    # imported elsewhere by Cora: the history is kept, one line says who restored it, and Cora is its eigenaar
    cora = account(store, "cora", "Cora Jansen")
    kopie = importeer_json(store.als(cora), exporteer_json(store, dossier.id), "teamwijk.json")
    regels = store.als(cora).geschiedenis(kopie.id)
    assert regels[0].regel == "Teruggezet uit reservekopie teamwijk.json door Cora Jansen"
    assert regels[0].auteur == "Cora Jansen"
    oud = store.geschiedenis(dossier.id)
    assert [(r.auteur, r.regel, r.moment) for r in regels[1:]] == [(r.auteur, r.regel, r.moment) for r in oud]
    assert all(r.gebruiker == "" for r in regels[1:])  # the accounts of the backup's server are not ours
    assert store.als(cora).rol(kopie.id) == "eigenaar"
    assert [lid.gebruiker for lid in store.als(cora).leden(kopie.id)] == ["cora"]
    with pytest.raises(GeenToegang):
        store.als(bram).dossier(kopie.id)


def test_een_reservekopie_van_voor_de_geschiedenis_wordt_nog_ingelezen(team):
    store, dossier = team["store"], team["dossier"]
    document = json.loads(exporteer_json(store, dossier.id))
    # the same dossier as a werkboek of schema 0006 wrote it: no history, no author of a besluit
    document["schema"] = "0006"
    del document["tabellen"]["wijziging"]
    for besluit in document["tabellen"]["besluit"]:
        del besluit["auteur"]
    assert "0006" in json_dossier.bekende_versies()
    kopie = importeer_json(store, json.dumps(document).encode(), "oud.json")
    assert [p.naam for p in store.partijen(kopie.id)] == ["Woonplus"]
    assert store.besluiten(kopie.id)[0].auteur == ""
    regels = [r.regel for r in store.geschiedenis(kopie.id)]
    assert regels[0].startswith("Teruggezet uit reservekopie oud.json door ")
    assert any("overgezet" in r for r in regels[1:])


def test_een_reservekopie_met_een_account_nummer_wordt_geweigerd(team):
    store, dossier = team["store"], team["dossier"]
    document = json.loads(exporteer_json(store, dossier.id))
    document["tabellen"]["wijziging"][0]["gebruiker_id"] = 1
    with pytest.raises(InvoerFout, match="onbekend veld 'gebruiker_id'"):
        importeer_json(store, json.dumps(document).encode(), "vreemd.json")


def test_een_reservekopie_van_het_voorbeeld_wordt_op_een_server_een_gewoon_eigen_dossier(store):
    """Otherwise anyone could make a 'second example dossier' that every user of the server can read."""
    [voorbeeld] = store.dossiers()
    document = json.loads(exporteer_json(store, voorbeeld.id))
    assert document["dossier"]["is_voorbeeld"] is True
    eva = account(store, "eva", "Eva")
    kopie = importeer_json(store.als(eva), json.dumps(document).encode(), "voorbeeld.json")
    assert not kopie.is_voorbeeld and store.als(eva).rol(kopie.id) == "eigenaar"
    frank = account(store, "frank", "Frank")
    assert kopie.id not in {d.id for d in store.als(frank).dossiers()}
