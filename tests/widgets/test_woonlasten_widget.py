"""The woonlastentoets as a user fills it in without a browser: amounts typed as on a Dutch bill, an unknown
amount never read as 0, saved per household, the definition and margin kept, and the verdict in words."""

from __future__ import annotations

from hulp import een, kies, knop, melding, tekst, veld

from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.werkboek import open_werkboek

WOONLASTEN = "f4-woonlasten"


def woonlasten_van(store_url: str, dossier_id: str):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart(WOONLASTEN).oefening


def vul_in(oefening, huishouden: str, bedragen: dict[str, tuple[str, str]]) -> None:
    kies(veld(oefening, "Huishouden"), huishouden)
    for post, (voor, na) in bedragen.items():
        veld(oefening, ": voor", klasse=f"wk-woonlasten-post-{post}").value = voor
        veld(oefening, "na", exact=True, klasse=f"wk-woonlasten-post-{post}").value = na
    knop(oefening, "Bedragen opslaan").click()


def test_huurder_van_onbekend_naar_woonlastenneutraal_en_terug_na_herladen(store_url, lege_store, inhoud):
    dossier = lege_store.maak_dossier("Woonlasten")
    oefening = woonlasten_van(store_url, dossier.id)
    assert "Nog geen bedragen" in tekst(een(oefening, "wk-woonlasten-uitkomst"))
    huurder = next(h.naam for h in inhoud.fase34.huishoudtypen if h.id == "huurder-corporatie")
    bedragen = {"gas": ("95", "0"), "elektriciteit": ("60", "95"), "warmte": ("0", ""), "huur": ("650", "660")}
    vul_in(oefening, huurder, bedragen)
    assert f"De bedragen voor '{huurder}' zijn opgeslagen" in melding(oefening)
    uitkomst = tekst(een(oefening, "wk-woonlasten-uitkomst"))
    assert "? onbekend" in uitkomst and "warmte" in uitkomst  # an empty 'na' is unknown, not € 0

    vul_in(oefening, huurder, {**bedragen, "warmte": ("0", "0")})
    uitkomst = tekst(een(oefening, "wk-woonlasten-uitkomst"))
    assert "✔ woonlastenneutraal" in uitkomst and "dalen met € 50" in uitkomst
    assert "alt=" in een(oefening, "wk-woonlasten-figuur").value

    ruimer = next(d.naam for d in inhoud.fase34.definities if d.id == "inclusief-onderhoud")
    kies(veld(oefening, "Definitie"), ruimer)
    assert melding(oefening) == "✔ Opgeslagen."
    veld(oefening, "Marge (€ per maand)").value = 10
    veld(oefening, "Voor welke strategie?").value = "  S2 warmtenet  "
    gegevens = lege_store.formulier(dossier.id, formulieren.WOONLASTEN)[0]
    assert (gegevens["definitie"], gegevens["marge"], gegevens["strategie"]) == ("inclusief-onderhoud", 10,
                                                                                 "S2 warmtenet")
    opnieuw = woonlasten_van(store_url, dossier.id)
    assert veld(opnieuw, "Definitie").label == ruimer and veld(opnieuw, "Marge (€ per maand)").value == 10
    assert veld(opnieuw, "na", exact=True, klasse="wk-woonlasten-post-huur").value == "660"
    assert "Uitkomst voor S2 warmtenet" in tekst(een(opnieuw, "wk-woonlasten-uitkomst"))
    assert "marge van € 10" in tekst(een(opnieuw, "wk-woonlasten-uitkomst"))
    assert melding(opnieuw) == ""  # loading a dossier saves nothing and says nothing


def test_fout_bedrag_verandert_niets(store_url, lege_store, inhoud):
    dossier = lege_store.maak_dossier("Woonlasten fout")
    oefening = woonlasten_van(store_url, dossier.id)
    eigenaar = next(h.naam for h in inhoud.fase34.huishoudtypen if h.id == "eigenaar-eengezinswoning")
    vul_in(oefening, eigenaar, {"gas": ("120", "0"), "elektriciteit": ("70", "1.200.000")})
    assert "Niet gelukt" in melding(oefening) and "jaarbedrag" in melding(oefening)
    assert lege_store.formulier(dossier.id, formulieren.WOONLASTEN) == ({}, 0)
