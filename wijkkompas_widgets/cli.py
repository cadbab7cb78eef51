"""The ``wijkkompas`` command: ``wijkkompas start`` serves the werkboek with Voilà; ``export`` and ``import``
move a dossier out of and into the store (Word, Excel, JSON)."""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path

from . import export  # light: each export format loads its libraries on first use (see export/__init__.py)
from .dossier import validatie
from .dossier.model import Dossier, InvoerFout, OnbekendDossier, WerkboekFout
from .dossier.store import ENV_DATA_DIR, ENV_DB_URL, DossierStore, standaard_url
from .server import StartOpties, voila_argv, voila_omgeving, welkom_url


class _NederlandseOpmaak(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


# argparse writes its errors in English (its gettext catalogue has no Dutch); these are the ones a user of
# this command can cause. Anything else is shown as argparse wrote it, never hidden.
_FOUTEN = (
    (re.compile(r"the following arguments are required: (.+)"), r"dit ontbreekt nog: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.+) \(choose from (.+)\)"), r"\1: \2 bestaat niet; kies uit \3"),
    (re.compile(r"argument (\S+): invalid int value: (.+)"), r"\1: \2 is geen geheel getal"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1: zet er een waarde achter"),
    (re.compile(r"unrecognized arguments: (.+)"), r"onbekend: \1"),
)


class _NederlandseParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks Dutch: usage, section titles, help and error messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, formatter_class=_NederlandseOpmaak, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="Toon deze hulp en stop.")

    def error(self, message: str):
        for patroon, vervanging in _FOUTEN:
            message = patroon.sub(vervanging, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\nMeer hulp: {self.prog} --help\n")


def _parser() -> argparse.ArgumentParser:
    parser = _NederlandseParser(prog="wijkkompas", description="Het Wijkkompas werkboek.")
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT", title="opdrachten")
    start = sub.add_parser("start", help="Start het werkboek in de browser (Voilà).")
    start.add_argument("--port", type=int, default=8866, metavar="POORT",
                       help="Poort van de webserver (standaard 8866).")
    start.add_argument("--ip", default="127.0.0.1", metavar="ADRES",
                       help="Adres om op te luisteren; 0.0.0.0 voor een trainingsruimte (standaard 127.0.0.1).")
    start.add_argument("--no-browser", action="store_true", help="Open geen browser.")
    _opslag_opties(start)
    start.add_argument("--pool-size", type=int, default=1, metavar="AANTAL",
                       help="Aantal voorverwarmde kernels per notebook; 0 schakelt voorverwarmen uit.")
    start.add_argument("--workshop-pool", type=int, default=0, metavar="AANTAL",
                       help="Voorverwarmde kernels voor de deelnemerspagina van een workshop, bijv. 8 voor een "
                            "zaal van 30 (standaard 0: gelijk aan --pool-size).")
    sub.add_parser("info", help="Laat zien waar de dossiers worden bewaard.")
    uit = sub.add_parser("export", help="Sla een dossier op als Word-rapport, Excel-werkboek of reservekopie (JSON).")
    uit.add_argument("--format", choices=sorted(EXPORTSOORTEN), default="json",
                     help="docx (Word), xlsx (Excel) of json (reservekopie om terug te zetten; standaard).")
    uit.add_argument("dossier", metavar="DOSSIER", help="Het nummer of de naam van het dossier.")
    uit.add_argument("-o", "--output", metavar="PAD",
                     help="Bestand of map om in op te slaan (standaard: de huidige map, met een naam als "
                          "wijkdossier-<naam>-<datum>.<format>).")
    _opslag_opties(uit)
    in_ = sub.add_parser("import", help="Zet een reservekopie (JSON) terug als nieuw dossier.")
    in_.add_argument("bestand", metavar="BESTAND", help="Het .json-bestand dat 'wijkkompas export' of het "
                                                        "werkboek maakte.")
    _opslag_opties(in_)
    return parser


# format → (name of the export function in ``wijkkompas_widgets.export``, what the file is)
EXPORTSOORTEN: dict[str, tuple[str, str]] = {
    "docx": ("exporteer_docx", "Het Word-rapport"),
    "xlsx": ("exporteer_xlsx", "Het Excel-werkboek"),
    "json": ("exporteer_json", "De reservekopie"),
}


def _opslag_opties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="MAP", help=f"Map voor de dossiers (of zet {ENV_DATA_DIR}).")
    parser.add_argument("--db-url", metavar="URL",
                        help=f"Database-URL, bijv. postgresql+psycopg://... (of zet {ENV_DB_URL}).")


def _pas_omgeving_aan(args) -> None:
    if getattr(args, "data_dir", None):
        os.environ[ENV_DATA_DIR] = os.path.abspath(os.path.expanduser(args.data_dir))
    if getattr(args, "db_url", None):
        os.environ[ENV_DB_URL] = args.db_url


def _toon_url(url: str) -> str:
    """The store URL without a password, for printing."""
    if "@" in url and "://" in url:
        schema, rest = url.split("://", 1)
        return f"{schema}://***@{rest.split('@', 1)[1]}"
    return url


def _wacht_en_open(url: str, proces: subprocess.Popen, open_browser: bool, deadline_s: float = 90) -> None:
    einde = time.monotonic() + deadline_s
    while time.monotonic() < einde and proces.poll() is None:
        try:
            with urllib.request.urlopen(url.rsplit("/voila/", 1)[0] + "/voila/static/", timeout=2):
                pass
            break
        except OSError as fout:
            if getattr(fout, "code", None):  # an HTTP answer (even 404) means the server is up
                break
            time.sleep(0.3)
    if proces.poll() is None:
        print(f"Het werkboek staat klaar op {url}", flush=True)
        if open_browser:
            webbrowser.open(url)


def start(args) -> int:
    _pas_omgeving_aan(args)
    url = standaard_url()
    try:
        DossierStore(url)  # creates/migrates the store and places the example dossier before any page opens
    except WerkboekFout as fout:
        print(f"Kan de dossiers niet openen: {fout}", file=sys.stderr)
        return 2
    opties = StartOpties(port=args.port, ip=args.ip, open_browser=not args.no_browser, pool_size=args.pool_size,
                         workshop_pool=args.workshop_pool)
    print(f"Dossiers: {_toon_url(url)}", flush=True)
    print("Het werkboek wordt gestart; stoppen met Ctrl+C.", flush=True)
    proces = subprocess.Popen(
        [sys.executable, "-m", "wijkkompas_widgets.server", *voila_argv(opties)], env=voila_omgeving()
    )

    def stop_bij_signaal(_nummer, _frame):
        # systemd or a terminal that closes sends SIGTERM: stop Voilà (and so its kernels) too
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_bij_signaal)
    try:
        _wacht_en_open(welkom_url(opties), proces, opties.open_browser)
        return proces.wait()
    except KeyboardInterrupt:
        proces.terminate()
        try:
            proces.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proces.kill()
        return 0


def info(args) -> int:
    print(f"Dossiers: {_toon_url(standaard_url())}")
    return 0


def _kies_dossier(store: DossierStore, tekst: str) -> Dossier:
    """A dossier by its number, or by a name that only one dossier has (case and spaces don't count)."""
    tekst = tekst.strip()
    if validatie.is_dossier_id(tekst):
        try:
            return store.dossier(tekst)
        except OnbekendDossier:
            pass
    dossiers = store.dossiers()
    gelijk = [d for d in dossiers if d.naam == tekst] or [
        d for d in dossiers if validatie.naam_sleutel(d.naam) == validatie.naam_sleutel(tekst)]
    if len(gelijk) == 1:
        return gelijk[0]
    if gelijk:
        regels = "\n".join(f"  {d.id}  {d.naam}" for d in gelijk)
        raise InvoerFout(f"Er zijn {len(gelijk)} dossiers met de naam '{tekst}'. Geef het nummer van het dossier "
                         f"dat je bedoelt:\n{regels}")
    regels = "\n".join(f"  {d.id}  {d.naam}" for d in dossiers[:20]) or "  (nog geen dossiers)"
    raise OnbekendDossier(f"Er is geen dossier met het nummer of de naam '{tekst}'. Deze dossiers zijn er:\n{regels}")


def _doelpad(uitvoer: str | None, standaardnaam: str) -> Path:
    if not uitvoer:
        return Path.cwd() / standaardnaam
    pad = Path(uitvoer).expanduser()
    return pad / standaardnaam if pad.is_dir() else pad


def _schrijf_bestand(pad: Path, data: bytes) -> None:
    """Write next to the target and rename, so a failed write never leaves half a file under the real name."""
    tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.tmp")
    try:
        tijdelijk.write_bytes(data)
        os.replace(tijdelijk, pad)
    finally:
        tijdelijk.unlink(missing_ok=True)


def _reden(fout: OSError) -> str:
    """Why a file could not be read or written, in Dutch (the system's own text is English)."""
    if isinstance(fout, FileNotFoundError):
        return "het bestand of de map bestaat niet"
    if isinstance(fout, PermissionError):
        return "je hebt er geen toegang toe"
    if isinstance(fout, IsADirectoryError):
        return "dat is een map, geen bestand"
    return f"het besturingssysteem meldt: {fout.strerror or fout}"


def exporteer(args) -> int:
    _pas_omgeving_aan(args)
    functie, wat = EXPORTSOORTEN[args.format]
    try:
        maak = getattr(export, functie, None)
        if maak is None:
            print(f"{wat} ({args.format}) kan deze versie van het werkboek nog niet maken; kies --format json.",
                  file=sys.stderr)
            return 2
        store = DossierStore(standaard_url())
        dossier = _kies_dossier(store, args.dossier)
        data = maak(store, dossier.id)
        pad = _doelpad(args.output, export.bestandsnaam(dossier, args.format))
        _schrijf_bestand(pad, data)
    except WerkboekFout as fout:
        print(f"Exporteren is niet gelukt: {fout}", file=sys.stderr)
        return 2
    except OSError as fout:
        print(f"Het bestand kon niet worden opgeslagen in {fout.filename or args.output}: {_reden(fout)}. "
              "Kies met -o een map waarin je mag schrijven.", file=sys.stderr)
        return 2
    print(f"{wat} van '{dossier.naam}' staat in {pad}")
    return 0


def importeer(args) -> int:
    _pas_omgeving_aan(args)
    pad = Path(args.bestand).expanduser()
    try:
        if pad.stat().st_size > export.MAX_IMPORT:  # refused before reading 50 MB and more into memory
            megabyte = export.MAX_IMPORT // (1024 * 1024)
            raise InvoerFout(f"Het bestand '{pad.name}' is groter dan {megabyte} MB en is niet ingelezen. Er is "
                             "niets veranderd.")
        data = pad.read_bytes()
        store = DossierStore(standaard_url())
        dossier = export.importeer_json(store, data, pad.name)
    except WerkboekFout as fout:
        print(f"Importeren is niet gelukt: {fout}", file=sys.stderr)
        return 2
    except OSError as fout:
        print(f"Het bestand {pad} kon niet worden gelezen: {_reden(fout)}. Er is niets veranderd.", file=sys.stderr)
        return 2
    print(f"Dossier '{dossier.naam}' is toegevoegd met nummer {dossier.id}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return {"start": start, "info": info, "export": exporteer, "import": importeer}[args.opdracht](args)


if __name__ == "__main__":
    sys.exit(main())
