"""Previews are framed by the admin's side panel, and by nobody else.

Wagtail renders a preview by running a made-up request for the object's public
URL through the whole middleware stack, so the site's Content-Security-Policy
(`frame-ancestors 'none'`) and X-Frame-Options (DENY) land on the preview as on
any public page, and the browser leaves the side panel blank. Only previews
relax both, to the site's own origin; every other response keeps refusing to
be framed.

A middleware rather than a `serve_preview` override: routable pages (news and
event indexes, events) answer previews from their own `serve_preview`, which
calls no mixin, and Wagtail marks every preview request (`is_preview`) for
every previewable model.
"""

SAME_ORIGIN_FRAMING = {"frame-ancestors": ["'self'"]}


def previews_framed_by_same_origin(get_response):
    """Listed after django-csp's middleware, so its answer reaches ours first."""

    def middleware(request):
        response = get_response(request)
        if getattr(request, "is_preview", False):
            # Read by django-csp's middleware: the per-response form of its
            # `csp_replace` decorator ('none' cannot be added to, only replaced).
            response._csp_replace = SAME_ORIGIN_FRAMING
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    return middleware
