"""The wijkdossier: its data, its validation and its store."""

from .model import (
    STATUS_LABELS,
    STATUSSEN,
    Dossier,
    GelijktijdigGewijzigd,
    InvoerFout,
    OnbekendDossier,
    OpslagFout,
    Partij,
    PartijInvoer,
    WerkboekFout,
)
from .store import DossierStore, open_store, standaard_url

__all__ = [
    "STATUSSEN",
    "STATUS_LABELS",
    "Dossier",
    "DossierStore",
    "GelijktijdigGewijzigd",
    "InvoerFout",
    "OnbekendDossier",
    "OpslagFout",
    "Partij",
    "PartijInvoer",
    "WerkboekFout",
    "open_store",
    "standaard_url",
]
