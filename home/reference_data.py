"""Reference data every installation needs, seeded by migration 0002."""

# EU member states, the three EEA EFTA states, and "European level" for EU-wide
# content (EU is ISO 3166-1 "exceptionally reserved" for the European Union).
COUNTRIES = [
    ("AT", "Austria"),
    ("BE", "Belgium"),
    ("BG", "Bulgaria"),
    ("HR", "Croatia"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DK", "Denmark"),
    ("EE", "Estonia"),
    ("FI", "Finland"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("GR", "Greece"),
    ("HU", "Hungary"),
    ("IE", "Ireland"),
    ("IT", "Italy"),
    ("LV", "Latvia"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("MT", "Malta"),
    ("NL", "Netherlands"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("RO", "Romania"),
    ("SK", "Slovakia"),
    ("SI", "Slovenia"),
    ("ES", "Spain"),
    ("SE", "Sweden"),
    ("IS", "Iceland"),
    ("LI", "Liechtenstein"),
    ("NO", "Norway"),
    ("EU", "European level"),
]

PROCUREMENT_TYPES = [
    ("ppi", "PPI", "Public procurement of innovation"),
    ("pcp", "PCP", "Pre-commercial procurement"),
]

# Editors maintain topics; moderators maintain every taxonomy, site settings,
# redirects and promoted search results.
EDITOR_PERMISSIONS = [
    ("home", "topic", ("add", "change", "view")),
]
MODERATOR_PERMISSIONS = [
    ("home", "topic", ("add", "change", "delete", "view")),
    ("home", "country", ("add", "change", "view")),
    ("home", "procurementtype", ("add", "change", "view")),
    ("home", "sitesettings", ("change",)),
    ("wagtailredirects", "redirect", ("add", "change", "delete")),
    ("wagtailsearchpromotions", "searchpromotion", ("add", "change", "delete")),
]
