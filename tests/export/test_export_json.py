"""The complete dossier as JSON: export → import → export gives the same file, the copy reads the same through
the store, bad files are refused with a Dutch message and change nothing, older schema versions are migrated."""

from __future__ import annotations

import copy
import dataclasses
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import MetaData, func, insert, select, text

from wijkkompas_widgets.dossier import InvoerFout, OnbekendDossier, PartijInvoer, schema
from wijkkompas_widgets.dossier.store import DossierStore, _maak_engine, migreer_naar
from wijkkompas_widgets.export import MAX_IMPORT, bestandsnaam, exporteer_json, importeer_json, json_dossier

pytestmark = pytest.mark.beide_backends
PIN = "4711"


# -- a dossier with everything in it ------------------------------------------------------------------------------
@pytest.fixture
def volledig(store) -> str:
    """The example dossier (every phase filled) plus what it lacks: an own belang, signed agreements, a workshop
    with answers and an adopted round, a withdrawn weighting, a chosen strategy, a correction in the log; and
    things deleted afterwards, so history points at rows that are gone and the ids have gaps."""
    [voorbeeld] = store.dossiers()
    dossier_id = voorbeeld.id
    partijen = store.partijen(dossier_id)
    eigen = store.voeg_eigen_belang_toe(dossier_id, "Rust in de straat")
    store.zet_houding(dossier_id, partijen[1].id, eigen.id, "botst")
    tijdelijk = store.voeg_partij_toe(dossier_id, PartijInvoer("Tijdelijke partij", "overig"))
    _gegevens, versie = store.formulier(dossier_id, "afspraken")
    store.bewaar_formulier(dossier_id, "afspraken", {
        "mandaat": "Het projectteam besluit binnen de begroting.",
        "ondertekenaars": [partijen[0].id, partijen[2].id, tijdelijk.id]}, versie)

    sessie = store.maak_sessie(dossier_id, "Avond in het buurthuis", PIN, ["machtbelang", "scan", "koppelkansen"])
    machtbelang, scan, kansen = store.rondes(sessie.id)
    for ronde in (machtbelang, scan, kansen):
        store.open_ronde(sessie.id, ronde.id)
    anna = store.meld_aan(sessie.code, "Anna", "Gemeente Schiedam", "A")
    bram = store.meld_aan(sessie.code, "Bram", "Woonstichting Nieuwe Maas", "")
    for deelnemer, waarde in ((anna, 8), (bram, 3)):
        store.beantwoord_alles(deelnemer.id, machtbelang.id, {v.sleutel: waarde for v in machtbelang.vragen},
                               indienen=True)
        store.beantwoord_alles(deelnemer.id, kansen.id, {v.sleutel: 4 for v in kansen.vragen[:5]})
    store.beantwoord_alles(anna.id, scan.id, {v.sleutel: (None if i % 7 == 0 else 1 + i % 5)
                                              for i, v in enumerate(scan.vragen)}, indienen=True)
    store.sluit_ronde(sessie.id, machtbelang.id)
    store.neem_ronde_over(sessie.id, machtbelang.id, "Anna, Bram en de begeleider")
    store.verwijder_partij(dossier_id, tijdelijk.id)  # the round and the agreements still mention it

    criteria = store.criteria(dossier_id)
    store.trek_vastzetting_in(dossier_id, "De bewoners willen ook overlast meewegen.", "Projectteam")
    store.verwijder_criterium(dossier_id, criteria[-1].id)  # the withdrawn snapshot still mentions it
    store.zet_weging_vast(dossier_id, {c.id: 1 for c in criteria[:-1]}, "Projectteam", "Opnieuw vastgezet.")
    strategie = store.strategieen(dossier_id)[0]
    store.kies_strategie(dossier_id, strategie.id, "Laagste woonlasten op termijn.", "Projectteam",
                         "De huurdersvereniging twijfelt over de warmteprijs.")
    eerste = store.besluiten(dossier_id)[0]
    store.leg_besluit_vast(dossier_id, "Koppelkans toch later bekijken", "Projectteam",
                           "Nieuwe planning van het riool.", corrigeert=eerste.id)
    return dossier_id


def _tel(store: DossierStore) -> dict[str, int]:
    """Rows per table: 'nothing changed' in one comparison."""
    with store.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in schema.metadata.sorted_tables}


def _zonder_id(item, **vervang) -> dict:
    gegevens = dataclasses.asdict(item)
    gegevens.pop("id", None)
    gegevens.update(vervang)
    return gegevens


def _beeld(store: DossierStore, dossier_id: str) -> dict:
    """Everything a user sees of a dossier through the store's public methods, with every id replaced by the
    name of what it points at (ids differ between the original and a copy, names don't)."""
    partijen = {p.id: p.naam for p in store.partijen(dossier_id)}
    criteria = {c.id: c.naam for c in store.criteria(dossier_id)}
    kansen = {k.id: k.titel for k in store.koppelkansen(dossier_id)}
    strategieen = {s.id: s.naam for s in store.strategieen(dossier_id)}
    besluiten = store.besluiten(dossier_id)
    volgnummers = {b.id: b.volgnummer for b in besluiten}
    eigen = {b.id: b.naam for b in store.eigen_belangen(dossier_id)}
    taken = {t.id: t.naam for t in store.taken(dossier_id)}

    def naam_van(sleutel: str) -> str:  # a workshop key with the id replaced
        letter, rest = sleutel[0], sleutel[1:]
        nummer, _, achter = rest.partition(":")
        bron = {"p": partijen, "c": criteria, "k": kansen}.get(letter)
        if bron is None or not nummer.lstrip("-").isdigit():
            return sleutel
        return f"{letter}[{bron.get(int(nummer), 'verwijderd')}]:{achter}"

    beeld = {
        "dossier": _zonder_id(store.dossier(dossier_id), naam=None),
        "statussen": store.statussen(dossier_id),
        "partijen": [_zonder_id(p) for p in store.partijen(dossier_id)],
        "eigen_belangen": sorted(eigen.values()),
        "partij_belangen": sorted((partijen[b.partij_id], eigen.get(b.belang_id, b.belang_id), b.houding, b.prioriteit)
                                  for b in store.partij_belangen(dossier_id)),
        "taken": [_zonder_id(t) for t in store.taken(dossier_id)],
        "rollen": sorted((taken[r.taak_id], partijen[r.partij_id], r.rol, r.uren_per_maand)
                         for r in store.rollen(dossier_id)),
        "planning": [_zonder_id(w) for w in store.planning_werken(dossier_id)],
        "koppelkansen": [_zonder_id(k) for k in store.koppelkansen(dossier_id)],
        "criteria": [_zonder_id(c) for c in store.criteria(dossier_id)],
        "wegingen": {partijen[p]: {criteria[c]: v for c, v in w.items()}
                     for p, w in store.wegingen(dossier_id).items()},
        "vastzettingen": [
            (v.vastgezet, v.ingetrokken, volgnummers[v.besluit_id], volgnummers.get(v.intrekking_besluit_id),
             {v.criteria[c]: g for c, g in v.gewichten.items()},
             {v.partijen[p]: {v.criteria[c]: x for c, x in w.items()} for p, w in v.punten.items()})
            for v in store.vastzettingen(dossier_id)],
        "strategieen": [_zonder_id(s, koppelkansen=[kansen[k] for k in s.koppelkansen])
                        for s in store.strategieen(dossier_id)],
        "scores": {strategieen[s]: {criteria[c]: w for c, w in per.items()}
                   for s, per in store.scores(dossier_id).items()},
        "keuze": _zonder_id(store.keuze(dossier_id), strategie_id=None, besluit_id=None),
        "besluiten": [_zonder_id(b, corrigeert_id=volgnummers.get(b.corrigeert_id),
                                 gecorrigeerd_door=[volgnummers[i] for i in b.gecorrigeerd_door]) for b in besluiten],
        "scan": [(r.naam, r.aangemaakt, r.gesloten,
                  [(s.naam, s.organisatie, s.status, s.antwoorden) for s in store.scan_responsen(
                      dossier_id, r.id, alleen_ingediend=False)])
                 for r in store.scan_rondes(dossier_id)],
        "sessies": [],
    }
    for sleutel in ("doel", "afspraken", "wijkprofiel", "transitieopgaven", "sociale_koppelkansen", "woonlasten",
                    "opgavenmatrix", "beeld_toetsen", "fysieke_kenmerken"):
        gegevens, versie = store.formulier(dossier_id, sleutel)
        if "ondertekenaars" in gegevens:
            gegevens["ondertekenaars"] = [partijen.get(i, "verwijderd") for i in gegevens["ondertekenaars"]]
        beeld[sleutel] = (gegevens, versie)
    for sessie in store.sessies(dossier_id):
        deelnemers = {d.id: d.naam for d in store.deelnemers(sessie.id)}
        rondes = []
        for ronde in store.rondes(sessie.id):
            vragen = [_zonder_id(v, sleutel=naam_van(v.sleutel)) for v in ronde.vragen]
            antwoorden = [(deelnemers[d.id], {naam_van(k): w for k, w in a.waarden.items()}, a.ingediend)
                          for d, a in store.ronde_antwoorden(sessie.id, ronde.id, alleen_ingediend=False)]
            rondes.append((ronde.oefening, ronde.volgorde, ronde.status, ronde.geopend, ronde.gesloten,
                           ronde.overgenomen, vragen, antwoorden))
        beeld["sessies"].append((sessie.naam, sessie.aangemaakt, sessie.gesloten,
                                 [_zonder_id(d, sessie_id=None) for d in store.deelnemers(sessie.id)], rondes))
    return beeld


# -- the round trip -------------------------------------------------------------------------------------------------
def _zonder_terugzetregel(data: bytes, bestand: str) -> bytes:
    """An export of an imported dossier without the one history line the import added (its newest line)."""
    document = json.loads(data)
    *eerder, nieuwste = document["tabellen"]["wijziging"]
    assert nieuwste["regel"].startswith(f"Teruggezet uit reservekopie {bestand} door "), nieuwste
    document["tabellen"]["wijziging"] = eerder
    return json_dossier._als_bytes(document)


def test_export_import_export_in_dezelfde_store_geeft_hetzelfde_bestand(store, volledig):
    origineel = store.dossier(volledig)
    data = exporteer_json(store, volledig)
    assert data.endswith(b"\n") and data.decode("utf-8")
    document = json.loads(data)
    assert document["soort"] == "wijkkompas-dossier" and document["schema"] == schema.SCHEMA_VERSIE
    assert document["tabellen"]["workshop_antwoord"] and document["tabellen"]["strategie_keuze"]

    kopie = importeer_json(store, data, "reservekopie.json")
    assert kopie.id != origineel.id
    # the same name would be two identical lines in every list: the copy says where it came from
    assert kopie.naam == f"{origineel.naam} (geïmporteerd)"
    assert {p.id for p in store.partijen(kopie.id)}.isdisjoint(p.id for p in store.partijen(volledig))

    opnieuw = _zonder_terugzetregel(exporteer_json(store, kopie.id), "reservekopie.json")
    oud_naam = f'"naam": {json.dumps(origineel.naam, ensure_ascii=False)},'.encode()
    nieuw_naam = f'"naam": {json.dumps(kopie.naam, ensure_ascii=False)},'.encode()
    assert data.count(oud_naam) == 1
    # byte for byte, apart from the name of the copy and the line saying it was restored
    assert opnieuw == data.replace(oud_naam, nieuw_naam)


def test_kopie_leest_door_de_store_precies_als_het_origineel(store, volledig):
    kopie = importeer_json(store, exporteer_json(store, volledig))
    assert _beeld(store, kopie.id) == _beeld(store, volledig)
    assert store.dossier(kopie.id).aangemaakt == store.dossier(volledig).aangemaakt  # dates are kept
    [sessie] = store.sessies(kopie.id)
    [origineel] = store.sessies(volledig)
    assert sessie.code != origineel.code  # a join code is unique in a store: the copy gets its own
    assert store.open_als_begeleider(sessie.code, PIN).id == sessie.id  # and the facilitator's PIN still works


def test_geschiedenis_die_naar_verwijderde_rijen_wijst_blijft_geschiedenis(store, volledig):
    document = json.loads(exporteer_json(store, volledig))
    tabellen = document["tabellen"]
    partij_ids = {p["id"] for p in tabellen["partij"]}
    assert partij_ids == set(range(1, len(partij_ids) + 1))  # logical ids, without the gap of the deleted party
    [afspraken] = [f for f in tabellen["dossier_formulier"] if f["sleutel"] == "afspraken"]
    assert json.loads(afspraken["gegevens"])["ondertekenaars"] == [1, 3, -1]
    machtbelang = next(r for r in tabellen["workshop_ronde"] if r["oefening"] == "machtbelang")
    assert "p-1:invloed" in {v["sleutel"] for v in json.loads(machtbelang["vragen"])}
    ingetrokken = next(v for v in tabellen["weging_vastzetting"] if v["ingetrokken"])
    assert "-1" in json.loads(ingetrokken["gewichten"])["gewichten"]

    kopie = importeer_json(store, exporteer_json(store, volledig))
    [oud] = [v for v in store.vastzettingen(kopie.id) if not v.actief]
    assert set(oud.criteria.values()) == {c.naam for c in store.criteria(volledig)} | {"Ruimtelijke inpassing"}


def test_partijen_en_koppelkansen_in_formulieren_wijzen_na_import_naar_dezelfde_rijen(store, volledig):
    """The phase 3-4 forms name parties and koppelkansen under partij_id / partij_ids / koppelkans_id, at any
    depth; after an import they must point at the copy's rows with the same names, a deleted one stays gone."""
    partijen = store.partijen(volledig)
    kans = store.koppelkansen(volledig)[0]
    weg = store.voeg_partij_toe(volledig, PartijInvoer("Vertrokken partner", "overig"))
    store.bewaar_formulier(volledig, "besluitvorming", {"besluiten": [
        {"id": "b1", "wat": "Keuze in het college", "partij_id": partijen[0].id, "afhankelijk_van": ["b2"]},
        {"id": "b2", "wat": "Instemming huurders", "partij_id": weg.id}]},
        store.formulier(volledig, "besluitvorming")[1])
    store.bewaar_formulier(volledig, "te_verbinden", {"kansen": [
        {"koppelkans_id": kans.id, "partij_id": partijen[1].id, "partij_ids": [partijen[2].id, weg.id],
         "onderbouwing": "Riool gaat in 2027 open."}]}, store.formulier(volledig, "te_verbinden")[1])
    store.verwijder_partij(volledig, weg.id)

    kopie = importeer_json(store, exporteer_json(store, volledig))
    namen = {p.id: p.naam for p in store.partijen(kopie.id)}
    kansen = {k.id: k.titel for k in store.koppelkansen(kopie.id)}
    besluiten = store.formulier(kopie.id, "besluitvorming")[0]["besluiten"]
    assert namen[besluiten[0]["partij_id"]] == partijen[0].naam
    assert besluiten[0]["afhankelijk_van"] == ["b2"]  # the form's own ids travel as they are
    assert besluiten[1]["partij_id"] not in namen  # the deleted party stays deleted, in the copy too
    [uitwerking] = store.formulier(kopie.id, "te_verbinden")[0]["kansen"]
    assert kansen[uitwerking["koppelkans_id"]] == kans.titel
    assert namen[uitwerking["partij_id"]] == partijen[1].naam
    assert [namen.get(i, "weg") for i in uitwerking["partij_ids"]] == [partijen[2].naam, "weg"]


def test_import_in_een_lege_store_en_twee_keer_importeren(store, volledig, backend, tmp_path, request):
    data = exporteer_json(store, volledig)
    if backend == "sqlite":
        tweede = DossierStore(f"sqlite:///{tmp_path / 'tweede.sqlite'}", voorbeeld=False)
    else:
        from pg_hulp import nieuwe_pg_database

        url, opruimen = nieuwe_pg_database(request.getfixturevalue("pg_sjabloon"))
        request.addfinalizer(opruimen)
        tweede = DossierStore(url, voorbeeld=False)
    eerste_kopie = importeer_json(tweede, data, "a.json")
    assert eerste_kopie.naam == store.dossier(volledig).naam  # no clash in this store: the name stays
    assert _zonder_terugzetregel(exporteer_json(tweede, eerste_kopie.id), "a.json") == data
    tweede_kopie = importeer_json(tweede, data, "a.json")
    assert tweede_kopie.id != eerste_kopie.id and tweede_kopie.naam.endswith("(geïmporteerd)")
    derde = importeer_json(tweede, data, "a.json")
    assert derde.naam.endswith("(geïmporteerd 2)")
    assert len(tweede.dossiers()) == 3
    assert _beeld(tweede, tweede_kopie.id) == _beeld(store, volledig)
    tweede.engine.dispose()


def test_lege_nieuwe_dossier_gaat_heen_en_terug(lege_store):
    leeg = lege_store.maak_dossier("Leeg", "Oost", "Delft")
    data = exporteer_json(lege_store, leeg.id)
    kopie = importeer_json(lege_store, data)
    assert kopie.naam == "Leeg (geïmporteerd)" and kopie.wijk == "Oost"
    tabellen = json.loads(data)["tabellen"]
    assert [r["regel"] for r in tabellen.pop("wijziging")] == ["Dossier ‘Leeg’ aangemaakt"]  # only its history
    assert all(rijen == [] for rijen in tabellen.values())


def test_onbekend_dossier_exporteren_geeft_nederlandse_melding(lege_store):
    with pytest.raises(OnbekendDossier, match="bestaat niet"):
        exporteer_json(lege_store, "abcdefabcdef")


# -- complete by construction -----------------------------------------------------------------------------------------
def test_elke_tabel_wordt_uitgevoerd_of_staat_bewust_op_de_uitzonderingslijst():
    sch = json_dossier._huidig_schema()
    uitgevoerd = set(sch.volgorde) | {"dossier"}
    for tabel in schema.metadata.sorted_tables:
        assert tabel.name in uitgevoerd or tabel.name in json_dossier.NIET_UITGEVOERD, (
            f"tabel {tabel.name} komt niet in de reservekopie: laat hem aan een dossier hangen of zet hem met een "
            "reden op NIET_UITGEVOERD")
    assert not uitgevoerd & set(json_dossier.NIET_UITGEVOERD)


def test_elke_vreemde_sleutel_wijst_naar_een_nummer_en_elke_regel_naar_een_bestaande_kolom():
    sch = json_dossier._huidig_schema()
    for naam in sch.volgorde:
        for kolom in sch.tabellen[naam].columns:
            for fk in kolom.foreign_keys:
                doel = fk.column.table
                assert doel.name == "dossier" or fk.column is json_dossier._sleutel(doel), (naam, kolom.name)
    for regel in json_dossier.VERWIJZINGEN:
        assert regel.kolom in schema.metadata.tables[regel.tabel].c
        assert not schema.metadata.tables[regel.tabel].c[regel.kolom].foreign_keys  # those map by themselves
    for tabel, kolom in (*json_dossier.NIEUW_BIJ_IMPORT, *json_dossier.WEGGELATEN):
        assert kolom in schema.metadata.tables[tabel].c


def test_bestandsnaam_is_naam_en_datum_in_gewone_letters(lege_store):
    dossier = lege_store.maak_dossier("Groenoord & Kethel: één wijk")
    assert bestandsnaam(dossier, "json") == f"wijkdossier-groenoord-kethel-een-wijk-{date.today().isoformat()}.json"
    assert bestandsnaam(dossier, ".docx").endswith(".docx")
    assert bestandsnaam(lege_store.maak_dossier("???"), "xlsx").startswith("wijkdossier-dossier-")


# -- bad files ------------------------------------------------------------------------------------------------------
def _wijzig(functie):
    def maak(data: bytes) -> bytes:
        document = json.loads(data)
        functie(document)
        return json.dumps(document, ensure_ascii=False).encode("utf-8")

    return maak


def _zet(tabel: str, rij: int, veld: str, waarde):
    return _wijzig(lambda d: d["tabellen"][tabel][rij].__setitem__(veld, waarde))


SLECHT = {
    "leeg": (lambda _d: b"", "is leeg"),
    "geen JSON": (lambda d: d[: len(d) // 2], "geen leesbaar JSON-bestand"),
    "JSON-lijst": (lambda _d: b"[1, 2, 3]", "geen wijkdossier"),
    "andere soort": (_wijzig(lambda d: d.__setitem__("soort", "wijkkompas-workshop-antwoorden")), "geen wijkdossier"),
    "nieuwer schema": (_wijzig(lambda d: d.__setitem__("schema", "9999")),
                       "gemaakt met een nieuwere versie van het werkboek; werk het werkboek bij"),
    "onbekend schema": (_wijzig(lambda d: d.__setitem__("schema", "versie 2")), "schemaversie"),
    "51 MB": (lambda d: d + b" " * (51 * 1024 * 1024), "groter dan 50 MB"),
    "ongeldige UTF-8": (lambda d: d.replace(b"Groenoord", b"Gr\xf6noord", 1), "geen tekstbestand (UTF-8)"),
    "dubbele sleutel": (lambda d: d.replace(b'"soort":', b'"schema": "0006", "soort":', 1), "twee keer"),
    "onbekend onderdeel": (_wijzig(lambda d: d.__setitem__("extra", 1)), "onbekende onderdeel 'extra'"),
    "onbekende tabel": (_wijzig(lambda d: d["tabellen"].__setitem__("wachtwoorden", [])),
                        "onbekende tabel 'wachtwoorden'"),
    "meta-tabel": (_wijzig(lambda d: d["tabellen"].__setitem__("meta", [])), "onbekende tabel 'meta'"),
    "onbekende kolom": (_zet("partij", 0, "kleur", "rood"), "onbekend veld 'kleur'"),
    "verkeerd type": (_zet("partij", 0, "invloed", "hoog"), "'invloed' moet een geheel getal zijn"),
    "ja/nee als tekst": (_zet("partij", 0, "macht", "ja"), "'macht' moet ja of nee"),
    "geen datum": (_zet("besluit", 0, "moment", "gisteren"), "'moment' moet een datum en tijd zijn"),
    "te lange tekst": (_zet("partij", 0, "naam", "x" * 201), "'naam' is te lang"),
    "verplicht veld ontbreekt": (_wijzig(lambda d: d["tabellen"]["partij"][0].pop("naam")), "'naam' ontbreekt"),
    "verplicht veld leeg": (_zet("besluit", 0, "wat", None), "'wat' is verplicht"),
    "losse vreemde sleutel": (_zet("taak_rol", 0, "partij_id", 999), "verwijst naar partij 999"),
    "vreemde sleutel naar ander dossier": (_zet("partij", 0, "dossier_id", 2), "verwijst naar dossier 2"),
    "losse ingebedde verwijzing": (_zet("strategie", 0, "koppelkansen", "[1, 999]"), "verwijst naar koppelkans 999"),
    "eigen belang dat er niet is": (_zet("partij_belang", 0, "belang_id", "eigen-7"), "verwijst naar eigen_belang 7"),
    "onleesbare momentopname": (_zet("weging_vastzetting", 0, "gewichten", "{kapot"), "geen leesbare gegevens"),
    "dubbel nummer": (_zet("partij", 1, "id", 1), "komt twee keer voor"),
    "nummer nul": (_zet("partij", 0, "id", 0), "positief geheel getal"),
    "dubbele naam": (_zet("partij", 1, "naam_sleutel", "programmateam warmte groenoord (fictief)"), "botsen"),
    "score buiten de schaal": (_zet("strategie_score", 0, "score", 9), "botsen"),
}


@pytest.mark.parametrize("geval", SLECHT, ids=list(SLECHT))
def test_slecht_bestand_wordt_geweigerd_en_er_verandert_niets(store, geval):
    [voorbeeld] = store.dossiers()
    data = exporteer_json(store, voorbeeld.id)
    voor = _tel(store)
    maak, melding = SLECHT[geval]
    with pytest.raises(InvoerFout) as fout:
        importeer_json(store, maak(data), "kapot.json")
    assert melding in str(fout.value)
    assert str(fout.value).startswith("Het bestand 'kapot.json' is niet ingelezen")
    assert str(fout.value).endswith("Er is niets veranderd.")
    assert _tel(store) == voor
    assert [d.id for d in store.dossiers()] == [voorbeeld.id]


def test_limieten_passen_bij_de_uploadknop():
    assert MAX_IMPORT == 50 * 1024 * 1024
    assert json_dossier.MAX_RIJEN >= 100_000 // 10


# -- older schema versions ------------------------------------------------------------------------------------------
# forms whose exercise needs a table a version did not have yet: a store of that version cannot hold them
FORMULIER_NODIG = {"te_verbinden": "koppelkans"}


def _kon_bestaan(rij, tabellen) -> bool:
    return rij.get("sleutel") not in FORMULIER_NODIG or FORMULIER_NODIG[rij["sleutel"]] in tabellen


def _document_van_oude_store(tmp_path, versie: str) -> tuple[bytes, bytes]:
    """(a document of schema ``versie``, today's export of the same dossier): a SQLite store migrated only to
    ``versie``, filled with the rows of the example dossier (from a store at head), exported as a store of that
    version does."""
    nieuw = DossierStore(f"sqlite:///{tmp_path / 'nieuw.sqlite'}")
    [voorbeeld] = nieuw.dossiers()
    huidig = exporteer_json(nieuw, voorbeeld.id)
    engine = _maak_engine(f"sqlite:///{tmp_path / f'oud-{versie}.sqlite'}")
    migreer_naar(engine, versie)
    metadata = MetaData()
    metadata.reflect(bind=engine)
    with nieuw.engine.connect() as bron, engine.begin() as doel:
        for tabel in metadata.sorted_tables:
            if tabel.name == "alembic_version":
                continue
            rijen = [{k: v for k, v in r.items() if k in tabel.c}
                     for r in bron.execute(select(schema.metadata.tables[tabel.name])).mappings()
                     if _kon_bestaan(r, metadata.tables)]
            if rijen:
                doel.execute(insert(tabel), rijen)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == versie
        oud = json_dossier._exporteer_verbinding(conn, json_dossier._schema_van(metadata, versie), voorbeeld.id)
    engine.dispose()
    nieuw.engine.dispose()
    return oud, huidig


def _zonder_0007(document: dict) -> dict:
    """A document without what schema 0007 added: the history, and who recorded a besluit."""
    document = copy.deepcopy(document)
    document["tabellen"].pop("wijziging", None)
    for besluit in document["tabellen"].get("besluit", []):
        besluit.pop("auteur", None)
    return document


@pytest.mark.parametrize("versie", ["0006", "0005", "0004"])
def test_document_van_een_oudere_schemaversie_wordt_bijgewerkt(lege_store, tmp_path, versie):
    oud, huidig = _document_van_oude_store(tmp_path, versie)
    document, vandaag = json.loads(oud), json.loads(huidig)
    assert document["schema"] == versie and "wijziging" not in document["tabellen"]
    assert ("workshop_sessie" in document["tabellen"]) == (versie >= "0006")
    assert ("besluit" in document["tabellen"]) == (versie >= "0005")
    kopie = importeer_json(lege_store, oud, f"schema-{versie}.json")
    assert lege_store.partijen(kopie.id)[0].naam == "Programmateam Warmte Groenoord (fictief)"
    nu = json.loads(exporteer_json(lege_store, kopie.id))
    assert nu["schema"] == schema.SCHEMA_VERSIE and nu["dossier"] == vandaag["dossier"]
    # the history starts with the upgrade (0007) and the restore; an old besluit has no author
    overgezet, teruggezet = [r["regel"] for r in nu["tabellen"]["wijziging"]]
    assert overgezet.startswith("Bestaand dossier, overgezet")
    assert teruggezet == f"Teruggezet uit reservekopie schema-{versie}.json door {lege_store.gebruiker.weergavenaam}"
    assert all(b["auteur"] == "" for b in nu["tabellen"].get("besluit", []))
    nu, vandaag = _zonder_0007(nu), _zonder_0007(vandaag)
    for tabel, rijen in nu["tabellen"].items():  # what the old version had is all there, the rest is empty
        verwacht = [r for r in vandaag["tabellen"][tabel] if _kon_bestaan(r, document["tabellen"])]
        assert rijen == (verwacht if tabel in document["tabellen"] else []), tabel
    if versie in ("0005", "0006"):
        assert len(lege_store.besluiten(kopie.id)) == 4 and lege_store.vastzetting(kopie.id) is not None
        # the example has no workshop: nothing is missing
        assert _zonder_0007(json.loads(exporteer_json(lege_store, kopie.id))) == _zonder_0007(json.loads(huidig))


def test_oud_document_met_fout_wordt_geweigerd_en_er_verandert_niets(lege_store, tmp_path):
    oud, _huidig = _document_van_oude_store(tmp_path, "0005")
    document = json.loads(oud)
    document["tabellen"]["workshop_sessie"] = []  # did not exist yet in 0005
    with pytest.raises(InvoerFout, match="onbekende tabel 'workshop_sessie'"):
        importeer_json(lege_store, json.dumps(document).encode(), "oud.json")
    assert lege_store.dossiers() == []


# -- random damage ----------------------------------------------------------------------------------------------------
def _paden(waarde, pad=()):
    yield pad
    if isinstance(waarde, dict):
        for sleutel, deel in waarde.items():
            yield from _paden(deel, (*pad, sleutel))
    elif isinstance(waarde, list):
        for index, deel in enumerate(waarde):
            yield from _paden(deel, (*pad, index))


_WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    | st.sampled_from(["", "eigen-1", "p1:invloed", "[1, 2]", "{}", "2026-01-01T00:00:00", "-1", "1"]),
    lambda binnen: st.lists(binnen, max_size=3) | st.dictionaries(st.text(max_size=8), binnen, max_size=3),
    max_leaves=6,
)


@st.composite
def _beschadigd(draw, data: bytes):
    document = json.loads(data)
    if draw(st.integers(0, 9)) == 0:  # byte damage
        plek = draw(st.integers(0, len(data) - 1))
        return data[:plek] + bytes([draw(st.integers(0, 255))]) + data[plek + 1:]
    for _ in range(draw(st.integers(1, 3))):
        pad = draw(st.sampled_from(list(_paden(document))[1:]))
        ouder = document
        for stap in pad[:-1]:
            ouder = ouder[stap]
        actie = draw(st.sampled_from(["vervang", "weg", "verdubbel"]))
        if actie == "weg":
            del ouder[pad[-1]]
        elif actie == "verdubbel" and isinstance(ouder, list):
            ouder.append(copy.deepcopy(ouder[pad[-1]]))
        else:
            ouder[pad[-1]] = draw(_WAARDEN)
        if not isinstance(document, dict):
            break
    return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")


@pytest.fixture
def klein_document(lege_store, volledig_klein) -> bytes:
    return exporteer_json(lege_store, volledig_klein)


@pytest.fixture
def volledig_klein(lege_store) -> str:
    """A small dossier with a row in most tables, so random damage hits every kind of column quickly."""
    dossier = lege_store.maak_dossier("Klein", "West", "Delft")
    a = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente", "gemeente"))
    b = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    eigen = lege_store.voeg_eigen_belang_toe(dossier.id, "Rust")
    lege_store.zet_houding(dossier.id, a.id, eigen.id, "belang", True)
    kosten, draagvlak = lege_store.zet_standaardcriteria(dossier.id, [("Kosten", ""), ("Draagvlak", "")])
    lege_store.zet_weging(dossier.id, a.id, {kosten.id: 60, draagvlak.id: 40})
    sessie = lege_store.maak_sessie(dossier.id, "Sessie", PIN, ["machtbelang", "weging"])
    machtbelang, _weging = lege_store.rondes(sessie.id)
    lege_store.open_ronde(sessie.id, machtbelang.id)
    anna = lege_store.meld_aan(sessie.code, "Anna", "Gemeente")
    lege_store.beantwoord_alles(anna.id, machtbelang.id, {v.sleutel: 5 for v in machtbelang.vragen}, indienen=True)
    lege_store.sluit_ronde(sessie.id, machtbelang.id)
    lege_store.neem_ronde_over(sessie.id, machtbelang.id)
    lege_store.zet_weging_vast(dossier.id, {kosten.id: 1, draagvlak.id: 1}, "Team", "Test")
    lege_store.bewaar_formulier(dossier.id, "afspraken", {"ondertekenaars": [a.id, b.id]}, 0)
    return dossier.id


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_willekeurig_beschadigd_bestand_geeft_alleen_een_nederlandse_melding(lege_store, klein_document, data):
    beschadigd = data.draw(_beschadigd(klein_document))
    voor = _tel(lege_store)
    try:
        dossier = importeer_json(lege_store, beschadigd, "willekeurig.json")
    except InvoerFout as fout:
        assert "willekeurig.json" in str(fout)
        assert _tel(lege_store) == voor
        return
    exporteer_json(lege_store, dossier.id)  # what got in, also gets out again
