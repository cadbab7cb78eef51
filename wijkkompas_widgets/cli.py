"""The ``wijkkompas`` command: ``wijkkompas start`` serves the werkboek with Voilà; ``export`` and ``import``
move a dossier out of and into the store (Word, Excel, JSON)."""

from __future__ import annotations

import argparse
import getpass
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
from .dossier.model import ROL_LABELS, SYSTEEM, Dossier, InvoerFout, OnbekendDossier, WerkboekFout
from .dossier.store import ENV_DATA_DIR, ENV_DB_URL, DossierStore, standaard_url
from .server import (
    PROXY_HEADER,
    StartOpties,
    adres_fout,
    header_fout,
    schone_base_url,
    voila_argv,
    voila_omgeving,
    welkom_url,
)
from .toegang.identiteit import ENV_MODUS, MODI


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
    start.add_argument("--modus", choices=MODI, default=None,
                       help="Hoe bezoekers bekend zijn: lokaal (standaard: één persoon op deze computer, zonder "
                            "aanmelden), aanmelden (eigen aanmeldpagina met accounts), proxy (een aanmeldproxy van je "
                            f"organisatie ervoor) of hub (JupyterHub). Of zet {ENV_MODUS}.")
    start.add_argument("--proxy-header", default=PROXY_HEADER, metavar="NAAM",
                       help=f"In de proxy-modus: de kop waarin de proxy de gebruiker doorgeeft (standaard "
                            f"{PROXY_HEADER}).")
    start.add_argument("--base-url", default="/", metavar="PAD",
                       help="Pad waaronder het werkboek draait achter een proxy, bijv. /werkboek/ (standaard /).")
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

    gebruiker = sub.add_parser("gebruiker", help="Accounts voor de aanmeldpagina: toevoegen, wachtwoord, verwijderen.")
    gsub = gebruiker.add_subparsers(dest="actie", required=True, metavar="ACTIE", title="acties")
    toevoegen = gsub.add_parser("toevoegen", help="Maak een account (het wachtwoord wordt gevraagd).")
    toevoegen.add_argument("naam", metavar="NAAM", help="De gebruikersnaam, bijv. anna of anna@gemeente.nl.")
    toevoegen.add_argument("--beheerder", action="store_true", help="Dit account mag accounts beheren.")
    toevoegen.add_argument("--weergavenaam", default="", metavar="TEKST",
                           help="De naam in de geschiedenis, bijv. 'Anna de Vries' (standaard de gebruikersnaam).")
    wachtwoord = gsub.add_parser("wachtwoord", help="Geef een account een nieuw wachtwoord (meldt het overal af).")
    wachtwoord.add_argument("naam", metavar="NAAM", help="De gebruikersnaam.")
    for p in (toevoegen, wachtwoord):
        p.add_argument("--wachtwoord-stdin", action="store_true",
                       help="Lees het wachtwoord van de standaardinvoer (voor scripts) in plaats van het te vragen.")
    verwijderen = gsub.add_parser("verwijderen", help="Verwijder een account.")
    verwijderen.add_argument("naam", metavar="NAAM", help="De gebruikersnaam.")
    gsub.add_parser("lijst", help="Laat alle accounts zien.")
    for p in gsub.choices.values():
        _opslag_opties(p)

    lid = sub.add_parser("lid", help="Leden van een dossier: iemand toevoegen of zijn rol wijzigen.")
    lsub = lid.add_subparsers(dest="actie", required=True, metavar="ACTIE", title="acties")
    lid_toe = lsub.add_parser("toevoegen", help="Maak een account lid van een dossier, of wijzig zijn rol.")
    lid_toe.add_argument("dossier", metavar="DOSSIER", help="Het nummer of de naam van het dossier.")
    lid_toe.add_argument("gebruiker", metavar="GEBRUIKER", help="De gebruikersnaam van het account.")
    lid_toe.add_argument("--rol", choices=tuple(ROL_LABELS), required=True,
                         help="eigenaar (beheert de leden), bewerker (verandert alles) of lezer (bekijkt).")
    lid_lijst = lsub.add_parser("lijst", help="Laat de leden van een dossier zien.")
    lid_lijst.add_argument("dossier", metavar="DOSSIER", help="Het nummer of de naam van het dossier.")
    for p in (lid_toe, lid_lijst):
        _opslag_opties(p)
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


def _server_omgeving(modus: str) -> dict[str, str]:
    """Voilà's environment. Under JupyterHub the hub's API token stays with the front proxy: the werkboek and its
    kernels need only ``JUPYTERHUB_USER``, and a token they do not hold cannot leak."""
    omgeving = voila_omgeving()
    if modus == "hub":
        for naam in ("JUPYTERHUB_API_TOKEN", "JPY_API_TOKEN"):
            omgeving.pop(naam, None)
    return omgeving


def start(args) -> int:
    _pas_omgeving_aan(args)
    modus = args.modus or os.environ.get(ENV_MODUS) or "lokaal"
    fout = adres_fout(modus, args.ip) or (header_fout(args.proxy_header) if modus == "proxy" else None)
    if fout:
        print(fout, file=sys.stderr)
        return 2
    url = standaard_url()
    try:
        # creates/migrates the store and places the example dossier before any page opens
        store = DossierStore(url, gebruiker=SYSTEEM)
        accounts = store.gebruikers() if modus == "aanmelden" else None
    except WerkboekFout as fout:
        print(f"Kan de dossiers niet openen: {fout}", file=sys.stderr)
        return 2
    if accounts == []:
        print("Let op: er is nog geen account, dus niemand kan zich aanmelden (workshopdeelnemers wel). Maak het "
              "eerste met: wijkkompas gebruiker toevoegen NAAM --beheerder", flush=True)
    basis = args.base_url
    if modus == "hub" and schone_base_url(basis) == "/":
        basis = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")  # the hub's /user/<naam>/
    opties = StartOpties(port=args.port, ip=args.ip, open_browser=not args.no_browser, pool_size=args.pool_size,
                         workshop_pool=args.workshop_pool, modus=modus, proxy_header=args.proxy_header,
                         base_url=schone_base_url(basis))
    print(f"Dossiers: {_toon_url(url)}", flush=True)
    print("Het werkboek wordt gestart; stoppen met Ctrl+C.", flush=True)
    proces = subprocess.Popen(
        [sys.executable, "-m", "wijkkompas_widgets.server", *voila_argv(opties)], env=_server_omgeving(modus)
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
        store = _beheerstore()  # the command line acts as SYSTEEM: it sees every dossier
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
        store = _beheerstore()
        dossier = export.importeer_json(store, data, pad.name)
    except WerkboekFout as fout:
        print(f"Importeren is niet gelukt: {fout}", file=sys.stderr)
        return 2
    except OSError as fout:
        print(f"Het bestand {pad} kon niet worden gelezen: {_reden(fout)}. Er is niets veranderd.", file=sys.stderr)
        return 2
    print(f"Dossier '{dossier.naam}' is toegevoegd met nummer {dossier.id}.")
    return 0


def _lees_wachtwoord(args) -> str:
    """The new password: from standard input (one line) for scripts, else asked twice without echo."""
    if args.wachtwoord_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    eerste = getpass.getpass("Wachtwoord (minstens 10 tekens): ")
    if getpass.getpass("Nog een keer, ter controle: ") != eerste:
        raise InvoerFout("De twee wachtwoorden zijn niet gelijk; er is niets veranderd.")
    return eerste


def _beheerstore() -> DossierStore:
    return DossierStore(standaard_url(), gebruiker=SYSTEEM)


def gebruiker(args) -> int:
    _pas_omgeving_aan(args)
    try:
        if args.actie == "toevoegen":
            wachtwoord = _lees_wachtwoord(args)
            nieuw = _beheerstore().maak_gebruiker(args.naam, wachtwoord, weergavenaam=args.weergavenaam,
                                                  beheerder=args.beheerder)
            rol = " (beheerder)" if nieuw.beheerder else ""
            print(f"Account '{nieuw.naam}'{rol} is gemaakt; {nieuw.naam} kan zich nu aanmelden.")
        elif args.actie == "wachtwoord":
            store = _beheerstore()
            naam = store.gebruiker_op_naam(args.naam).naam  # an unknown name is refused before the password is asked
            store.zet_wachtwoord(naam, _lees_wachtwoord(args))
            print(f"Het wachtwoord van '{naam}' is gewijzigd; overal waar {naam} was aangemeld is dat beëindigd.")
        elif args.actie == "verwijderen":
            store = _beheerstore()
            naam = store.gebruiker_op_naam(args.naam).naam
            store.verwijder_gebruiker(naam)
            print(f"Account '{naam}' is verwijderd. In de geschiedenis blijft de naam staan.")
        else:
            accounts = _beheerstore().gebruikers()
            for account in accounts:
                extra = ", beheerder" if account.beheerder else ""
                print(f"{account.naam}  ({account.weergavenaam}{extra})")
            if not accounts:
                print("Er zijn nog geen accounts. Maak het eerste met: wijkkompas gebruiker toevoegen NAAM --beheerder")
    except WerkboekFout as fout:
        print(f"Dat is niet gelukt: {fout}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("\nAfgebroken; er is niets veranderd.", file=sys.stderr)
        return 2
    return 0


def leden(args) -> int:
    _pas_omgeving_aan(args)
    try:
        store = _beheerstore()
        dossier = _kies_dossier(store, args.dossier)
        if args.actie == "toevoegen":
            nieuw = store.zet_lid(dossier.id, args.gebruiker, args.rol)
            print(f"{nieuw.weergavenaam} is nu {nieuw.rol_label.lower()} van '{dossier.naam}'.")
        else:
            for lid in store.leden(dossier.id):
                print(f"{lid.gebruiker}  {lid.rol_label}  ({lid.weergavenaam})")
    except WerkboekFout as fout:
        print(f"Dat is niet gelukt: {fout}", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    opdrachten = {"start": start, "info": info, "export": exporteer, "import": importeer, "gebruiker": gebruiker,
                  "lid": leden}
    return opdrachten[args.opdracht](args)


if __name__ == "__main__":
    sys.exit(main())
