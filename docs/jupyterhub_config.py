"""Voorbeeldconfiguratie: het Wijkkompas werkboek op JupyterHub (zie docs/hosting.md, "JupyterHub").

Elke gebruiker krijgt een eigen server waarop alleen het werkboek draait: jhsingle-native-proxy doet de
aanmelding bij de hub (alleen de eigenaar van de server komt erin) en stuurt door naar `wijkkompas start
--modus hub` op 127.0.0.1. Er is geen JupyterLab, geen terminal en geen kernel-API waarmee iemand eigen code
kan uitvoeren; dat is nodig, want het adres van de database (met wachtwoord) staat in de omgeving van elke
server. Alle servers delen één PostgreSQL-database; wie wat mag zien, staat per dossier in die database.

Pas de regels met <…> aan. Getest (met een testspawner en -aanmelder in plaats van SystemdSpawner en Entra ID)
in tests/hub/test_jupyterhub.py.

Installeren (één virtuele omgeving voor hub en werkboek, bijvoorbeeld /opt/werkboek/venv):
    python3 -m venv /opt/werkboek/venv
    /opt/werkboek/venv/bin/pip install "wijkkompas-widgets[hub]" jupyterhub-systemdspawner oauthenticator
    npm install -g configurable-http-proxy
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - JupyterHub geeft dit mee als het dit bestand laadt

VENV = Path(sys.executable).parent  # de omgeving waarin jupyterhub en het werkboek staan
STAAT = Path("/srv/jupyterhub")  # de eigen gegevens van de hub (niet de dossiers)

# -- de hub: alleen op 127.0.0.1, nginx met TLS ervoor (docs/hosting.md) -----------------------------------------
c.JupyterHub.bind_url = "http://127.0.0.1:8000"
c.JupyterHub.db_url = f"sqlite:///{STAAT / 'jupyterhub.sqlite'}"  # gebruikers en tokens van de hub zelf
c.JupyterHub.cookie_secret_file = str(STAAT / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STAAT / "jupyterhub-proxy.pid")

# -- aanmelden: de eigen single sign-on, hier Microsoft Entra ID --------------------------------------------------
# (pip install oauthenticator; maak in Entra ID een app-registratie met redirect-URI
#  https://<werkboek.gemeente.nl>/hub/oauth_callback)
c.JupyterHub.authenticator_class = "azuread"
c.AzureAdOAuthenticator.tenant_id = os.environ["ENTRA_TENANT_ID"]
c.AzureAdOAuthenticator.client_id = os.environ["ENTRA_CLIENT_ID"]
c.AzureAdOAuthenticator.client_secret = os.environ["ENTRA_CLIENT_SECRET"]
c.AzureAdOAuthenticator.oauth_callback_url = "https://<werkboek.gemeente.nl>/hub/oauth_callback"
c.AzureAdOAuthenticator.username_claim = "preferred_username"  # anna@gemeente.nl: ook de naam in het werkboek
c.Authenticator.allowed_users = set()  # of: c.Authenticator.allow_all = True voor iedereen in de tenant
c.Authenticator.admin_users = {"<beheerder@gemeente.nl>"}  # beheer van de hub (servers starten en stoppen)

# -- de server van een gebruiker: het werkboek en verder niets ------------------------------------------------------
c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
c.SystemdSpawner.dynamic_users = True  # een eigen, tijdelijke systeemgebruiker per hubgebruiker
c.SystemdSpawner.isolate_tmp = True
c.SystemdSpawner.isolate_devices = True
c.SystemdSpawner.disable_user_sudo = True
# Geheugen en rekenkracht per gebruiker (systemd: MemoryMax en CPUQuota van de unit). Een gebruiker met drie
# open pagina's heeft ongeveer 100 MB voor de server plus 130-200 MB per pagina nodig.
c.Spawner.mem_limit = "1G"
c.Spawner.cpu_limit = 1.0
# Met DockerSpawner (pip install dockerspawner) gelden dezelfde twee regels: c.DockerSpawner.mem_limit = "1G"
# en c.DockerSpawner.cpu_limit = 1.0; gebruik dan een image waarin het werkboek is geïnstalleerd.

c.Spawner.cmd = [
    str(VENV / "python"), "-m", "wijkkompas_widgets.hubproxy",  # jhsingle-native-proxy met twee reparaties
    "--ip", "127.0.0.1",
    "--destport", "0",
    "--authtype", "oauth",
    "--ready-check-path", "/voila/static/",
    "--ready-timeout", "120",
    "--websocket-max-message-size", str(64 * 1024 * 1024),  # uploads tot 50 MB
    "--progressive",
    "--last-activity-interval", "0",  # de hub ziet activiteit via zijn proxy; de culler hieronder gebruikt die
    "--",
    str(VENV / "wijkkompas"), "start", "--modus", "hub",
    "--ip", "127.0.0.1", "--port", "{port}", "--no-browser",
    "--base-url", "{base_url}/",
    "--pool-size", "0",  # geen voorverwarmde kernels per gebruiker: elke gebruiker heeft al een eigen server
]
c.Spawner.args = []
c.Spawner.environment = {
    "WIJKKOMPAS_AANMELDMODUS": "hub",
    # Eén database voor alle servers. Zet het wachtwoord in de omgeving van de hub (systemd: EnvironmentFile=),
    # niet in dit bestand.
    "WIJKKOMPAS_DB_URL": os.environ["WIJKKOMPAS_DB_URL"],
}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# -- servers die niemand gebruikt, na een uur stoppen (pip install jupyterhub-idle-culler) ---------------------
c.JupyterHub.load_roles = [
    {
        "name": "jupyterhub-idle-culler-role",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["jupyterhub-idle-culler-service"],
    },
]
c.JupyterHub.services = [
    {
        "name": "jupyterhub-idle-culler-service",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600", "--cull-every=300"],
    },
]
