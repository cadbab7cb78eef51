"""The besluitenlog as a user drives it without a browser: a decision needs a rationale, a correction leaves
the original in the log with a note, user text is escaped, and the CSV download holds every entry."""

from __future__ import annotations

import base64
import re

from hulp import een, keuzes, kies, knop, melding, tekst, veld

from wijkkompas_widgets.werkboek import open_werkboek


def log_van(store_url: str, dossier_id: str):
    wb = open_werkboek("x", store_url=store_url, query={"dossier": dossier_id})
    return een(wb.besluitenlog(), "wk-oefening-besluitenlog")


def test_besluitenlog_voegt_toe_en_corrigeert_zonder_het_origineel_te_wijzigen(store_url, lege_store):
    store = lege_store
    did = store.maak_dossier("Logwijk").id
    log = log_van(store_url, did)
    assert "Nog geen besluiten" in tekst(een(log, "wk-besluitenlog-lijst"))
    assert "kan niet worden gewijzigd, alleen aangevuld" in tekst(log)
    veld(log, "Wat is er besloten?").value = "Inspraak tot 1 mei"
    knop(log, "Besluit vastleggen").click()
    assert "onderbouwing" in melding(log).lower() and store.besluiten(did) == []
    veld(log, "Onderbouwing").value = "Planning van de <raad>"
    veld(log, "Wie waren erbij?").value = "Kernteam"
    knooppunt = veld(log, "Bij knooppunt (optioneel)")
    kies(knooppunt, next(label for label in keuzes(knooppunt) if "Inspraakmogelijkheden" in label))
    knop(log, "Besluit vastleggen").click()
    assert "Besluit nr. 1 is vastgelegd" in melding(log)
    assert veld(log, "Wat is er besloten?").value == ""
    veld(log, "Wat is er besloten?").value = "Inspraak tot 1 juni"
    veld(log, "Onderbouwing").value = "De datum was verkeerd"
    kies(veld(log, "Correctie van"), "nr. 1 · Inspraak tot 1 mei")
    knop(log, "Correctie vastleggen").click()
    assert "Correctie nr. 2 is vastgelegd" in melding(log) and "nr. 1 blijft" in melding(log)
    besluiten = store.besluiten(did)
    assert besluiten[0].wat == "Inspraak tot 1 mei" and besluiten[1].corrigeert_id == besluiten[0].id

    vers = log_van(store_url, did)
    lijst = een(vers, "wk-besluitenlog-lijst")
    assert "Inspraak tot 1 mei" in tekst(lijst) and "Gecorrigeerd door nr. 2" in tekst(lijst)
    assert "Correctie van nr. 1" in tekst(lijst)
    assert "Inspraakmogelijkheden bieden op het wijkuitvoeringsplan" in tekst(lijst)
    assert "&lt;raad&gt;" in lijst.value and "<raad>" not in lijst.value
    assert "wk-besluitenlog-gecorrigeerd" in lijst.value
    # CSV download with both entries
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", een(vers, "wk-besluitenlog-download").value).group(1)
    csv_tekst = base64.b64decode(data).decode("utf-8-sig")
    assert csv_tekst.splitlines()[0].startswith("Nr.;Datum;Soort")
    assert "Inspraak tot 1 juni" in csv_tekst and "Gecorrigeerd door nr. 2" in csv_tekst


def test_zonder_dossier_zegt_het_log_dat_je_een_dossier_moet_kiezen(store_url, lege_store):
    did = lege_store.maak_dossier("Logwijk").id
    wb = open_werkboek("x", store_url=store_url, query={"dossier": did})
    log = een(wb.besluitenlog(), "wk-oefening-besluitenlog")
    assert "Besluit vastleggen" in tekst(log)
    wb.context.dossier_id = None
    assert "Besluit vastleggen" not in tekst(log) and "dossier" in tekst(log).lower()
