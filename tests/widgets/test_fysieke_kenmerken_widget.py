"""'Fysieke kenmerken' without a browser: every field is saved when it is left, colleagues on other questions
merge, the wijkprofiel's figures and the register stand beside their question, and a fresh page shows it all."""

from __future__ import annotations

from hulp import een, kies, melding, tekst, veld, zichtbaar

from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.werkboek import open_werkboek

SLEUTEL = formulieren.FYSIEKE_KENMERKEN


def oefening(store_url, dossier_id):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart("f2-fysieke-kenmerken").oefening


def vraag(o, vraag_id):
    return een(o, f"wk-technisch-{vraag_id}")


def cijfers(o, vraag_id) -> str:
    return zichtbaar(een(vraag(o, vraag_id), "wk-technisch-cijfers").value)


def samenvatting(o) -> str:
    return zichtbaar(een(o, "wk-technisch-samenvatting").value)


def test_technische_vragen_per_veld_bewaard_met_cijfers_uit_het_profiel(store_url, store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    technisch = oefening(store_url, voorbeeld.id)
    assert "800 m³" in cijfers(technisch, "vraag-nu")  # CBS 2022, Groenoord en Kethel
    assert "natuurlijke moment" in cijfers(technisch, "vraag-plannen")
    voor = store.formulier(voorbeeld.id, SLEUTEL)
    collega = oefening(store_url, voorbeeld.id)
    assert store.formulier(voorbeeld.id, SLEUTEL) == voor  # opening the page saves nothing
    veld(technisch, "Wat weten we?", klasse="wk-technisch-vraag-netten").value = "Netbeheerder: ruimte tot 2030"
    assert "Opgeslagen: Hoeveel ruimte hebben het gas- en elektriciteitsnet" in melding(technisch)
    assert "Hoeveel ruimte hebben het gas-" in samenvatting(technisch).partition("Nog uit te zoeken")[2]  # not sure
    kies(veld(technisch, "Zekerheid", klasse="wk-technisch-vraag-netten"), "Onderbouwd")
    # another question, on a stale form: merged, not refused
    veld(collega, "Bron of wie weet het?", klasse="wk-technisch-vraag-bronnen").value = "Waterschap"
    veld(collega, "Zekerheid", klasse="wk-technisch-vraag-bronnen").value = "schatting"
    gegevens = store.formulier(voorbeeld.id, SLEUTEL)[0]
    assert gegevens["vraag-netten"]["antwoord"] == "Netbeheerder: ruimte tot 2030"
    assert gegevens["vraag-bronnen"] == {"bron": "Waterschap", "zekerheid": "schatting"}

    opnieuw = oefening(store_url, voorbeeld.id)
    assert veld(opnieuw, "Wat weten we?", klasse="wk-technisch-vraag-netten").value == \
        "Netbeheerder: ruimte tot 2030"
    assert veld(opnieuw, "Zekerheid", klasse="wk-technisch-vraag-bronnen").label == "Ruwe schatting"
    assert gegevens["vraag-netten"]["zekerheid"] == "onderbouwd"
    open_ = samenvatting(opnieuw).partition("Nog uit te zoeken")[2]
    assert "Hoeveel ruimte hebben het gas-" not in open_ and "Wat is de piekvraag op koude dagen" in open_


def test_een_leeg_dossier_en_het_register(store_url, lege_store):
    dossier = lege_store.maak_dossier("Techniek")
    o = oefening(store_url, dossier.id)
    assert "0 van de 6 vragen hebben een antwoord" in samenvatting(o)
    assert "In het planningsregister staan 0 werken; daarin zien jullie 0 natuurlijke moment(en)" in \
        cijfers(o, "vraag-plannen")
    assert cijfers(o, "vraag-nu") == ""  # no wijk chosen: no figures
    veld(o, "Wat weten we?", klasse="wk-technisch-vraag-nu").value = "  Veel   "
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["vraag-nu"]["antwoord"] == "Veel"
    assert veld(o, "Wat weten we?", klasse="wk-technisch-vraag-nu").value == "Veel"  # as saved
    assert "1 van de 6 vragen hebben een antwoord" in samenvatting(o)
    assert "Hoeveel gas en elektriciteit gebruikt de wijk nu?" in samenvatting(o)  # still 'nog uitzoeken'


def test_zonder_dossier_een_uitnodiging(store_url, lege_store):
    werkboek = open_werkboek("x", store_url=store_url, query={})
    werkboek.context.dossier_id = None
    o = werkboek.kaart("f2-fysieke-kenmerken").oefening
    assert "geen dossier geopend" in tekst(o)
