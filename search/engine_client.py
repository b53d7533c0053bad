"""What differs between the engines' low-level clients (a backend's `es`):
opensearch-py for OpenSearch, elasticsearch-py 7, 8 or 9 for Elasticsearch.

The project's own calls to a client either go through here or use only what
every client takes alike (keyword arguments, `body=` for indexing calls).
"""

import importlib
from functools import cache

# The exceptions by which each client says that a request failed: the engine
# refused it (it answered with an error) or could not be reached (refused,
# timed out, an answer it could not read). Named here, not imported, since
# only the engine in use has its client installed.
CLIENT_ERRORS = {
    "opensearchpy.exceptions": ("OpenSearchException",),
    # 7.x: ElasticsearchException; 8/9: ApiError (answers) and
    # elastic_transport's TransportError (no answer), re-exported here.
    "elasticsearch.exceptions": ("ElasticsearchException", "ApiError", "TransportError"),
}


class SearchRefused(Exception):
    """One search of a multi-search that the engine refused (the others were
    answered): a client raises nothing for it, the answer carries the error."""

    def __init__(self, status_code, error):
        super().__init__(f"{status_code}: {error}")
        self.status_code = status_code


@cache
def client_errors():
    """The installed clients' exception classes of CLIENT_ERRORS, and
    SearchRefused, as a tuple for `except`. Anything else a call raises is a
    mistake of ours, not a sign that the engine is down, and is not to be
    hidden behind the database's answer."""
    found = [SearchRefused]
    for module_name, names in CLIENT_ERRORS.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        found += [getattr(module, name) for name in names if hasattr(module, name)]
    return tuple(found)


def status_code(error):
    """The HTTP status of the engine's answer that `error` reports, or None when
    the engine did not answer (every client says 'N/A' or nothing then)."""
    status = getattr(error, "status_code", None)
    return status if isinstance(status, int) else None


def search(backend, index, body):
    """The engine's answer to the search request `body` (the JSON body of a
    `_search`) on `index`."""
    if backend.use_new_elasticsearch_api:
        # elasticsearch-py 7.15 and later take the body's fields as keyword
        # arguments (a `body=` is deprecated, and gone in 9); `from` is a
        # Python keyword, so they spell it `from_`.
        fields = {("from_" if name == "from" else name): value for name, value in body.items()}
        return backend.es.search(index=index, **fields)
    return backend.es.search(index=index, body=body)


def multi_search(backend, index, bodies, **header):
    """The engine's answers to several search requests on `index`, sent as one
    `_msearch`: the engine runs them side by side, each on a thread of its own.
    `header`: more of each search's header line (`request_cache=False`).
    Raises SearchRefused when it refused one of them."""
    lines = []
    for body in bodies:
        lines += [{"index": index, **header}, body]
    if takes_fields_as_keywords(backend):
        answer = backend.es.msearch(searches=lines)
    else:
        answer = backend.es.msearch(body=lines)
    for response in answer["responses"]:
        if "error" in response:
            raise SearchRefused(response.get("status"), response["error"])
    return answer["responses"]


def takes_fields_as_keywords(backend):
    """Whether the client takes a request body's fields as keyword arguments
    only: elasticsearch-py 8 and 9 (7.15+ takes them for searches, but still
    wants `body=` for templates and aliases)."""
    return backend.use_new_elasticsearch_api and hasattr(backend.es, "options")


def put_index_template(backend, name, template):
    if takes_fields_as_keywords(backend):
        backend.es.indices.put_index_template(name=name, **template)
    else:
        backend.es.indices.put_index_template(name=name, body=template)


def update_aliases(backend, actions):
    """The alias `actions`, done by the engine in one atomic step."""
    if takes_fields_as_keywords(backend):
        backend.es.indices.update_aliases(actions=actions)
    else:
        backend.es.indices.update_aliases(body={"actions": actions})


def slow_request(backend, seconds):
    """(client, keyword arguments) for a request that may take up to `seconds`,
    far beyond the backend's time-out: elasticsearch-py 8 and 9 take the
    time-out as a client option, the other clients with each call."""
    if hasattr(backend.es, "options"):
        return backend.es.options(request_timeout=seconds), {}
    return backend.es, {"request_timeout": seconds}
