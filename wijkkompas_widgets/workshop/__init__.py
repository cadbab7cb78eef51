"""Live workshops on a wijkdossier: a facilitator opens rounds (scan, macht en belang, weging,
koppelkansen), participants join with a code on their own device, and the room sees the aggregate.

``model`` holds the plain data, ``codes`` the join codes and PIN, the store part lives in
``dossier/workshop.py``. Nothing heavy is imported here.
"""
