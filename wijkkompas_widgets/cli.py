"""The ``wijkkompas`` command: ``wijkkompas start`` serves the werkboek with Voilà."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
import webbrowser

from .dossier.model import WerkboekFout
from .dossier.store import ENV_DATA_DIR, ENV_DB_URL, DossierStore, standaard_url
from .server import StartOpties, voila_argv, voila_omgeving, welkom_url


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wijkkompas", description="Het Wijkkompas werkboek.")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    start = sub.add_parser("start", help="Start het werkboek in de browser (Voilà).")
    start.add_argument("--port", type=int, default=8866, help="Poort van de webserver (standaard 8866).")
    start.add_argument("--ip", default="127.0.0.1",
                       help="Adres om op te luisteren; 0.0.0.0 voor een trainingsruimte (standaard 127.0.0.1).")
    start.add_argument("--no-browser", action="store_true", help="Open geen browser.")
    start.add_argument("--data-dir", help=f"Map voor de dossiers (of zet {ENV_DATA_DIR}).")
    start.add_argument("--db-url", help=f"Database-URL, bijv. postgresql+psycopg://... (of zet {ENV_DB_URL}).")
    start.add_argument("--pool-size", type=int, default=1,
                       help="Aantal voorverwarmde kernels per notebook; 0 schakelt voorverwarmen uit.")
    start.add_argument("--workshop-pool", type=int, default=0,
                       help="Voorverwarmde kernels voor de deelnemerspagina van een workshop, bijv. 8 voor een "
                            "zaal van 30 (standaard 0: gelijk aan --pool-size).")
    sub.add_parser("info", help="Laat zien waar de dossiers worden bewaard.")
    return parser


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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return {"start": start, "info": info}[args.opdracht](args)


if __name__ == "__main__":
    sys.exit(main())
