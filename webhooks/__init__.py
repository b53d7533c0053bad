"""Publish webhooks: signed JSON events sent to the endpoints site administrators
configure, delivered by the background worker (README, "Webhooks")."""
