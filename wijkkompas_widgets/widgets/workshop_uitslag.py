"""What the facilitator's screen says about a round, as HTML: the room's result with its chart (aggregation from
``workshop.aggregatie``, charts from ``charts``), where the organisations differ, who joined, and the report of
uploaded answer files. Plain functions of the records, so the page only decides *when* to draw them.
"""

from __future__ import annotations

from ..analysis.mca import getal, procent
from ..charts.koppelkansen import koppelkansen_figuur
from ..charts.scan import getal as getal1
from ..charts.scan import radar_figuur
from ..charts.weging import wegingen_figuur
from ..charts.workshop import machtbelang_spreiding_figuur
from ..workshop import aggregatie
from ..workshop.model import KLAAR, ImportVerslag, Ronde
from .basis import e, figuur_html, tabel_html


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def overnemen_uitleg(ronde: Ronde) -> str:
    return {
        "scan": "Er komt een nieuwe, gesloten ronde van de samenwerkingsscan in het dossier met de antwoorden van "
                "iedere deelnemer.",
        "machtbelang": "Per partij worden invloed en belang de mediaan van wat de deelnemers gaven.",
        "weging": "Per partij waarvan de naam overeenkomt met de organisatie van deelnemers, wordt de weging het "
                  "gemiddelde van hun punten (samen weer 100).",
        "koppelkansen": "Per koppelkans en criterium wordt de score het afgeronde gemiddelde van de deelnemers.",
    }.get(ronde.oefening, "De uitkomst wordt in het dossier gezet.")


def deelnemers_html(deelnemers, rondes, ingediend) -> str:
    """Who joined, and per round whether they submitted (a tick and the word, not colour)."""
    if not deelnemers:
        return ("<details class='wk-workshop-deelnemerslijst'><summary>Deelnemers (nog niemand)</summary>"
                "<p>Nog niemand doet mee.</p></details>")
    zichtbaar = [r for r in rondes if r.status != KLAAR]
    kop = "".join(f"<th scope='col'>{e(r.titel)}</th>" for r in zichtbaar)
    rijen = []
    for d in sorted(deelnemers, key=lambda d: (d.organisatie.lower(), d.naam.lower())):
        cellen = "".join(
            f"<td>{'✔ ingediend' if d.id in ingediend.get(r.id, set()) else '–'}</td>" for r in zichtbaar)
        spoor = d.spoor or "weet niet"
        rijen.append(f"<tr><td>{e(d.naam)}</td><td>{e(d.organisatie)}</td><td>{e(spoor)}</td>{cellen}</tr>")
    return (f"<details class='wk-workshop-deelnemerslijst'><summary>Deelnemers ({len(deelnemers)})</summary>"
            "<table class='wk-tabel'><thead><tr><th scope='col'>Naam</th><th scope='col'>Organisatie</th>"
            f"<th scope='col'>Spoor</th>{kop}</tr></thead><tbody>{''.join(rijen)}</tbody></table></details>")


def verslag_html(verslag: ImportVerslag, geweigerd_vooraf: list[str]) -> str:
    geweigerd = [*geweigerd_vooraf, *verslag.geweigerd]
    delen = []
    if verslag.nieuw:
        delen.append(f"<p>✔ Nieuw: {aantal(len(verslag.nieuw), 'deelnemer', 'deelnemers')} "
                     f"({e(', '.join(verslag.nieuw))}).</p>")
    if verslag.bijgewerkt:
        delen.append(f"<p>✔ Bijgewerkt: {aantal(len(verslag.bijgewerkt), 'deelnemer', 'deelnemers')} "
                     f"({e(', '.join(verslag.bijgewerkt))}); hun eerdere antwoorden zijn vervangen.</p>")
    if geweigerd:
        items = "".join(f"<li>{e(regel)}</li>" for regel in geweigerd)
        delen.append(f"<div class='wk-melding wk-melding-fout' role='alert'>⚠ Niet ingelezen "
                     f"({aantal(len(geweigerd), 'bestand', 'bestanden')}):<ul>{items}</ul></div>")
    if not delen:
        delen.append("<p>Er zijn geen antwoorden ingelezen.</p>")
    return "<div class='wk-workshop-verslag' role='status'>" + "".join(delen) + "</div>"


# -- the aggregate of a round -------------------------------------------------------------------
def uitslag_html(inhoud, ronde: Ronde, antwoorden, sessienaam: str = "") -> str:
    """The room's result of one round: aggregation from ``workshop.aggregatie``, charts from ``charts``."""
    uitslag = aggregatie.ronde_uitslag(ronde, antwoorden, inhoud)
    if uitslag.leeg:
        return (f"<p class='wk-workshop-leeg' role='status'>{e(uitslag.melding)} Zodra deelnemers indienen, "
                "verschijnt hier de uitkomst.</p>")
    teken = {"scan": _scan_html, "machtbelang": _machtbelang_html, "weging": _weging_html,
             "koppelkansen": _koppelkansen_html}[ronde.oefening]
    return teken(ronde, uitslag, sessienaam)


def _organisaties_tekst(uitslag) -> str:
    namen = ", ".join(f"{o.naam} ({o.deelnemers})" for o in uitslag.organisaties)
    lijsten = aantal(uitslag.deelnemers, "ingediende antwoordenlijst", "ingediende antwoordenlijsten")
    return f"<p class='wk-bron'>Uitkomst van {lijsten}; organisaties (aantal deelnemers): {e(namen)}.</p>"


def _scan_html(ronde: Ronde, uitslag, sessienaam: str = "") -> str:
    factoren = uitslag.uitslag.factoren
    tabel = tabel_html(
        ["Factor", "Gemiddelde (1–5)", "Spreiding", "Aantal personen"],
        [[f.naam, "te weinig antwoorden" if f.te_weinig else getal1(f.gemiddelde),
          "–" if f.te_weinig else getal1(f.spreiding), str(f.n)] for f in factoren])
    profielen = [(naam, list(waarden)) for naam, waarden in uitslag.profielen]
    alt = "Radardiagram van de samenwerkingsscan in de workshop, schaal 1 tot 5. " + "; ".join(
        f"{naam}: {'te weinig antwoorden' if waarde is None else getal1(waarde)}"
        for naam, waarde in zip(uitslag.factornamen, uitslag.gemiddelde, strict=True)) + "."
    figuur = figuur_html(radar_figuur(list(uitslag.factornamen), profielen, list(uitslag.gemiddelde),
                                      f"workshop {sessienaam}".strip()),
                         alt, breedte="700px")
    punten = "".join(
        f"<li><b>Stelling {p.nummer}:</b> {e(p.stelling.tekst)} — gemiddelde {getal1(p.gemiddelde)}<br>"
        f"<i>Gespreksvraag:</i> {e(p.gespreksvraag)}</li>" for p in uitslag.uitslag.aandachtspunten)
    aandacht = f"<h4>Top 3 aandachtspunten</h4><ol>{punten}</ol>" if punten else ""
    weet_niet = f"<p class='wk-bron'>'Weet niet' gegeven: {uitslag.weet_niet}×.</p>" if uitslag.weet_niet else ""
    return _organisaties_tekst(uitslag) + tabel + figuur + aandacht + weet_niet


def _bereik(vraag_uitslag) -> str:
    if vraag_uitslag is None or vraag_uitslag.mediaan is None:
        return "–"
    return (f"{getal(vraag_uitslag.mediaan)} ({getal(vraag_uitslag.minimum)}–{getal(vraag_uitslag.maximum)})")


def _machtbelang_html(ronde: Ronde, uitslag, sessienaam: str = "") -> str:
    rijen = [[p.naam, _bereik(p.invloed), _bereik(p.belang), str(p.aantal)] for p in uitslag.partijen]
    tabel = tabel_html(["Partij", "Invloed: mediaan (laagste–hoogste)", "Belang: mediaan (laagste–hoogste)",
                        "Aantal antwoorden"], rijen)
    alt = "Macht/belang-raster volgens de deelnemers (mediaan, met de spreiding als streepjeslijn): " + "; ".join(
        f"{p.naam}: invloed {_bereik(p.invloed)}, belang {_bereik(p.belang)}" for p in uitslag.partijen) + "."
    figuur = figuur_html(machtbelang_spreiding_figuur(uitslag), alt, breedte="640px")
    return _organisaties_tekst(uitslag) + figuur + tabel


def _weging_html(ronde: Ronde, uitslag, sessienaam: str = "") -> str:
    namen = uitslag.namen
    organisaties = list(uitslag.punten_per_organisatie)
    rijen = [[naam, str(uitslag.gezamenlijke_punten.get(sleutel, 0))]
             + [str(uitslag.punten_per_organisatie[o].get(sleutel, 0)) for o in organisaties]
             for sleutel, naam in namen.items()]
    tabel = tabel_html(["Criterium", "Gezamenlijk (punten)", *organisaties], rijen)
    alt = "Staafdiagram van de gewichten per organisatie en gezamenlijk: " + "; ".join(
        f"{naam} gezamenlijk {procent(uitslag.gezamenlijk.get(sleutel, 0.0))}"
        for sleutel, naam in namen.items()) + "."
    figuur = figuur_html(wegingen_figuur(uitslag.per_organisatie, namen, uitslag.gezamenlijk,
                                         titel="Gewicht per criterium, per organisatie"), alt, breedte="760px")
    zinnen = "".join(f"<li>{e(z)}</li>" for z in uitslag.zinnen)
    verschil = f"<div class='wk-weging-verschillen'><ul>{zinnen}</ul></div>" if zinnen else ""
    overgeslagen = (f"<p class='wk-bron'>{aantal(uitslag.overgeslagen, 'antwoordenlijst', 'antwoordenlijsten')} "
                    "zonder bruikbare punten telt niet mee.</p>" if uitslag.overgeslagen else "")
    return (_organisaties_tekst(uitslag) + "<p>Elke organisatie telt even zwaar mee, hoeveel mensen er ook "
            "meededen. De punten zijn per organisatie het gemiddelde van haar deelnemers, afgerond op samen 100.</p>"
            + tabel + figuur + verschil + overgeslagen)


def _koppelkansen_html(ronde: Ronde, uitslag, sessienaam: str = "") -> str:
    rijen = [[str(k.plaats) if k.plaats is not None else "–", k.titel,
              getal1(k.gemiddelde) if k.gemiddelde is not None else "nog niet volledig gescoord",
              getal1(k.verschil) if len(k.per_organisatie) >= 2 else "–"]
             for k in uitslag.kansen]
    tabel = tabel_html(["Plaats", "Koppelkans", "Gemiddelde (1–5)", "Verschil tussen organisaties"], rijen)
    alt = "Koppelkansen gerangschikt op de gemiddelde score van de deelnemers: " + "; ".join(
        f"{k.titel} {getal1(k.gemiddelde) if k.gemiddelde is not None else 'onvolledig'}"
        for k in uitslag.kansen) + "."
    figuur = figuur_html(koppelkansen_figuur(uitslag.rangschikking), alt, breedte="700px")
    return _organisaties_tekst(uitslag) + figuur + tabel


def verschillen_html(ronde: Ronde, antwoorden) -> str:
    """'Waar de organisaties verschillen': the questions with the largest gap between organisation means."""
    verschillen = aggregatie.spreiding_tussen_organisaties(ronde, antwoorden, aggregatie.AANTAL_VERSCHILLEN)
    if not verschillen:
        return ("<h4>Waar de organisaties verschillen</h4><p class='wk-bron'>Nog geen verschillen: daarvoor zijn "
                "ingediende antwoorden van minstens twee organisaties nodig.</p>")
    toon = procent if ronde.oefening == "weging" else getal

    def vraag(v) -> str:
        return f"{v.vraag.groep}: {v.vraag.label}" if v.vraag.groep and ronde.oefening != "scan" else v.vraag.label

    rijen = [[vraag(v), f"{v.hoogste[0]} ({toon(round(v.hoogste[1], 3))})",
              f"{v.laagste[0]} ({toon(round(v.laagste[1], 3))})", toon(round(v.verschil, 3))] for v in verschillen]
    eenheid = " (aandeel van de punten)" if ronde.oefening == "weging" else ""
    return ("<h4>Waar de organisaties verschillen</h4><p class='wk-bron'>De vragen met het grootste verschil tussen "
            f"het hoogste en het laagste gemiddelde van een organisatie{eenheid}. Een goed begin voor het gesprek.</p>"
            + tabel_html(["Vraag", "Hoogste", "Laagste", "Verschil"], rijen))
