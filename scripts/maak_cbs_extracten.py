"""Build the CBS extracts in ``data/cbs/`` from the source files (see their README for provenance).

    python3 scripts/maak_cbs_extracten.py [--bron ../shared/data/cbs] [--doel data/cbs]

Values are copied as text, never recalculated, so every shipped figure is the CBS figure; only rows are
filtered and columns renamed to our keys through the one mapping table (``wijkkompas_widgets.cbs.kolommen``).
The output is deterministic (sorted rows, fixed column order, compact JSON), so re-running gives identical
files. The checks at the end compare totals with the numbers CBS publishes; a failing check exits with 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wijkkompas_widgets.cbs.kolommen import INDICATOREN, zoek_indicator  # noqa: E402

VIJF_GEMEENTEN = ("GM0503", "GM0606", "GM0344", "GM0392", "GM0546")  # Delft, Schiedam, Utrecht, Haarlem, Leiden
SCHIEDAM = "GM0606"
KEYS = tuple(i.key for i in INDICATOREN)
# Totals CBS publishes for 1 January (StatLine 37230ned / KWB); the extracts must add up to these.
NL_INWONERS = {2022: 17_590_672, 2024: 17_942_942}


def lees_csv(pad: Path) -> list[dict[str, str]]:
    with pad.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def schrijf_csv(pad: Path, kolommen: list[str], rijen: list[dict[str, str]]) -> None:
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.DictWriter(f, fieldnames=kolommen, lineterminator="\n", extrasaction="ignore")
        schrijver.writeheader()
        for rij in rijen:
            schrijver.writerow({k: rij.get(k, "") for k in kolommen})


def schrijf_json(pad: Path, data: dict) -> None:
    pad.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                   encoding="utf-8")


def naar_onze_keys(rij: dict[str, str]) -> dict[str, str]:
    """Columns of a CBS table (``AantalInwoners_5``) → our keys, via the mapping table."""
    uit: dict[str, str] = {}
    for kolom, waarde in rij.items():
        treffer = zoek_indicator(kolom)
        if treffer is not None and not treffer.als_aantal:
            uit[treffer.key] = (waarde or "").strip()
    return uit


def gemeenten(bron: Path) -> list[dict[str, str]]:
    rijen = []
    for rij in lees_csv(bron / "kwb2022_gemeenten_nl.csv"):
        rijen.append({"jaar": "2022", "gemeentecode": rij["gemeentecode"], "gemeentenaam": rij["gemeentenaam"],
                      **{k: rij.get(k, "") for k in KEYS}})
    for rij in lees_csv(bron / "kwb2024_gemeenten_wijken_nl.csv"):
        if rij["SoortRegio_2"] == "Gemeente":
            rijen.append({"jaar": "2024", "gemeentecode": rij["WijkenEnBuurten"], "gemeentenaam": rij["Regionaam"],
                          **naar_onze_keys(rij)})
    return sorted(rijen, key=lambda r: (r["jaar"], r["gemeentecode"]))


def wijken(bron: Path) -> list[dict[str, str]]:
    rijen = []
    for rij in lees_csv(bron / "kwb2022_wijken_5gemeenten.csv"):
        if rij["soort_regio"] == "Wijk":
            rijen.append({"jaar": "2022", "regiocode": rij["regiocode"], "regionaam": rij["regionaam"],
                          "gemeentecode": rij["gemeentecode"], "gemeentenaam": rij["gemeentenaam"],
                          **{k: rij[k] for k in KEYS if k in rij}})
    for rij in lees_csv(bron / "kwb2024_gemeenten_wijken_nl.csv"):
        if rij["SoortRegio_2"] == "Wijk" and rij["Gemeentecode"] not in VIJF_GEMEENTEN:
            rijen.append({"jaar": "2024", "regiocode": rij["WijkenEnBuurten"], "regionaam": rij["Regionaam"],
                          "gemeentecode": rij["Gemeentecode"], "gemeentenaam": rij["Gemeentenaam_1"],
                          **naar_onze_keys(rij)})
    return sorted(rijen, key=lambda r: (r["jaar"], r["regiocode"]))


def wijkgrenzen(bron: Path, wijkcodes_2022: set[str]) -> dict:
    """Schiedam from 2022 (it re-divided its wijken later); the other four from 2024 (same codes as 2022)."""
    features = []
    nieuw = json.loads((bron / "wijken_2024_5gemeenten.geojson").read_text(encoding="utf-8"))
    oud = json.loads((bron / "wijken_2022_schiedam.geojson").read_text(encoding="utf-8"))
    for feature in nieuw["features"]:
        if feature["properties"]["gemeentecode"] != SCHIEDAM:
            features.append(feature)
    features.extend(oud["features"])
    uit = []
    for feature in sorted(features, key=lambda f: f["properties"]["wijkcode"]):
        p = feature["properties"]
        uit.append({"type": "Feature", "properties": {"wijkcode": p["wijkcode"], "wijknaam": p["wijknaam"],
                                                      "gemeentecode": p["gemeentecode"]},
                    "geometry": feature["geometry"]})
    codes = {f["properties"]["wijkcode"] for f in uit}
    if codes != wijkcodes_2022:
        raise SystemExit(f"wijkgrenzen en wijkcijfers 2022 verschillen: {sorted(codes ^ wijkcodes_2022)}")
    return {"type": "FeatureCollection",
            "metadata": {"bron": "PDOK CBS Wijken en Buurten 2024 (Schiedam: 2022), vereenvoudigd; CC BY 4.0",
                         "crs": "EPSG:4326 (lon, lat)"},
            "features": uit}


def gemeentegrenzen(bron: Path) -> dict:
    data = json.loads((bron / "gemeenten_2022_nl.geojson").read_text(encoding="utf-8"))
    uit = [{"type": "Feature",
            "properties": {"gemeentecode": f["properties"]["gemeentecode"],
                           "gemeentenaam": f["properties"]["gemeentenaam"]},
            "geometry": f["geometry"]}
           for f in sorted(data["features"], key=lambda f: f["properties"]["gemeentecode"])]
    return {"type": "FeatureCollection",
            "metadata": {"bron": "PDOK CBS Wijken en Buurten 2022, laag gemeenten, vereenvoudigd; CC BY 4.0",
                         "crs": "EPSG:4326 (lon, lat)"},
            "features": uit}


def duizend(getal_: int) -> str:
    return f"{getal_:,}".replace(",", ".")


def getal(tekst: str) -> float | None:
    return float(tekst) if tekst not in ("", None) else None


def controles(bron: Path, gem: list[dict[str, str]], wk: list[dict[str, str]]) -> list[str]:
    """Print the checks; return the ones that failed."""
    fouten = []
    for jaar, verwacht in NL_INWONERS.items():
        som = sum(int(r["aantal_inwoners"]) for r in gem if r["jaar"] == str(jaar))
        aantal = sum(1 for r in gem if r["jaar"] == str(jaar))
        print(f"NL {jaar}: {aantal} gemeenten, {duizend(som)} inwoners (CBS: {duizend(verwacht)})")
        if som != verwacht:
            fouten.append(f"NL-som inwoners {jaar}")
    per_gemeente: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in wk:
        per_gemeente[(r["jaar"], r["gemeentecode"])].append(r)
    gemeente_rij = {(r["jaar"], r["gemeentecode"]): r for r in gem}
    for code in VIJF_GEMEENTEN:
        g = gemeente_rij[("2022", code)]
        rijen = per_gemeente[("2022", code)]
        inw = sum(int(r["aantal_inwoners"]) for r in rijen)
        won = sum(int(r["woningvoorraad"]) for r in rijen)
        print(f"2022 {g['gemeentenaam']}: {len(rijen)} wijken; inwoners {inw} vs {g['aantal_inwoners']}, "
              f"woningen {won} vs {g['woningvoorraad']}")
        if won != int(g["woningvoorraad"]) or abs(inw - int(g["aantal_inwoners"])) > 150:
            fouten.append(f"wijksom {g['gemeentenaam']} 2022")
    # The gemeente rows of the 5-gemeenten file must equal those of the NL file.
    for rij in lees_csv(bron / "kwb2022_wijken_5gemeenten.csv"):
        if rij["soort_regio"] == "Gemeente":
            g = gemeente_rij[("2022", rij["regiocode"])]
            verschil = [k for k in KEYS if k in rij and getal(rij[k]) != getal(g[k])]
            if verschil:
                fouten.append(f"gemeente {rij['regionaam']} verschilt tussen bronbestanden: {verschil}")
    slechtste = 0.0
    for (jaar, code), rijen in per_gemeente.items():
        if jaar != "2024":
            continue
        totaal = int(gemeente_rij[(jaar, code)]["aantal_inwoners"])
        som = sum(int(r["aantal_inwoners"]) for r in rijen)
        slechtste = max(slechtste, abs(som - totaal) / max(totaal, 1))
    print(f"2024: {len(per_gemeente) - len(VIJF_GEMEENTEN)} gemeenten met wijken; grootste verschil wijksom "
          f"inwoners vs gemeente {slechtste:.2%}")
    if slechtste > 0.01:
        fouten.append("wijksom 2024 > 1%")
    return fouten


README = """\
# data/cbs/ — CBS Kerncijfers wijken en buurten (uittreksel)

Echte cijfers van het CBS voor de oefening *Wijkprofiel uit openbare cijfers* (fase 2). Niets is verzonnen of
herberekend: de waarden zijn letterlijk overgenomen, alleen rijen en kolommen zijn geselecteerd.

{tabel}

Kolomnamen zijn onze korte sleutels (bijv. `aantal_inwoners`, `gem_aardgas`). Welke CBS-kolom en welke
PDOK-eigenschap erbij horen, staat in één tabel in de code: `wijkkompas_widgets/cbs/kolommen.py`.
Een leeg vak betekent dat het CBS het cijfer niet geeft (niet beschikbaar of geheim); het werkboek toont dan
"onbekend", nooit 0. Absolute aantallen in wijken zijn door het CBS afgerond op vijftallen, dus de som van de
wijken wijkt iets af van het gemeentetotaal. De waarde "Nederland" in het werkboek is berekend uit alle
gemeenten (een som, of een gemiddelde gewogen naar inwoners, woningen of huishoudens) en kan iets afwijken van
het landelijke cijfer van het CBS.

## Herkomst
- Kerncijfers wijken en buurten 2022 (CBS StatLine 85318NED), zoals gepubliceerd door PDOK (wijkenbuurten 2022),
  met grenzen uit PDOK CBS Wijken en Buurten 2022 en 2024 (vereenvoudigd, WGS84).
- Kerncijfers wijken en buurten 2024 (CBS StatLine 85984NED, versie 27-03-2025), met de originele CBS-kolommen.
- De bronbestanden en hun precieze herkomst (repositories, commits) staan in de README van de bronmap.

## Licentie en bronvermelding
CBS open data, Creative Commons Naamsvermelding 4.0 (CC BY 4.0). Vermeld bij elk gebruik:

> Bron: CBS, Kerncijfers wijken en buurten 2022/2024; PDOK CBS Wijken en Buurten.

## Opnieuw maken
Vanuit de projectmap: `python3 scripts/maak_cbs_extracten.py --bron <map met de bronbestanden>`
(standaard `../shared/data/cbs`). Het script schrijft deze map opnieuw, altijd met dezelfde uitkomst, en
controleert de totalen: de som van de inwoners van alle gemeenten moet gelijk zijn aan het CBS-cijfer voor
Nederland, en de wijken moeten optellen tot hun gemeente.
"""


BESTANDEN = (
    ("gemeenten.csv", "één rij per gemeente per jaar (kolom `jaar`): 2022 alle 345 gemeenten met {n} cijfers; "
                      "2024 alle 342 gemeenten met de basiscijfers (inwoners, woningvoorraad, bevolkingsdichtheid, "
                      "oppervlakte land)"),
    ("wijken.csv", "2022: de 64 wijken van Delft, Schiedam, Utrecht, Haarlem en Leiden met de cijfers die het CBS op "
                   "wijkniveau geeft; 2024: de wijken van alle andere gemeenten met de basiscijfers"),
    ("wijkgrenzen.geojson", "wijkgrenzen van de vijf gemeenten (Schiedam van 2022, omdat Schiedam zijn wijken daarna "
                            "opnieuw heeft ingedeeld; de andere vier van 2024, met dezelfde wijkcodes als 2022)"),
    ("gemeentegrenzen.geojson", "grenzen van alle gemeenten (2022), voor de overzichtskaart als een gemeente geen "
                                "wijkgrenzen heeft"),
)


def readme() -> str:
    regels = ["| bestand | inhoud |", "|---|---|"]
    regels += [f"| `{bestand}` | {inhoud.format(n=len(KEYS))} |" for bestand, inhoud in BESTANDEN]
    return README.format(tabel="\n".join(regels))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bron", type=Path, default=REPO.parent / "shared" / "data" / "cbs")
    parser.add_argument("--doel", type=Path, default=REPO / "data" / "cbs")
    args = parser.parse_args(argv)
    if not (args.bron / "kwb2022_gemeenten_nl.csv").is_file():
        print(f"Bronmap niet gevonden of onvolledig: {args.bron}", file=sys.stderr)
        return 2
    args.doel.mkdir(parents=True, exist_ok=True)
    gem = gemeenten(args.bron)
    wk = wijken(args.bron)
    schrijf_csv(args.doel / "gemeenten.csv", ["jaar", "gemeentecode", "gemeentenaam", *KEYS], gem)
    schrijf_csv(args.doel / "wijken.csv", ["jaar", "regiocode", "regionaam", "gemeentecode", "gemeentenaam", *KEYS],
                wk)
    schrijf_json(args.doel / "wijkgrenzen.geojson",
                 wijkgrenzen(args.bron, {r["regiocode"] for r in wk if r["jaar"] == "2022"}))
    schrijf_json(args.doel / "gemeentegrenzen.geojson", gemeentegrenzen(args.bron))
    (args.doel / "README.md").write_text(readme(), encoding="utf-8")
    fouten = controles(args.bron, gem, wk)
    totaal = sum(p.stat().st_size for p in args.doel.iterdir())
    print(f"Geschreven naar {args.doel}: {totaal / 1e6:.2f} MB")
    if fouten:
        print("Controles mislukt: " + "; ".join(fouten), file=sys.stderr)
        return 1
    print("Alle controles in orde.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
