"""Dutch user-interface texts that are used in more than one place."""

ONVERWACHTE_FOUT = (
    "Er ging iets mis en er is niets opgeslagen. Probeer het opnieuw; blijft het misgaan, "
    "laad dan de pagina opnieuw."
)
OPGESLAGEN = "Opgeslagen"
GEEN_DOSSIER = "Er is geen dossier geopend. Kies hierboven een dossier of maak een nieuw dossier."
VOORBEELD_BADGE = "Voorbeelddossier"
BESTUURLIJK_GEVOELIG = "Let op: dit knooppunt kan bestuurlijk gevoelig zijn"
BRON_WIJKKOMPAS = "Wijkkompas (wijkkompas.nl), bewerkt in eigen woorden"
# the Word report and the Excel workbook
RAPPORT_TITEL = "Bouwstenen voor het wijkuitvoeringsplan"
NOG_NIET_INGEVULD = "Nog niet ingevuld."
