"""The signature receivers check (README, "Webhooks"): an HMAC-SHA256, with the
endpoint's secret, of the timestamp, a dot, and the body's bytes."""

import hashlib
import hmac


def signature(secret, timestamp, body):
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "v1=" + digest.hexdigest()


def signed_headers(secret, event_id, timestamp, body):
    return {
        "Content-Type": "application/json",
        "User-Agent": "PPI-Webhooks/1",
        "Webhook-Id": str(event_id),
        "Webhook-Timestamp": str(timestamp),
        "Webhook-Signature": signature(secret, timestamp, body),
    }
