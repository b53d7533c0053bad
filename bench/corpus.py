"""A synthetic Resource Centre: word lists and skewed distributions.

Real catalogues are lopsided: a few topics, countries and languages carry most
resources (Zipf-like), guidance and reports outnumber legal texts, recent years
have more items than old ones. Everything here is drawn from one seeded
`random.Random`, so a given seed and size always give the same corpus.
"""

import datetime
import itertools

# Most represented first: rank 1 gets the largest share of a Zipf draw.
TOPICS = [
    ("ict", "ICT and digital services"),
    ("health", "Health and social care"),
    ("energy", "Energy"),
    ("transport", "Transport and mobility"),
    ("environment", "Environment and climate"),
    ("construction", "Construction and buildings"),
    ("public-administration", "Public administration"),
    ("security", "Safety and security"),
    ("water", "Water and wastewater"),
    ("education", "Education"),
    ("circular-economy", "Circular economy"),
    ("smart-cities", "Smart cities"),
    ("food", "Food and agriculture"),
    ("defence", "Defence"),
    ("space", "Space"),
    ("culture", "Culture and tourism"),
    ("social-services", "Social services"),
    ("waste", "Waste management"),
]

# "EU" is European level, the most common "country" of guidance documents.
COUNTRY_ORDER = [
    "EU", "ES", "IT", "NL", "FI", "DE", "FR", "SE", "BE", "AT", "PL", "PT", "DK", "IE", "EE",
    "NO", "CZ", "GR", "SI", "LT", "HU", "RO", "LV", "HR", "SK", "BG", "LU", "CY", "MT", "IS", "LI",
]  # fmt: skip

LANGUAGE_ORDER = [
    "en", "es", "it", "de", "fr", "nl", "fi", "sv", "pl", "pt", "da", "et", "cs", "el", "sl",
    "lt", "hu", "ro", "lv", "hr", "sk", "bg", "ga", "mt", "no", "is", "ca", "eu", "gl", "lb",
    "sq", "sr", "mk", "bs", "tr", "uk", "ru", "ar", "zh",
]  # fmt: skip

TYPE_WEIGHTS = {
    "guidance": 24,
    "report": 20,
    "case-study": 18,
    "project": 13,
    "policy": 10,
    "link": 7,
    "training": 5,
    "legal-text": 3,
}

YEARS = range(2010, 2027)

# What a resource is about, per topic: the words visitors search for.
SOLUTIONS = {
    "ict": ["cloud services", "cybersecurity tools", "open data platforms", "digital identity wallets", "artificial intelligence systems", "interoperable software"],
    "health": ["telemedicine platforms", "patient monitoring sensors", "hospital logistics robots", "diagnostic imaging", "elderly care technologies", "medical devices"],
    "energy": ["smart grids", "heat pumps", "energy storage batteries", "solar panels", "district heating", "energy efficient lighting"],
    "transport": ["electric buses", "hydrogen vehicles", "traffic management systems", "charging infrastructure", "autonomous shuttles", "railway signalling"],
    "environment": ["air quality sensors", "climate adaptation measures", "biodiversity monitoring", "flood prevention systems", "low carbon concrete", "green roofs"],
    "construction": ["modular buildings", "zero energy schools", "building information modelling", "timber construction", "renovation of social housing", "bridge inspection drones"],
    "public-administration": ["e-procurement platforms", "digital archives", "citizen service portals", "case management software", "electronic invoicing", "chatbots for public services"],
    "security": ["emergency communication networks", "firefighting equipment", "border surveillance", "disaster response drones", "body worn cameras", "crisis management tools"],
    "water": ["leak detection", "wastewater treatment", "smart water meters", "desalination", "stormwater management", "water quality monitoring"],
    "education": ["digital classrooms", "learning analytics", "school meals", "educational robotics", "assistive learning technologies", "campus energy management"],
    "circular-economy": ["recycled materials", "reusable packaging", "textile recycling", "remanufactured furniture", "product as a service", "second life batteries"],
    "smart-cities": ["smart street lighting", "urban data platforms", "parking sensors", "digital twins", "mobility as a service", "noise monitoring"],
    "food": ["organic school catering", "food waste reduction", "precision farming", "short supply chains", "plant based menus", "vertical farming"],
    "defence": ["protective equipment", "secure communications", "unmanned systems", "training simulators", "logistics software", "cyber defence"],
    "space": ["earth observation data", "satellite navigation services", "satellite communications", "space weather monitoring", "copernicus services", "launch services"],
    "culture": ["digitised collections", "virtual museum tours", "visitor flow management", "heritage preservation", "ticketing systems", "accessible exhibitions"],
    "social-services": ["home care robots", "social inclusion apps", "assistive technologies", "independent living solutions", "care coordination platforms", "loneliness prevention services"],
    "waste": ["waste collection vehicles", "smart bins", "sorting robots", "composting facilities", "waste to energy plants", "construction waste recycling"],
}  # fmt: skip

ACTIVITIES = [
    "market consultation", "pre-commercial procurement", "joint cross-border procurement",
    "innovation partnership", "life-cycle costing", "functional specifications",
    "outcome-based contracting", "tender evaluation", "risk sharing", "intellectual property rights",
    "needs assessment", "demand aggregation", "supplier engagement", "competitive dialogue",
    "contract management", "impact assessment", "state aid rules", "scaling up solutions",
]  # fmt: skip

BUYERS = [
    "municipalities", "regional hospitals", "central purchasing bodies", "ministries",
    "transport authorities", "universities", "utilities", "small contracting authorities",
    "buyers groups", "regional governments", "police forces", "school boards",
]  # fmt: skip

TITLE_PATTERNS = [
    "Guide to {activity} for {solution}",
    "How {buyer} procure {solution}",
    "{Solution}: a {activity} handbook",
    "Case study: {activity} of {solution} in {country}",
    "Lessons learned from buying {solution}",
    "Report on {activity} in the {topic} sector",
    "Procuring {solution} through {activity}",
    "{Activity} toolkit for {buyer}",
    "National strategy for {topic} innovation procurement in {country}",
    "Buyers group for {solution}",
    "Training module: {activity} for {buyer}",
    "Evaluation of {solution} pilots by {buyer}",
    "Market study: {solution} in {country}",
    "Checklist for {activity}",
]

SUMMARY_SENTENCES = [
    "This {type} explains how {buyer} can use {activity} to buy {solution}.",
    "It draws on the experience of {buyer} in {country} between {year0} and {year}.",
    "The document covers {activity} and {activity2}, with templates and worked examples.",
    "Suppliers of {solution} were consulted before the tender was launched.",
    "The results show savings over the life cycle and better quality of service.",
    "Public buyers in the {topic} sector will find practical advice and pitfalls to avoid.",
    "It describes the procedure step by step, from needs assessment to contract award.",
    "The authors compare several procurement procedures and recommend {activity}.",
]

BODY_SENTENCES = [
    "The procurement started with an open market consultation to understand what suppliers could deliver.",
    "Several contracting authorities pooled their demand to reach a volume that interested the market.",
    "Award criteria gave weight to quality, innovation and life-cycle costs rather than price alone.",
    "The contract allowed the buyer to test prototypes before committing to a larger purchase.",
    "Intellectual property rights stayed with the suppliers, while the buyers kept licence rights.",
    "The evaluation team included end users, procurement officers and technical experts.",
    "Small and medium-sized enterprises took part, often as members of a consortium.",
    "The project was co-funded under an EU research and innovation programme.",
    "Lessons learned were shared with other buyers through a community of practice.",
    "Risks were identified early and shared between the buyer and the supplier.",
    "A pilot phase measured performance in real conditions before full deployment.",
    "The tender documents are available in the original language with an English summary.",
]

PUBLISHER_KINDS = [
    "Ministry of Economic Affairs", "Innovation Agency", "Competence Centre for Innovation Procurement",
    "Central Purchasing Body", "Regional Development Agency", "City Procurement Office",
    "University Research Group", "Association of Public Buyers", "National Health Service",
    "Public Works Agency",
]  # fmt: skip

TAGS = [
    "market-consultation", "pcp", "ppi", "sme", "horizon-europe", "green-procurement",
    "social-procurement", "buyers-group", "template", "checklist", "webinar", "life-cycle-costing",
    "innovation-partnership", "ipr", "state-aid", "tender", "award-criteria", "pilot",
    "cross-border", "standardisation", "accessibility", "interoperability", "open-source", "ai",
    "climate", "covid-19", "circularity", "digital", "health-tech", "mobility",
]  # fmt: skip

# The searches a visitor types: generic words, procedures, and things bought.
QUERIES_GENERIC = ["procurement", "innovation", "guide", "buyers", "suppliers", "tender"]
QUERIES_ACTIVITY = [
    "market consultation", "life-cycle costing", "innovation partnership", "risk sharing",
    "competitive dialogue", "demand aggregation", "intellectual property", "state aid",
]  # fmt: skip


def zipf_weights(count, exponent=1.0):
    return [1 / rank**exponent for rank in range(1, count + 1)]


class Sampler:
    def __init__(self, rng, values, weights):
        self.rng = rng
        self.values = list(values)
        self.cumulative = list(itertools.accumulate(weights))

    def one(self):
        return self.rng.choices(self.values, cum_weights=self.cumulative)[0]

    def distinct(self, count):
        chosen = []
        while len(chosen) < count:
            value = self.one()
            if value not in chosen:
                chosen.append(value)
        return chosen


def year_weights():
    # Steadily more resources per year, as the field grew; the current year is partial.
    return [1 + 0.3 * (year - YEARS.start) for year in YEARS[:-1]] + [2.0]


def publication_date(rng, year):
    start = datetime.date(year, 1, 1)
    return start + datetime.timedelta(days=rng.randrange(365 if year < YEARS[-1] else 300))


def capitalise(text):
    return text[:1].upper() + text[1:]
