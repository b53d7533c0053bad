from .events import EventIndexPage, EventPage, EventType
from .legal import LegalFrameworkIndexPage, LegalSectionPage
from .news import NewsIndexPage, NewsPage
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .taxonomy import Country, ProcurementType, Topic, TopicName

__all__ = [
    "Country",
    "EventIndexPage",
    "EventPage",
    "EventType",
    "HomePage",
    "LegalFrameworkIndexPage",
    "LegalSectionPage",
    "NewsIndexPage",
    "NewsPage",
    "ProcurementType",
    "SiteSettings",
    "StandardPage",
    "Topic",
    "TopicName",
]
