"""The headless APIs: Wagtail's API v2 (pages, images, documents) and API v3.

API v3 is Wagtail's django-ninja NinjaAPI; each app adds its router here, before
`api.urls` is first read (ninja refuses routers added later).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v3.api import api as api_v3
from wagtail.api.v3.routers.pages import actions_router as pages_actions_router
from wagtail.api.v3.routers.pages import router as pages_router
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.api.v3.router import router as images_router

from cms import api_contract, api_images, api_preview
from community import api_writes  # noqa: F401  (adds the Forum's writes to forum_router)
from community.api import router as forum_router
from home import api_pages
from home.api import router as events_router
from home.api_v2 import PagesAPIViewSet
from resources import api_facets  # noqa: F401  (adds a facet's values to resources_router)
from resources.api import router as resources_router
from resources.api_v2 import ResourcesAPIViewSet
from saved_searches.api import router as saved_searches_router
from search.api import router as search_router

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesAPIViewSet)
api_v2.register_endpoint("images", ImagesAPIViewSet)
api_v2.register_endpoint("documents", DocumentsAPIViewSet)
api_v2.register_endpoint("resources", ResourcesAPIViewSet)

# Generated clients take their names from the title.
api_v3.title = "Procurement of Innovation Platform API"
api_v3.description = (
    "Pages, events, resources, site search, the Procurement Forum and members' saved "
    "searches, for front ends built on the platform. Public reads are open to anonymous "
    "callers; a personal access token (Authorization: Bearer) adds what its holder may see "
    "and is needed to write and to reach one's own saved searches."
)
api_pages.install(pages_router, pages_actions_router)
api_images.install(images_router)
api_v3.add_router("/events/", events_router, tags=["events"])
api_v3.add_router("/resources/", resources_router, tags=["resources"])
api_v3.add_router("/search/", search_router, tags=["search"])
api_v3.add_router("/forum/", forum_router, tags=["forum"])
api_v3.add_router("/members/me/saved-searches/", saved_searches_router, tags=["saved-searches"])
api_preview.install(api_v3)
api_contract.install(api_v3)
