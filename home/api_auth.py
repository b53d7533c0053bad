"""Who an API v3 request acts for, for the project's routers.

A personal access token (Wagtail's APIToken, which members create and revoke
on their profile page) in `Authorization: Bearer <token>` comes first. Without
one, the browser's session counts, and a session that writes must send the
CSRF token like any form does. Reads are open to anonymous clients, who see
what the public sees; a token that is wrong, revoked or expired is refused
with 401 rather than quietly read as anonymous."""

from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth


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
