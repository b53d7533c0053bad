"""Who an API request acts for, in both APIs.

A personal access token (Wagtail's APIToken, which members create and revoke
on their profile page) in `Authorization: Bearer <token>` comes first: the
API boundary (cms/api_boundary.py) resolves it once per request, before any
view runs, and refuses a wrong, revoked or malformed one with 401 on every
endpoint of both APIs, never treating it as anonymous. Without a token the
browser's session counts, and a session that writes must send the CSRF token
like any form does. Reads are open to anonymous clients, who see what the
public sees; a token or a session only ever adds to that."""

from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import APIToken


class WrongToken(Exception):
    """The Authorization header names no usable token."""


def token_holder(authorization):
    """The active user whose unrevoked token `authorization` carries
    ("Bearer <token>"), or WrongToken."""
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise WrongToken("Send a personal access token as “Authorization: Bearer <token>”.")
    api_token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        .first()
    )
    if api_token is None or not api_token.user.is_active:
        raise WrongToken("The token is wrong, revoked or its account is inactive.")
    return api_token.user


class SessionOrAnonymous(SessionAuth):
    """Reads without a token go on as the session's user, or anonymous (who
    sees what the public sees). Reading changes nothing, so no CSRF check."""

    def authenticate(self, request, key):
        if "Authorization" in request.headers:
            return None
        return request.user


class SignedInSession(SessionAuth):
    """A signed-in session whose request carries the CSRF token. Without a
    signed-in session there is nothing for CSRF to protect: the answer is 401
    (sign in), not a CSRF failure."""

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


# Reads: the token's user, else the session's user, else anonymous.
READ_AUTH = [BearerTokenAuth(), SessionOrAnonymous(csrf=False)]
# Writes: the token's user, else the session's user with a valid CSRF token.
WRITE_AUTH = [BearerTokenAuth(), SignedInSession(csrf=True)]
