"""Live workshops on a wijkdossier: a facilitator opens rounds (scan, macht en belang, weging,
koppelkansen), participants join with a code on their own device, and the room sees the aggregate.

``model`` holds the plain data, ``codes`` the join codes and PIN, ``bestand`` the offline files and
``aggregatie`` what the room sees; none of them loads the store, whose part lives in ``dossier/workshop/``.
Nothing heavy is imported here.
"""
