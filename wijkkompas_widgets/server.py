"""How ``wijkkompas start`` runs Voilà: every option in one place, as a testable argument list."""

from __future__ import annotations

import os
import re
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

from .paths import jupyter_share_dir, notebooks_dir
from .toegang.identiteit import ENV_GEHEIM, ENV_MODUS, HEADER, MODI, is_loopback

WELKOM = "00_welkom.ipynb"
DEELNEMER = "workshop_deelnemer.ipynb"  # the page every workshop participant opens at once
TEMPLATE = "wijkkompas"
PROXY_HEADER = "X-Forwarded-User"  # what oauth2-proxy passes on (--pass-user-headers)
MAX_UPLOAD = 50 * 1024 * 1024  # the template refuses bigger files in the browser (see index.html.j2)
WEBSOCKET_MAX_BERICHT = 64 * 1024 * 1024  # room for a 50 MB upload plus the message around it


@dataclass(frozen=True)
class StartOpties:
    port: int = 8866
    ip: str = "127.0.0.1"
    open_browser: bool = True
    pool_size: int = 1
    # Pre-heated kernels for the workshop participant page alone: a room of 30 opens it within a
    # minute, so it needs a bigger pool than the other pages (0 = the same as pool_size).
    workshop_pool: int = 0
    # Idle kernels (a closed tab) are shut down after this many seconds; a participant who
    # keeps the tab open is never culled (cull_connected stays False).
    cull_idle_timeout: int = 900
    cull_interval: int = 60
    notebooks: Path | None = None
    # Who is visiting (docs/hosting.md): lokaal (one person, no sign-in), aanmelden (our own sign-in page),
    # proxy (a sign-in proxy in front names the user in ``proxy_header``), hub (JupyterHub's user).
    modus: str = "lokaal"
    proxy_header: str = PROXY_HEADER
    base_url: str = "/"


_HEADERNAAM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")


def adres_fout(modus: str, ip: str) -> str | None:
    """Why this mode may not listen on this address (a Dutch text), or None if it may."""
    if modus not in MODI:
        return f"Onbekende modus '{modus}'. Kies uit: {', '.join(MODI)}."
    if is_loopback(ip):
        return None
    if modus == "lokaal":
        return (f"Het werkboek zou dan luisteren op {ip or 'alle netwerkadressen'}, zodat iedereen in het netwerk "
                "alle dossiers kan openen en wijzigen zonder aan te melden. Daarom start het niet. Kies een van "
                "deze:\n"
                f"  wijkkompas start --modus aanmelden --ip {ip or '0.0.0.0'}   (met de eigen aanmeldpagina; maak "
                "eerst een account met 'wijkkompas gebruiker toevoegen NAAM --beheerder')\n"
                "  wijkkompas start   (alleen op deze computer, zonder aanmelden)")
    if modus == "proxy":
        return ("In de proxy-modus mag het werkboek alleen op 127.0.0.1 luisteren: de aanmeldproxy ervoor is de "
                "enige die het mag bereiken. Anders kan iedereen in het netwerk de gebruikerskop zelf meesturen en "
                "zich als een ander voordoen. Laat --ip weg en laat de proxy doorsturen naar 127.0.0.1.")
    if modus == "hub":
        return ("In de hub-modus mag het werkboek alleen op 127.0.0.1 luisteren: JupyterHub (bijvoorbeeld via "
                "jhsingle-native-proxy) staat ervoor en meldt de gebruiker aan. Laat --ip weg.")
    return None


def header_fout(naam: str) -> str | None:
    """Why a header name cannot carry the proxy's user (a Dutch text), or None."""
    if not _HEADERNAAM.match(naam or ""):
        return f"'{naam}' is geen geldige naam voor een HTTP-kop; gebruik letters, cijfers en '-'."
    if naam.lower() in (HEADER.lower(), "cookie", "host", "authorization"):
        return f"De kop '{naam}' kan de gebruiker van de proxy niet doorgeven; kies bijvoorbeeld {PROXY_HEADER}."
    return None


def schone_base_url(waarde: str) -> str:
    """'/', or '/pad/' with one slash at each end (Voilà's base_url)."""
    return "/" + "/".join(deel for deel in (waarde or "").split("/") if deel) + ("/" if waarde.strip("/") else "")


def voila_argv(opties: StartOpties) -> list[str]:
    """The Voilà command line (without the program name)."""
    notebooks = opties.notebooks or notebooks_dir()
    argv = [
        str(notebooks),
        f"--port={opties.port}",
        f"--Voila.ip={opties.ip}",
        "--Voila.port_retries=0",
        "--no-browser",  # we open the welcome page ourselves, not the file list
        f"--template={TEMPLATE}",
        "--VoilaExporter.language_code=nl",
        "--theme=light",
        f"--MappingKernelManager.cull_interval={opties.cull_interval}",
        f"--MappingKernelManager.cull_idle_timeout={opties.cull_idle_timeout}",
        "--MappingKernelManager.cull_connected=False",
        "--VoilaConfiguration.show_tracebacks=False",
        f"--WijkkompasVoila.aanmeldmodus={opties.modus}",
        # No --VoilaExecutor.timeout: a pre-heated kernel waits in its first cell
        # (wait_for_request) until a visitor arrives, and a cell timeout would kill it.
    ]
    if opties.pool_size > 0 or opties.workshop_pool > 0:
        argv += ["--preheat_kernel=True", f"--pool_size={opties.pool_size}"]
    if opties.workshop_pool > 0:
        argv.append(f"--WijkkompasVoila.workshop_pool={opties.workshop_pool}")
    if opties.modus == "proxy":
        argv.append(f"--WijkkompasVoila.proxy_header={opties.proxy_header}")
    basis = schone_base_url(opties.base_url)
    if basis != "/":
        argv.append(f"--Voila.base_url={basis}")
        if opties.modus == "hub":
            # jhsingle-native-proxy strips /user/<naam>/ before it forwards: Voilà serves on "/" while the links it
            # writes keep the prefix the browser sees (Voilà's split between server_url and base_url)
            argv.append("--Voila.server_url=/")
    return argv


def kernel_pools(pool_size: int, workshop_pool: int) -> dict:
    """Voilà's per-notebook pool sizes: the participant page gets its own (see StartOpties)."""
    return {"default": {"pool_size": pool_size}, DEELNEMER: {"pool_size": workshop_pool}}


def voila_omgeving(basis: dict[str, str] | None = None) -> dict[str, str]:
    """Environment with our template on ``JUPYTER_PATH`` (Voilà looks templates up there)."""
    omgeving = dict(os.environ if basis is None else basis)
    paden = [str(jupyter_share_dir())]
    if omgeving.get("JUPYTER_PATH"):
        paden.append(omgeving["JUPYTER_PATH"])
    omgeving["JUPYTER_PATH"] = os.pathsep.join(paden)
    return omgeving


def welkom_url(opties: StartOpties) -> str:
    """Where this process serves the welcome page (in hub mode without the hub's prefix: see ``voila_argv``)."""
    host = "localhost" if opties.ip in ("127.0.0.1", "0.0.0.0", "::", "") else opties.ip
    pad = "/" if opties.modus == "hub" else schone_base_url(opties.base_url)
    return f"http://{host}:{opties.port}{pad}voila/render/{WELKOM}"


def maak_voila_app_klasse():
    """A Voilà app whose root URL leads to the welcome notebook instead of a file list."""
    # here: Voilà, tornado and jupyter_server load only in the server's own process, not in the CLI or a kernel
    from jupyter_server.utils import url_path_join
    from tornado.web import RedirectHandler
    from traitlets import Int, Unicode, default
    from voila.app import Voila

    from .toegang import poort  # the gate loads tornado handlers and the store: only in the server process

    class WijkkompasVoila(Voila):
        name = "wijkkompas"
        workshop_pool = Int(0, help="Voorverwarmde kernels voor de deelnemerspagina van een workshop.").tag(
            config=True)
        aanmeldmodus = Unicode(help="Hoe bezoekers bekend zijn: lokaal, aanmelden, proxy of hub.").tag(config=True)
        proxy_header = Unicode(PROXY_HEADER, help="De kop waarin de aanmeldproxy de gebruiker doorgeeft.").tag(
            config=True)

        @default("aanmeldmodus")
        def _aanmeldmodus_standaard(self):
            return os.environ.get(ENV_MODUS) or "lokaal"

        def initialize(self, argv=None):
            super().initialize(argv)
            # The last check, also when someone starts this module without ``wijkkompas start``.
            fout = adres_fout(self.aanmeldmodus, self.ip) or (
                header_fout(self.proxy_header) if self.aanmeldmodus == "proxy" else None)
            if fout:
                self.log.critical(fout)
                self.exit(2)
            # Kernels inherit this process's environment: they learn the mode, and the secret with which they
            # check the identity header (a fresh one per server start, so an old token never fits).
            os.environ[ENV_MODUS] = self.aanmeldmodus
            os.environ[ENV_GEHEIM] = secrets.token_urlsafe(32)
            if HEADER not in self.voila_configuration.http_header_envs:
                self.voila_configuration.http_header_envs = [*self.voila_configuration.http_header_envs, HEADER]
            if self.workshop_pool > 0:
                # Set before start() builds the kernel manager, which reads it from our config.
                # (A nested dict on the command line is deprecated in traitlets, hence this trait.)
                self.config.VoilaKernelManager.kernel_pools_config = kernel_pools(
                    self.voila_configuration.default_pool_size, self.workshop_pool)

        @default("tornado_settings")
        def _tornado_settings_standaard(self):
            # An uploaded file travels to the kernel in one websocket message; tornado's default
            # limit (10 MiB) would drop the connection before our own 50 MB check can answer.
            return {"websocket_max_message_size": WEBSOCKET_MAX_BERICHT}

        def init_handlers(self):
            handlers = super().init_handlers()
            # Voilà made its tornado application and kernel manager before asking for the handlers.
            instellingen = poort.Instellingen(
                modus=self.aanmeldmodus, geheim=os.environ[ENV_GEHEIM], server_url=self.server_url,
                proxy_header=self.proxy_header, eigen_ip=self.ip)
            store = poort.systeemstore() if self.aanmeldmodus in ("aanmelden", "proxy") else None
            handlers[:0] = poort.installeer(self, instellingen, store)
            welkom = url_path_join(self.base_url, "voila/render", WELKOM)  # what the browser sees (hub: prefixed)
            handlers.insert(0, (url_path_join(self.server_url, r"/?$"), RedirectHandler, {"url": welkom}))
            handlers.insert(0, (url_path_join(self.server_url, r"/voila/?$"), RedirectHandler, {"url": welkom}))
            return handlers

    return WijkkompasVoila


def main_voila(argv: list[str]) -> None:
    """Entry for the subprocess that ``wijkkompas start`` launches: ``python -m wijkkompas_widgets.server``."""
    maak_voila_app_klasse().launch_instance(argv)


if __name__ == "__main__":
    main_voila(sys.argv[1:])
