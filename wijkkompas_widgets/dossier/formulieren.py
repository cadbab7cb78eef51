"""The keys of the dossier's saved forms, declared once.

A form is one JSON document per dossier and key (``DossierStore.formulier``/``bewaar_formulier``). The key is
part of the stored schema: JSON backups, the example dossier and old databases carry it, so it can never be
renamed, and every layer (exercise, read-model, export, workshop adoption) takes it from here instead of
spelling it again.
"""

from __future__ import annotations

DOEL = "doel"
REGIEROL = "regierol"
AFSPRAKEN = "afspraken"
WIJKPROFIEL = "wijkprofiel"
TRANSITIEOPGAVEN = "transitieopgaven"
FYSIEKE_KENMERKEN = "fysieke_kenmerken"
SOCIALE_KOPPELKANSEN = "sociale_koppelkansen"
NATUURLIJKE_MOMENTEN = "natuurlijke-momenten"  # with a hyphen, as it was first stored
BEELD_TOETSEN = "beeld_toetsen"
KOPPELKANSEN_CRITERIA = "koppelkansen_criteria"
OPGAVENMATRIX = "opgavenmatrix"
WOONLASTEN = "woonlasten"
PARTICIPATIEVORMEN = "participatievormen"
PARTICIPATIESTRATEGIE = "participatiestrategie"
BESLUITVORMING = "besluitvorming"
INSPRAAK = "inspraak"
TE_VERBINDEN = "te_verbinden"
CONCEPT_WUP = "concept_wup"
GEVOELIGHEID = "gevoeligheid"

# Every form, by a Python-friendly name (the exports' sheet and section names use these).
FORMULIEREN: dict[str, str] = {
    naam.lower(): sleutel for naam, sleutel in dict(globals()).items() if naam.isupper() and isinstance(sleutel, str)
}
