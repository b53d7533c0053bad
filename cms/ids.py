"""Ids that clients type, in URLs and API bodies, parsed in this one place.

A number the database cannot hold must never reach a query: SQLite raises
OverflowError (a 500) for anything past a signed 64-bit integer. Every id a
URL pattern, an API path or body, or a form takes goes through a type from
here, which turns such a number into "not found" (404) in a URL, a 422 that
names the field in the API, and a field error in a form.

There are two kinds of id:

- A **plain id** is the database's own number, for things whose existence is
  public anyway: pages, events, resources, members, one's own API tokens. It is
  only range-checked.
- A **public id** stands for the database id of a Forum object whose existence
  may be private (groups, discussions, comments, attachments, requests to
  join). Sequential ids would tell an outsider who sees comments 10 and 14 that
  11 to 13 exist and are hidden from them. A public id is a keyed permutation
  of the database id over 48 bits (a Feistel network whose round function is
  HMAC-SHA256): it looks random and does not count, decodes back to the
  database id without a column or a query, stays below 2**53 (exact in
  JavaScript) and is still an integer, so the API's types do not change. A
  number that does not decode into range is simply not found.

The key is PUBLIC_ID_SECRET, not SECRET_KEY: permalinks and the ids API
clients keep must survive a rotation of Django's signing key. Each kind of
object has its own key derived from it, so comment 5 and discussion 5 have
unrelated public ids.
"""

import functools
import hashlib
import hmac
import re
from typing import Annotated

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import register_converter
from django.urls.converters import get_converters
from django.utils.translation import gettext_lazy as _
from pydantic import AfterValidator, Field

# The widest integer column of both databases (PostgreSQL bigint, SQLite INTEGER).
MAX_DATABASE_ID = 2**63 - 1
HALF_BITS = 24
MAX_PUBLIC_ID = 2 ** (2 * HALF_BITS) - 1  # below 2**53: JavaScript's numbers hold it exactly
HALF_MASK = 2**HALF_BITS - 1
# Four rounds already make a strong pseudo-random permutation; more cost
# microseconds and leave a margin for a domain this small.
ROUNDS = 8
DIGITS = re.compile(r"[0-9]{1,19}")  # more digits than that cannot be in range


@functools.cache
def derive_key(secret, namespace):
    """One key per kind of object, so comment 5 and discussion 5 have unrelated public ids."""
    return hmac.digest(secret.encode(), f"cms.ids:{namespace}".encode(), hashlib.sha256)


def parse_id(value, maximum):
    """`value` (an int or a string of ASCII digits) as an int in 0..maximum, or None."""
    if isinstance(value, str):
        value = value.strip()
        if not DIGITS.fullmatch(value):
            return None
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value <= maximum else None


def plain_pk(value):
    """A plain id as a primary key the database can look up, or None."""
    pk = parse_id(value, MAX_DATABASE_ID)
    return pk if pk else None


@functools.lru_cache(maxsize=8192)  # a page shows each id several times (anchor, links)
def permute(key, value, inverse=False):
    """The Feistel network: `value` (48 bits) through ROUNDS rounds keyed by
    `key`, or back. Each round mixes one half into the other with the first
    24 bits of HMAC-SHA256(key, round number + that half)."""
    mac = hmac.new(key, digestmod=hashlib.sha256)

    def mix(number, half):
        round_mac = mac.copy()
        round_mac.update(bytes((number,)) + half.to_bytes(3, "big"))
        return int.from_bytes(round_mac.digest()[:3], "big")

    left, right = value >> HALF_BITS, value & HALF_MASK
    if inverse:
        for number in reversed(range(ROUNDS)):
            left, right = right ^ mix(number, left), left
    else:
        for number in range(ROUNDS):
            left, right = right, left ^ mix(number, right)
    return (left << HALF_BITS) | right


class PublicIds:
    """The public ids of one kind of object. `namespace` names the kind in the
    key derivation: changing it changes every public id of that kind."""

    def __init__(self, namespace):
        self.namespace = namespace

    def _key(self):
        secret = settings.PUBLIC_ID_SECRET
        if not secret:
            raise ImproperlyConfigured("PUBLIC_ID_SECRET must be set.")
        return derive_key(secret, self.namespace)

    def public(self, pk):
        """The public id of database id `pk`."""
        if not 0 <= pk <= MAX_PUBLIC_ID:
            raise ValueError(f"{self.namespace} id {pk} is beyond the public id space")
        return permute(self._key(), pk)

    def pk(self, public_id):
        """The database id that `public_id` (an int or digits) stands for, or
        None when it is not a public id at all."""
        value = parse_id(public_id, MAX_PUBLIC_ID)
        if value is None:
            return None
        return permute(self._key(), value, inverse=True) or None  # ids start at 1

    def api_type(self):
        """The type of an API path parameter or body field that takes a public
        id: the schema bounds it (pydantic answers 422 naming it beyond them),
        and the view receives the database id (0, found nowhere, for a public
        id that stands for no object)."""
        return Annotated[
            int,
            Field(ge=0, le=MAX_PUBLIC_ID),
            AfterValidator(lambda value: self.pk(value) or 0),
        ]


class HasPublicId:
    """A model whose id outsiders see only as its public id (`public_ids`)."""

    public_ids: PublicIds

    @property
    def public_id(self):
        return self.public_ids.public(self.pk)


# A plain id in the API: the schema bounds it, beyond is 422 naming it.
PlainId = Annotated[int, Field(ge=1, le=MAX_DATABASE_ID)]

# What the API document says of every public id it gives.
PUBLIC_ID_DESCRIPTION = (
    "stable, but neither counting nor ordered: use it in paths and bodies, compute nothing from it"
)


class PlainIdConverter:
    """`<id:name>` in URL patterns: a plain id, 404 beyond the database's range."""

    regex = "[0-9]+"

    def to_python(self, value):
        pk = plain_pk(value)
        if pk is None:
            raise ValueError(value)  # the URL resolver's "no match": 404
        return pk

    def to_url(self, value):
        return str(int(value))


class PublicIdConverter:
    """A public id in URL patterns: the view receives the database id, and
    reverse() takes the database id too and writes the public one."""

    regex = "[0-9]+"

    def __init__(self, public_ids):
        self.public_ids = public_ids

    def to_python(self, value):
        pk = self.public_ids.pk(value)
        if pk is None:
            raise ValueError(value)
        return pk

    def to_url(self, value):
        return str(self.public_ids.public(int(value)))


def register_converters(converters):
    """Make `<name:…>` in URL patterns use each converter given (name ->
    instance). Called from the apps' ready(), before any URL pattern is read."""
    registered = get_converters()
    for name, converter in converters.items():
        if name not in registered:  # ready() may run again in one process
            register_converter(lambda converter=converter: converter, name)


class PublicIdField(forms.Field):
    """A form field taking a public id; its cleaned value is the database id.
    What is not a public id at all is the field's error; whether the object
    exists, and may be seen, is for the code that looks it up."""

    default_error_messages = {"invalid": _("This does not refer to anything here.")}

    def __init__(self, public_ids, **kwargs):
        self.public_ids = public_ids
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        pk = self.public_ids.pk(value)
        if pk is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return pk
