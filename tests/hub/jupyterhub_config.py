"""JupyterHub configuration for the hub test (tests/hub/test_jupyterhub.py); never for production.

What it tests is the production set-up of docs/jupyterhub_config.py with two things swapped for test
doubles: ``SimpleLocalProcessSpawner`` (every user's server is a process of the hub's own OS user, so no
system accounts are needed) and ``DummyAuthenticator`` (one shared password). Everything else is as in
production: each user's server is jhsingle-native-proxy doing the hub's OAuth in front of
``wijkkompas start --modus hub`` on loopback, and all servers share one PostgreSQL store.

The test passes its choices in the environment: WK_HUB_MAP (a fresh folder), WK_HUB_POORT (the public
port), WK_HUB_API_POORT, WK_PROXY_API_POORT, WK_HUB_WACHTWOORD, WK_HUB_DB_URL (the store),
WK_HUB_SERVICE_TOKEN (an admin token for the test itself, to wait for the servers).
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

map_ = Path(os.environ["WK_HUB_MAP"])

# -- the hub itself: loopback only, its state in the test's folder -------------------------------------------
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ["WK_HUB_POORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["WK_HUB_API_POORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['WK_PROXY_API_POORT']}"
c.ConfigurableHTTPProxy.pid_file = str(map_ / "proxy.pid")
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = f"sqlite:///{map_ / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(map_ / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops the users' servers
c.JupyterHub.cleanup_proxy = True

# -- who may sign in: three test users with one password --------------------------------------------------------
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["WK_HUB_WACHTWOORD"]
c.Authenticator.allowed_users = {"alice", "bob", "carol"}

# the test asks the hub API when the servers are ready (no user can use this token)
c.JupyterHub.services = [{"name": "wk-test", "api_token": os.environ["WK_HUB_SERVICE_TOKEN"]}]
c.JupyterHub.load_roles = [
    {"name": "wk-test", "scopes": ["read:users", "read:servers", "servers"], "services": ["wk-test"]},
]

# -- each user's server: the werkboek and nothing else ------------------------------------------------------------
c.JupyterHub.spawner_class = "simple"  # jupyterhub.spawner.SimpleLocalProcessSpawner: test only
c.SimpleLocalProcessSpawner.home_dir_template = str(map_ / "home" / "{username}")
c.Spawner.cmd = [
    sys.executable, "-m", "wijkkompas_widgets.hubproxy",  # jhsingle-native-proxy, two fixes (see there)
    "--ip", "127.0.0.1",
    "--destport", "0",                        # the werkboek gets a free loopback port of its own
    "--authtype", "oauth",                    # only this server's owner passes (the hub's access scope)
    "--ready-check-path", "/voila/static/",   # any answer means Voilà is up; never renders a notebook
    "--ready-timeout", "120",
    "--websocket-max-message-size", str(64 * 1024 * 1024),  # a 50 MB upload, as wijkkompas start allows
    "--progressive",                          # pass Voilà's page on while the notebook still runs
    "--last-activity-interval", "0",          # the hub learns activity from its proxy (see docs/hosting.md)
    "--",
    sys.executable, "-m", "wijkkompas_widgets.cli", "start", "--modus", "hub",
    "--ip", "127.0.0.1", "--port", "{port}", "--no-browser",
    "--base-url", "{base_url}/",
    "--pool-size", "0",  # three servers on two cores in CI: no pre-heated kernels per user
]
c.Spawner.args = []
c.Spawner.environment = {
    "WIJKKOMPAS_DB_URL": os.environ["WK_HUB_DB_URL"],
    "WIJKKOMPAS_AANMELDMODUS": "hub",
}
c.Spawner.start_timeout = 60
c.Spawner.http_timeout = 60
c.Spawner.poll_interval = 5
