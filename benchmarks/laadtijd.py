"""Laadtijd en kernelgeheugen per werkboek-notebook, naast een vloer-notebook uit dezelfde run.

Absolute seconden zeggen weinig: ze hangen af van de machine en van wat er nog meer draait.
Daarom meet dit script ook ``vloer.ipynb`` (dezelfde import, één knop) op dezelfde server, in
dezelfde browser en in verweven volgorde, en drukt het verhoudingen af. Dit is een benchmark,
geen test: het oordeel is informatie en de exitcode is 0 zolang de meting zelf gelukt is.

    python3 benchmarks/laadtijd.py [--rondes N] [--pauze S] [--json PAD]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from wijkkompas_widgets.dossier.store import ENV_DATA_DIR, ENV_DB_URL, DossierStore
from wijkkompas_widgets.server import StartOpties, voila_argv, voila_omgeving

HIER = Path(__file__).resolve().parent
NOTEBOOKS = HIER.parent / "notebooks"
VLOER = "vloer.ipynb"

# The first exercise widget per page: what a participant waits for before they can do anything.
EERSTE_OEFENING = {
    VLOER: ".wk-vloer",
    "00_welkom.ipynb": ".wk-voortgang",
    "01_samen_starten.ipynb": ".wk-oefening-partijen",
    "02_karakteriseren.ipynb": ".wk-oefening-wijkprofiel",
    "03_strategieen.ipynb": ".wk-oefening-koppelkansen",
    "04_keuzes.ipynb": ".wk-oefening-afweging",
    "workshop_begeleider.ipynb": ".wk-workshop-sessienaam",
    "workshop_deelnemer.ipynb": ".wk-workshop-naam",
}
STANDAARD_OEFENING = ".wk-kaart"  # a page without an exercise yet: its first card

DOEL_FACTOR = 1.5  # time: at most 1.5 × the floor's median
DOEL_EXTRA_MB = 80  # memory: at most the floor's RSS + 80 MB

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_VLAGGEN = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]

# Interactive = the widget is rendered and visible, and its first control (if any) is enabled.
# Voilà only renders a widget view once the kernel's comm is live, so a visible view can be used.
IS_BEDIENBAAR = """(selector) => {
  const widget = document.querySelector(selector);
  if (!widget) return false;
  const zichtbaar = (el) => {
    const vak = el.getBoundingClientRect();
    return vak.width > 0 && vak.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const bediening = 'button, select, input, textarea, a[href]';
  const eerste = widget.matches(bediening) ? widget : widget.querySelector(bediening);
  return zichtbaar(widget) && eerste !== null && zichtbaar(eerste) && !eerste.disabled;
}"""
KERNEL_ID = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"

XSRF = "wijkkompas-benchmark"
KLOKTIKKEN = os.sysconf("SC_CLK_TCK")


@dataclass
class Meting:
    notebook: str
    ronde: int
    seconden: float | None = None
    rss_mb: float | None = None
    pss_mb: float | None = None
    fout: str | None = None


# -- processes under /proc -----------------------------------------------------------------------
def _cpu_seconden(pids: list[int]) -> float:
    """User + system CPU time of these processes; vanished processes count as 0."""
    totaal = 0
    for pid in pids:
        try:
            velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totaal += int(velden[11]) + int(velden[12])  # utime, stime (fields 14 and 15)
    return totaal / KLOKTIKKEN


def _kinderen(ouder: int) -> list[int]:
    """Direct children: the kernels Voilà started."""
    kinderen = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == ouder:
                kinderen.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return kinderen


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def kernel_pid(kernel_id: str) -> int | None:
    """The ipykernel process started with this kernel's connection file."""
    doel = f"kernel-{kernel_id}.json".encode()
    for proces in Path("/proc").glob("[0-9]*"):
        if doel in _cmdline(int(proces.name)):
            return int(proces.name)
    return None


def geheugen_mb(pid: int) -> tuple[float, float | None]:
    """RSS and PSS in MB; PSS shares the pages kernels have in common fairly, RSS is what top shows."""
    try:
        tekst = Path(f"/proc/{pid}/smaps_rollup").read_text()
        waarden = dict(re.findall(r"^(Rss|Pss):\s+(\d+) kB", tekst, re.MULTILINE))
        return int(waarden["Rss"]) / 1024, int(waarden["Pss"]) / 1024
    except (OSError, KeyError):
        tekst = Path(f"/proc/{pid}/status").read_text()
        return int(re.search(r"^VmRSS:\s+(\d+) kB", tekst, re.MULTILINE).group(1)) / 1024, None


def wacht_op_rust(pids, *, min_s: float = 1.0, max_s: float = 60.0, drempel: float = 0.05) -> bool:
    """Wait until ``pids()`` together use under ``drempel`` of one core for a second (at least ``min_s``).

    A pooled kernel is 'filled' before it has run its imports, and a page can be interactive before
    its last cell ran; measuring then would catch a kernel that is still busy."""
    begin = time.monotonic()
    vorige = _cpu_seconden(pids())
    while True:
        time.sleep(1.0)
        nu = _cpu_seconden(pids())
        if nu - vorige < drempel and time.monotonic() - begin >= min_s:
            return True
        if time.monotonic() - begin > max_s:
            return False
        vorige = nu


# -- the server ----------------------------------------------------------------------------------
def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class VoilaServer:
    """Voilà started exactly as ``wijkkompas start`` starts it, on loopback with its own data folder."""

    def __init__(self, notebooks: Path, werkmap: Path, *, modus: str = "lokaal", data_map: Path | None = None):
        if data_map is None:
            data_map = werkmap / "data"
            data_map.mkdir()
        # Like `wijkkompas start`: create the store and the example dossier before any page opens,
        # so the first measured page does not pay for the migrations.
        self.store_url = f"sqlite:///{data_map / 'wijkdossiers.sqlite'}"
        DossierStore(self.store_url)
        omgeving = {**os.environ, ENV_DATA_DIR: str(data_map)}
        omgeving.pop(ENV_DB_URL, None)
        self.opties = StartOpties(port=vrije_poort(), open_browser=False, pool_size=1, notebooks=notebooks,
                                  modus=modus)
        self.url = f"http://127.0.0.1:{self.opties.port}"
        self.logpad = werkmap / "voila.log"
        self._log = open(self.logpad, "w")  # noqa: SIM115 - closed in stop()
        # Own session: Ctrl+C reaches this script only, which then stops Voilà and its kernels in order.
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "wijkkompas_widgets.server", *voila_argv(self.opties)],
            env=voila_omgeving(omgeving), stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def log(self) -> str:
        return self.logpad.read_text(errors="replace")

    def _controleer(self) -> None:
        if self.proces.poll() is not None:
            raise RuntimeError(f"Voilà stopte (code {self.proces.returncode}):\n{self.log()[-2000:]}")

    def wacht_tot_bereikbaar(self, max_s: float) -> None:
        einde = time.monotonic() + max_s
        while time.monotonic() < einde:
            self._controleer()
            try:
                with urllib.request.urlopen(f"{self.url}/voila/static/", timeout=5):
                    return
            except urllib.error.HTTPError:
                return  # any HTTP answer means the server is up
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"Voilà antwoordde niet binnen {max_s:.0f} s")

    def keer_gevuld(self, notebook: str) -> int:
        """How often Voilà logged that this notebook's pool was (re)filled."""
        return len(re.findall(rf"Kernel pool of {re.escape(notebook)} is filled", self.log()))

    def wacht_op_pool(self, notebook: str, keer: int, max_s: float) -> None:
        """Wait for the ``keer``-th fill of the pool, then until its kernel has run its imports.

        A pooled kernel runs the import cell and then blocks in ``open_werkboek`` (wait_for_request)
        until a page asks for it; the floor notebook runs completely. Both are then idle."""
        einde = time.monotonic() + max_s
        while self.keer_gevuld(notebook) < keer:
            self._controleer()
            if time.monotonic() > einde:
                raise RuntimeError(f"pool van {notebook} werd niet binnen {max_s:.0f} s gevuld")
            time.sleep(0.3)
        if not wacht_op_rust(lambda: [self.proces.pid, *_kinderen(self.proces.pid)],
                             max_s=max(einde - time.monotonic(), 1)):
            print(f"  (server en kernels kwamen niet tot rust vóór {notebook}; meting gaat door)", flush=True)

    def stop(self) -> None:
        """Terminate (Voilà then shuts its kernels down), kill after a timeout, and kill stray kernels."""
        kernels = {pid: _cmdline(pid) for pid in _kinderen(self.proces.pid)}
        if self.proces.poll() is None:
            self.proces.terminate()
            try:
                self.proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait(timeout=10)
        for pid, cmdline in kernels.items():
            if cmdline and _cmdline(pid) == cmdline:  # same process, not a reused pid
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
        self._log.close()
        gevonden = re.search(r"Storing connection files in (\S+?)\.?$", self.log(), re.MULTILINE)
        if gevonden and Path(gevonden.group(1)).name.startswith("voila_"):
            shutil.rmtree(gevonden.group(1), ignore_errors=True)  # left behind only if Voilà was killed


# -- the browser ---------------------------------------------------------------------------------
_gewaarschuwd = False


def sluit_kernel(context, server: VoilaServer, kernel_id: str) -> None:
    """Shut the measured kernel down, so the rounds do not pile up kernels (a closed tab's kernel
    otherwise lives until it is culled after 15 minutes). Voilà sets no XSRF cookie, so we set
    our own and send it back in the header, as Tornado's double-submit check expects."""
    global _gewaarschuwd
    context.add_cookies([{"name": "_xsrf", "value": XSRF, "url": server.url}])
    antwoord = context.request.delete(f"{server.url}/api/kernels/{kernel_id}", headers={"X-XSRFToken": XSRF})
    if not antwoord.ok and not _gewaarschuwd:
        _gewaarschuwd = True
        print(f"  (kernels stoppen lukt niet: HTTP {antwoord.status}; ze blijven tot de server stopt)", flush=True)


def meet_pagina(browser, server: VoilaServer, notebook: str, ronde: int, max_s: float) -> Meting:
    """Time from ``page.goto`` until the first exercise widget is interactive, then the kernel's memory."""
    meting = Meting(notebook, ronde)
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    try:
        page = context.new_page()
        selector = EERSTE_OEFENING.get(notebook, STANDAARD_OEFENING)
        begin = time.perf_counter()
        page.goto(f"{server.url}/voila/render/{notebook}", wait_until="commit", timeout=max_s * 1000)
        page.wait_for_function(IS_BEDIENBAAR, arg=selector, polling=25, timeout=max_s * 1000)
        meting.seconden = time.perf_counter() - begin

        kernel_id = page.evaluate(KERNEL_ID)
        pid = kernel_pid(kernel_id)
        if pid is None:
            meting.fout = f"geen kernelproces voor kernel {kernel_id}"
            return meting
        wacht_op_rust(lambda: [pid], max_s=30)
        meting.rss_mb, meting.pss_mb = geheugen_mb(pid)
        sluit_kernel(context, server, kernel_id)
    except Exception as fout:  # a Playwright timeout or a vanished kernel spoils this one measurement
        meting.fout = f"{type(fout).__name__}: {str(fout).splitlines()[0]}"
    finally:
        context.close()
    return meting


def meet_alles(server: VoilaServer, notebooks: list[str], args) -> list[Meting]:
    """Rounds in rotating order, so no notebook always comes first or right after the same one."""
    from playwright.sync_api import sync_playwright

    metingen: list[Meting] = []
    gebruikt = dict.fromkeys(notebooks, 0)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_VLAGGEN, headless=True)
        try:
            for ronde in range(args.rondes):
                verschuiving = ronde % len(notebooks)
                for notebook in notebooks[verschuiving:] + notebooks[:verschuiving]:
                    server.wacht_op_pool(notebook, gebruikt[notebook] + 1, args.timeout)
                    gebruikt[notebook] += 1
                    meting = meet_pagina(browser, server, notebook, ronde + 1, args.timeout)
                    metingen.append(meting)
                    if meting.fout:
                        print(f"  ronde {ronde + 1}  {notebook:<24} MISLUKT: {meting.fout}", flush=True)
                    else:
                        print(f"  ronde {ronde + 1}  {notebook:<24} {meting.seconden:6.2f} s  "
                              f"RSS {meting.rss_mb:6.1f} MB", flush=True)
                    time.sleep(args.pauze)
        finally:
            browser.close()
    return metingen


# -- report --------------------------------------------------------------------------------------
def vat_samen(metingen: list[Meting], notebooks: list[str]) -> dict[str, dict]:
    """Medians per notebook and their ratio/difference to the floor."""
    samenvatting = {}
    for notebook in notebooks:
        goed = [m for m in metingen if m.notebook == notebook and m.fout is None]
        tijden = [m.seconden for m in goed]
        rss = [m.rss_mb for m in goed]
        pss = [m.pss_mb for m in goed if m.pss_mb is not None]
        samenvatting[notebook] = {
            "tijden_s": [round(t, 3) for t in tijden],
            "rss_mb": [round(r, 1) for r in rss],
            "pss_mb": [round(p, 1) for p in pss],
            "mislukt": sum(1 for m in metingen if m.notebook == notebook and m.fout),
            "mediaan_s": statistics.median(tijden) if tijden else None,
            "min_s": min(tijden, default=None),
            "max_s": max(tijden, default=None),
            "mediaan_rss_mb": statistics.median(rss) if rss else None,
            "mediaan_pss_mb": statistics.median(pss) if pss else None,
        }
    vloer = samenvatting[VLOER]
    for notebook, rij in samenvatting.items():
        if None in (rij["mediaan_s"], vloer["mediaan_s"], rij["mediaan_rss_mb"], vloer["mediaan_rss_mb"]):
            rij.update(factor=None, extra_mb=None, oordeel="geen meting")
            continue
        rij["factor"] = rij["mediaan_s"] / vloer["mediaan_s"]
        rij["extra_mb"] = rij["mediaan_rss_mb"] - vloer["mediaan_rss_mb"]
        if notebook == VLOER:
            rij["oordeel"] = "(vloer)"
        elif rij["factor"] <= DOEL_FACTOR and rij["extra_mb"] <= DOEL_EXTRA_MB:
            rij["oordeel"] = "binnen doel"
        else:
            rij["oordeel"] = "boven doel"
    return samenvatting


def tabel(samenvatting: dict[str, dict]) -> str:
    def getal(waarde, opmaak):
        return "–" if waarde is None else format(waarde, opmaak)

    kop = (f"{'notebook':<24} {'mediaan s':>9} {'min–max s':>11} {'× vloer':>7} "
           f"{'RSS MB':>7} {'Δ vloer MB':>10} {'PSS MB':>7}  oordeel")
    regels = [kop, "-" * len(kop)]
    for notebook, rij in samenvatting.items():
        bereik = f"{getal(rij['min_s'], '.2f')}–{getal(rij['max_s'], '.2f')}"
        regels.append(
            f"{notebook:<24} {getal(rij['mediaan_s'], '.2f'):>9} {bereik:>11} {getal(rij['factor'], '.2f'):>7} "
            f"{getal(rij['mediaan_rss_mb'], '.0f'):>7} {getal(rij['extra_mb'], '+.0f'):>10} "
            f"{getal(rij['mediaan_pss_mb'], '.0f'):>7}  {rij['oordeel']}"
        )
    return "\n".join(regels)


def belasting() -> str:
    een, vijf, _ = os.getloadavg()
    return f"{een:.1f}/{vijf:.1f} (1/5 min) op {os.cpu_count()} cores"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rondes", type=int, default=5, help="Aantal rondes (standaard 5).")
    parser.add_argument("--pauze", type=float, default=3.0,
                        help="Seconden na elke pagina, zodat Voilà de pool bijvult (standaard 3).")
    parser.add_argument("--timeout", type=float, default=180.0,
                        help="Maximale wachttijd in seconden voor server, pool en pagina (standaard 180).")
    parser.add_argument("--json", type=Path, help="Schrijf de resultaten ook als JSON naar dit pad.")
    parser.add_argument("--alleen", nargs="+", metavar="NOTEBOOK",
                        help="Alleen deze notebooks (naam zonder .ipynb), altijd naast de vloer.")
    return parser


def _stop_bij_sigterm(_signum, _frame):
    raise KeyboardInterrupt  # same clean-up path as Ctrl+C


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.rondes < 1:
        print("--rondes moet minstens 1 zijn", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop_bij_sigterm)
    werkmap = Path(tempfile.mkdtemp(prefix="wijkkompas-bench-"))
    server = None
    try:
        map_ = werkmap / "notebooks"
        map_.mkdir()
        gekozen = [b for b in sorted(NOTEBOOKS.glob("*.ipynb")) if not args.alleen or b.stem in args.alleen]
        for bron in [*gekozen, HIER / VLOER]:
            shutil.copy2(bron, map_ / bron.name)
        notebooks = sorted(p.name for p in map_.glob("*.ipynb"))
        belasting_start = belasting()
        print(f"Voilà starten voor {len(notebooks)} notebooks; belasting {belasting_start}", flush=True)
        server = VoilaServer(map_, werkmap)
        server.wacht_tot_bereikbaar(args.timeout)
        for notebook in notebooks:
            server.wacht_op_pool(notebook, 1, args.timeout)
        print(f"Pools gevuld; {args.rondes} rondes meten op {server.url}", flush=True)
        metingen = meet_alles(server, notebooks, args)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except Exception as fout:
        print(f"Meting mislukt: {fout}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(werkmap, ignore_errors=True)

    samenvatting = vat_samen(metingen, notebooks)
    print()
    print(f"Rondes: {args.rondes}; belasting bij start {belasting_start}, aan het eind {belasting()}")
    print(f"Doel per notebook: ≤ {DOEL_FACTOR}× de tijd van de vloer en ≤ vloer + {DOEL_EXTRA_MB} MB RSS.")
    print(tabel(samenvatting))
    mislukt = [m for m in metingen if m.fout]
    if args.json:
        args.json.write_text(json.dumps({
            "rondes": args.rondes,
            "doel": {"factor": DOEL_FACTOR, "extra_mb": DOEL_EXTRA_MB},
            "belasting": {"start": belasting_start, "einde": belasting()},
            "notebooks": samenvatting,
            "metingen": [asdict(m) for m in metingen],
        }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if mislukt:
        print(f"{len(mislukt)} meting(en) mislukt; zie de regels hierboven.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
