"""Demonstration content for the Procurement of Innovation Platform.

Plain Python data only (no Django imports): the ``load_demo`` management
command turns it into taxonomy terms and pages.

Body blocks are ``(block_type, value)`` tuples:

* ``("heading", "Text")``
* ``("paragraph", "<p>HTML using p, a, strong, em, ul, ol, li</p>")``
* ``("quote", {"quote": ..., "attribution": ...})``
* ``("faq", [{"question": ..., "answer": "<p>...</p>"}, ...])``
* ``("cta", {"title": ..., "text": ..., "link_text": ..., "url": ...})``
* ``("table", {"caption": ..., "rows": [[header cells], [cells], ...]})``

Facts about EU law and EU programmes are meant to be accurate. Authorities,
projects, people and figures in the news items are fictional unless they are
EU institutions or programmes; each fictional item says so in its last
paragraph. Nothing here reports the outcome of a real tender.
"""

# ---------------------------------------------------------------------------
# Taxonomies (countries and procurement types are reference data every
# installation has: home/reference_data.py, seeded by a migration)
# ---------------------------------------------------------------------------

TOPICS = [
    ("ict", "ICT and digital services"),
    ("health", "Health and social care"),
    ("energy", "Energy"),
    ("transport", "Transport and mobility"),
    ("construction", "Construction and buildings"),
    ("environment", "Environment and climate"),
    ("security", "Safety and security"),
    ("water", "Water and wastewater"),
    ("education", "Education"),
    ("public-administration", "Public administration"),
]
# What the French and German pages call them (editors keep these on each topic).
TOPIC_NAMES = {
    "fr": {
        "ict": "TIC et services numériques",
        "health": "Santé et action sociale",
        "energy": "Énergie",
        "transport": "Transports et mobilité",
        "construction": "Construction et bâtiments",
        "environment": "Environnement et climat",
        "security": "Sûreté et sécurité",
        "water": "Eau et assainissement",
        "education": "Éducation",
        "public-administration": "Administration publique",
    },
    "de": {
        "ict": "IKT und digitale Dienste",
        "health": "Gesundheit und Pflege",
        "energy": "Energie",
        "transport": "Verkehr und Mobilität",
        "construction": "Bau und Gebäude",
        "environment": "Umwelt und Klima",
        "security": "Sicherheit",
        "water": "Wasser und Abwasser",
        "education": "Bildung",
        "public-administration": "Öffentliche Verwaltung",
    },
}

# Appended to news items whose authority or project is invented.
_FICTIONAL = (
    "paragraph",
    "<p><em>Demonstration item: the authority, project and figures described here are "
    "fictional and do not report the outcome of any real tender.</em></p>",
)

# ---------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------

HOME = {
    "hero_title": "Helping public buyers bring innovation into public services",
    "hero_intro": (
        "Europe's public authorities spend a large share of GDP on works, goods and services "
        "every year, and that buying power can pull better solutions onto the market. "
        "This platform helps procurers learn, plan and run public procurement of innovation "
        "(PPI) and pre-commercial procurement (PCP), and connects them with peers who have "
        "done it before."
    ),
    "about": (
        "<p>The Procurement of Innovation Platform is a hub for public buyers, policy makers "
        "and suppliers across the European Union and the European Economic Area. It brings "
        "together practical guidance, the legal framework, news from buyers' projects and a "
        "calendar of training and networking events.</p>"
        "<p>Whether you are preparing your first market consultation or coordinating a "
        "cross-border buyers group, you will find explanations in plain language, worked "
        "examples and contacts who can help.</p>"
    ),
}

# ---------------------------------------------------------------------------
# Standard pages
# ---------------------------------------------------------------------------

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About the platform",
        "intro": (
            "A shared space where European public authorities learn about innovation "
            "procurement, find peers and turn good intentions into well-run tenders."
        ),
        "body": [
            ("heading", "Our mission"),
            (
                "paragraph",
                "<p>Public procurement accounts for a significant part of public spending in "
                "Europe, yet only a small fraction of it is used to buy solutions that are new "
                "to the market. Our mission is to make innovation procurement an ordinary, "
                "well-understood option for every contracting authority, not a specialist "
                "exercise reserved for a few pioneers.</p>",
            ),
            (
                "paragraph",
                "<p>We focus on two complementary approaches: <strong>public procurement of "
                "innovation (PPI)</strong>, where a buyer acts as an early adopter of solutions "
                "close to or newly on the market, and <strong>pre-commercial procurement "
                "(PCP)</strong>, where a buyer procures research and development to steer "
                "solutions that do not yet exist.</p>",
            ),
            ("heading", "What you will find here"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Guidance</strong> on each step, from needs assessment to contract "
                "management.</li>"
                "<li><strong>The legal framework</strong>: the EU procurement directives, "
                "Commission guidance, State aid rules and selected national laws.</li>"
                "<li><strong>News</strong> from buyers' projects, funding programmes and "
                "policy developments.</li>"
                "<li><strong>Events</strong>: webinars, training courses, workshops and "
                "conferences across Europe.</li>"
                "<li><strong>A resource centre</strong> with templates, case studies and "
                "reports.</li>"
                "</ul>",
            ),
            ("heading", "Who we are"),
            (
                "paragraph",
                "<p>The platform is run by a small editorial team working with a network of "
                "procurement practitioners, lawyers and national competence centres. Content "
                "on this site is informative and does not constitute legal advice; always "
                "check the applicable law and consult your legal service before launching a "
                "procedure.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "The most useful thing we did was talk to the market before writing a "
                        "single specification."
                    ),
                    "attribution": "A procurement lead in a regional health authority",
                },
            ),
            (
                "cta",
                {
                    "title": "Start with the resource centre",
                    "text": "Guides, templates and case studies on PPI and PCP, searchable by sector and country.",
                    "link_text": "Browse resources",
                    "url": "/resources/",
                },
            ),
        ],
    },
    {
        "slug": "contact",
        "title": "Contact us",
        "intro": (
            "Questions about innovation procurement, suggestions for content or an event to "
            "list? Get in touch with the editorial team."
        ),
        "body": [
            ("heading", "How to reach us"),
            (
                "paragraph",
                "<p>You can write to the editorial team at "
                '<a href="mailto:info@example.org">info@example.org</a>. We aim to reply '
                "within five working days. Please tell us which organisation you work for and "
                "which country you are based in, so that we can point you to the right "
                "national contacts.</p>",
            ),
            (
                "paragraph",
                "<p>For questions about a specific tender, contact the contracting authority "
                "that published it. We cannot comment on ongoing procedures or give "
                "individual legal advice.</p>",
            ),
            ("heading", "Frequently asked questions"),
            (
                "faq",
                [
                    {
                        "question": "Can I publish news about our project on the platform?",
                        "answer": (
                            "<p>Yes. Send us a short summary with a contact person and a link "
                            "to your own project page. We publish items that are useful to "
                            "other public buyers, such as lessons learned or open market "
                            "consultations.</p>"
                        ),
                    },
                    {
                        "question": "Can you help us find partners for a buyers group?",
                        "answer": (
                            "<p>We can share your call for partners in our news section and "
                            "forum, and our matchmaking workshops are designed for exactly "
                            "this purpose.</p>"
                        ),
                    },
                    {
                        "question": "Do you offer training in languages other than English?",
                        "answer": (
                            "<p>Some of our partners run courses in national languages. The "
                            "events calendar shows the language of each session.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "what-is-ppi",
        "title": "What is public procurement of innovation (PPI)?",
        "intro": (
            "PPI is when public buyers act as launch customers for innovative goods, services "
            "or works that are ready, or nearly ready, for the market."
        ),
        "body": [
            ("heading", "The idea in brief"),
            (
                "paragraph",
                "<p>In public procurement of innovation, a contracting authority buys a solution "
                "that is new to the market, or new to the way public services are delivered, "
                "in sufficient volume to make it worthwhile for suppliers to bring it to "
                "market. The innovation usually exists in prototype or early commercial form; "
                "the buyer's role is to be an early adopter and to reduce the market risk for "
                "suppliers.</p>",
            ),
            (
                "paragraph",
                "<p>Unlike pre-commercial procurement, PPI is an ordinary purchase of goods, "
                "services or works. It is therefore fully subject to the EU procurement "
                "directives and national procurement law whenever the contract value is above "
                "the thresholds.</p>",
            ),
            ("heading", "How it works in practice"),
            (
                "paragraph",
                "<ol>"
                "<li><strong>Assess needs</strong>: describe the problem and the outcomes you "
                "want, not a particular product.</li>"
                "<li><strong>Engage the market</strong>: use a preliminary market consultation "
                "to learn what is possible and to signal your demand early.</li>"
                "<li><strong>Choose the procedure</strong>: open or restricted procedures work "
                "when needs can be specified functionally; the competitive procedure with "
                "negotiation or competitive dialogue suit more complex needs.</li>"
                "<li><strong>Specify outcomes</strong>: write performance or functional "
                "requirements and allow variants where appropriate.</li>"
                "<li><strong>Award on value</strong>: use the best price-quality ratio and, "
                "where relevant, life-cycle costing.</li>"
                "</ol>",
            ),
            (
                "paragraph",
                "<p>Buyers often join forces in a <em>buyers group</em> so that the combined "
                "demand is large enough to interest suppliers, and so that the risks and the "
                "preparation effort are shared.</p>",
            ),
            ("heading", "Common questions"),
            (
                "faq",
                [
                    {
                        "question": "Is there a special PPI procedure in the directives?",
                        "answer": (
                            "<p>No. PPI uses the standard procedures of Directive 2014/24/EU "
                            "(or 2014/25/EU for utilities). What makes it PPI is the object "
                            "and design of the purchase: outcome-based specifications, early "
                            "market engagement and award criteria that reward quality and "
                            "whole-life value.</p>"
                        ),
                    },
                    {
                        "question": "Can we talk to suppliers before the tender?",
                        "answer": (
                            "<p>Yes. Article 40 of Directive 2014/24/EU allows preliminary "
                            "market consultations, provided they do not distort competition "
                            "and all interested operators receive the same information.</p>"
                        ),
                    },
                    {
                        "question": "Does PPI mean paying more?",
                        "answer": (
                            "<p>Not necessarily. Innovative solutions may cost more to buy but "
                            "less to run. Life-cycle costing helps compare offers on total "
                            "cost of ownership rather than purchase price alone.</p>"
                        ),
                    },
                ],
            ),
            (
                "cta",
                {
                    "title": "Plan your first PPI",
                    "text": "Templates for market consultations, outcome-based specifications and award criteria.",
                    "link_text": "Find PPI resources",
                    "url": "/resources/",
                },
            ),
        ],
    },
    {
        "slug": "what-is-pcp",
        "title": "What is pre-commercial procurement (PCP)?",
        "intro": (
            "PCP lets public buyers procure research and development from several competing "
            "suppliers in phases, to steer new solutions towards public needs before they "
            "reach the market."
        ),
        "body": [
            ("heading", "The idea in brief"),
            (
                "paragraph",
                "<p>Pre-commercial procurement is an approach for buying research and "
                "development (R&amp;D) services when no solution on the market meets a public "
                "need. The European Commission described the approach in its 2007 "
                "Communication on pre-commercial procurement (COM(2007) 799). Instead of "
                "funding a single developer, the buyer contracts several suppliers in "
                "parallel and compares their progress.</p>",
            ),
            (
                "paragraph",
                "<p>Three features define PCP: the scope is limited to R&amp;D services; the "
                "risks and benefits, including intellectual property rights, are shared "
                "between buyer and suppliers at market conditions; and the procurement is "
                "competitive and split into phases, with the number of suppliers reduced as "
                "the work progresses.</p>",
            ),
            ("heading", "The three phases"),
            (
                "table",
                {
                    "caption": "A typical PCP runs in three competitive phases",
                    "rows": [
                        ["Phase", "What suppliers do", "Typical outcome"],
                        [
                            "1. Solution design",
                            "Explore the feasibility of their proposed approach",
                            "Technical and economic feasibility study",
                        ],
                        [
                            "2. Prototyping",
                            "Build and test a prototype in a laboratory or controlled setting",
                            "Working prototype and test results",
                        ],
                        [
                            "3. Original development and testing",
                            "Develop a limited set of first products or services and field-test them with end users",
                            "Validated solution ready for possible follow-up procurement",
                        ],
                    ],
                },
            ),
            ("heading", "PCP and the procurement directives"),
            (
                "paragraph",
                "<p>Article 14 of Directive 2014/24/EU applies the directive to R&amp;D service "
                "contracts only when the benefits accrue exclusively to the contracting "
                "authority and the authority pays for the whole service. Because in PCP the "
                "suppliers typically keep ownership of the intellectual property they create, "
                "while the buyer keeps licence and usage rights, PCP falls outside the "
                "directive. It must still respect the Treaty principles of transparency, "
                "equal treatment and non-discrimination, and it must be designed so that it "
                "does not involve State aid.</p>",
            ),
            (
                "paragraph",
                "<p>PCP does not include the purchase of commercial volumes of the final "
                "solution. If the buyer wants to deploy the results, it must run a separate, "
                "competitive procurement, which may then be a PPI.</p>",
            ),
            (
                "table",
                {
                    "caption": "PCP and PPI compared",
                    "rows": [
                        ["", "PCP", "PPI"],
                        ["What is bought", "R&D services", "Innovative goods, services or works"],
                        [
                            "Market readiness",
                            "No solution on the market yet",
                            "Solutions near or newly on the market",
                        ],
                        [
                            "EU procurement directives",
                            "Outside scope (Article 14 conditions)",
                            "Apply above thresholds",
                        ],
                        [
                            "Number of suppliers",
                            "Several, in competing phases",
                            "Usually one or a few contractors",
                        ],
                        ["Typical role of the buyer", "Steers development", "Launch customer"],
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "Running three suppliers in parallel felt expensive until we saw how "
                        "much we learned from comparing their prototypes."
                    ),
                    "attribution": "Project manager of a municipal PCP (demonstration quote)",
                },
            ),
            ("heading", "Common questions"),
            (
                "faq",
                [
                    {
                        "question": "Who owns the results of a PCP?",
                        "answer": (
                            "<p>Usually the suppliers keep ownership of the intellectual "
                            "property they generate, while the buyer obtains free-of-charge "
                            "licences to use the results and may require suppliers to license "
                            "them to third parties on fair terms. The price paid reflects "
                            "this allocation.</p>"
                        ),
                    },
                    {
                        "question": "Can PCP be funded by the EU?",
                        "answer": (
                            "<p>Yes. Horizon Europe supports PCP and PPI actions in which "
                            "groups of public buyers from several countries procure together. "
                            "Check the current work programmes for open topics.</p>"
                        ),
                    },
                    {
                        "question": "Is PCP the same as an innovation partnership?",
                        "answer": (
                            "<p>No. The innovation partnership (Article 31 of Directive "
                            "2014/24/EU) is a procedure within the directive that combines "
                            "development and the subsequent purchase in one contract. PCP "
                            "covers R&amp;D only and is separated from any later "
                            "deployment.</p>"
                        ),
                    },
                ],
            ),
            (
                "cta",
                {
                    "title": "Explore the legal framework for PCP",
                    "text": "Article 14, State aid conditions and model documents explained.",
                    "link_text": "See PCP resources",
                    "url": "/resources/",
                },
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# News
# ---------------------------------------------------------------------------

NEWS = [
    {
        "slug": "finding-pcp-and-ppi-topics-in-horizon-europe",
        "title": "How to find PCP and PPI topics in Horizon Europe work programmes",
        "date": "2025-01-21",
        "intro": (
            "Horizon Europe can co-fund groups of public buyers who procure innovation together. "
            "Here is how to spot the relevant topics and what a consortium needs to prepare."
        ),
        "topics": ["public-administration", "health", "ict"],
        "procurement_type": "pcp",
        "body": [
            (
                "paragraph",
                "<p>Horizon Europe, the EU's research and innovation framework programme for "
                "2021 to 2027, includes two types of action aimed specifically at public "
                "buyers: PCP actions, which co-fund the joint procurement of R&amp;D services, "
                "and PPI actions, which co-fund the joint purchase of innovative solutions "
                "close to the market. The topics appear in the thematic work programmes, for "
                "example on health, climate, energy, mobility or civil security.</p>",
            ),
            ("heading", "Where to look"),
            (
                "paragraph",
                "<p>The Funding and Tenders Portal lets you filter calls by type of action. "
                "Searching the work programme documents for the words "
                "<em>pre-commercial procurement</em> or <em>public procurement of innovative "
                "solutions</em> is often the quickest way to find relevant topics, because "
                "they can sit in several different clusters.</p>",
            ),
            (
                "paragraph",
                "<p>A PCP or PPI action typically requires a buyers group with procurers from "
                "more than one country, a lead procurer that runs the joint procurement on "
                "behalf of the group, and evidence that the buyers share a common need. "
                "Building such a group takes months, so it pays to start before the call "
                "opens.</p>",
            ),
        ],
    },
    {
        "slug": "valmora-pcp-zero-emission-street-cleaning",
        "title": "Valmora launches PCP for zero-emission street cleaning",
        "date": "2025-02-12",
        "intro": (
            "The City of Valmora is inviting suppliers to develop quiet, zero-emission street "
            "cleaning solutions for narrow historic streets in a three-phase pre-commercial "
            "procurement."
        ),
        "topics": ["environment", "transport"],
        "procurement_type": "pcp",
        "body": [
            (
                "paragraph",
                "<p>Valmora's municipal services department found that no machine on the "
                "market could clean its medieval centre without diesel engines, high noise "
                "levels or damage to cobbled surfaces. After an open market consultation with "
                "more than forty companies and research organisations, the city decided to "
                "procure R&amp;D rather than wait for the market.</p>",
            ),
            (
                "paragraph",
                "<p>The PCP will fund up to five suppliers in the solution design phase, three "
                "in prototyping and two in field testing. Suppliers keep ownership of their "
                "intellectual property, while the city receives licences to use the results. "
                "Any later purchase of vehicles will be tendered separately.</p>",
            ),
            (
                "quote",
                {
                    "quote": "We are buying the problem, not the machine.",
                    "attribution": "Head of municipal services, City of Valmora (fictional)",
                },
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "webinar-recap-market-consultation-without-favouritism",
        "title": "Webinar recap: market consultation without favouritism",
        "date": "2025-03-06",
        "intro": (
            "Over 300 participants joined our webinar on running preliminary market "
            "consultations that open doors to new suppliers without compromising equal "
            "treatment."
        ),
        "topics": ["public-administration"],
        "procurement_type": "ppi",
        "body": [
            (
                "paragraph",
                "<p>Speakers agreed that Article 40 of Directive 2014/24/EU gives buyers a clear "
                "basis for talking to the market before a tender. The risk lies not in the "
                "dialogue itself but in how its results are used: if one supplier shapes the "
                "specification, the whole procedure can be compromised.</p>",
            ),
            ("heading", "Practical tips shared"),
            (
                "paragraph",
                "<ul>"
                "<li>Announce the consultation publicly, for example with a prior information "
                "notice, and give everyone the same information.</li>"
                "<li>Publish a summary of questions and answers after meetings.</li>"
                "<li>Describe needs and outcomes, not products, so that different technical "
                "approaches can respond.</li>"
                "<li>Where a supplier has advised the buyer, share the relevant information "
                "with all bidders and allow adequate time limits, as Article 41 requires.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>The slides and recording are available in the resource centre.</p>",
            ),
        ],
    },
    {
        "slug": "aldermark-opens-innovation-procurement-competence-centre",
        "title": "Aldermark region opens an innovation procurement competence centre",
        "date": "2025-03-27",
        "intro": (
            "A new regional competence centre will advise municipalities in Aldermark on "
            "needs assessment, market dialogue and funding for innovation procurement."
        ),
        "topics": ["public-administration"],
        "procurement_type": None,
        "body": [
            (
                "paragraph",
                "<p>Several EU countries already have national competence centres that support "
                "public buyers with innovation procurement. Aldermark's regional government "
                "decided that its smaller municipalities needed hands-on help closer to home, "
                "and has set up a team of four advisers hosted by the regional development "
                "agency.</p>",
            ),
            (
                "paragraph",
                "<p>The centre will offer free coaching on up to ten procurement projects a "
                "year, a helpdesk on legal questions and a peer network for procurement "
                "officers. It will also help municipalities combine their demand, so that "
                "small buyers can take part in larger joint procurements.</p>",
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "life-cycle-costing-practical-primer",
        "title": "Life-cycle costing: a practical primer for public buyers",
        "date": "2025-04-15",
        "intro": (
            "Innovative solutions often cost more upfront but less over their lifetime. "
            "Life-cycle costing lets buyers make that comparison in a transparent way."
        ),
        "topics": ["construction", "energy"],
        "procurement_type": "ppi",
        "body": [
            (
                "paragraph",
                "<p>Article 68 of Directive 2014/24/EU allows contracting authorities to assess "
                "tenders on the basis of costs over the whole life of a product, service or "
                "works. These include acquisition costs, costs of use such as energy "
                "consumption, maintenance costs and end-of-life costs such as collection and "
                "recycling.</p>",
            ),
            ("heading", "Including external costs"),
            (
                "paragraph",
                "<p>Buyers can also include the cost of environmental externalities, for "
                "example greenhouse gas emissions, provided their monetary value can be "
                "determined and verified. The method must be based on objective, "
                "non-discriminatory criteria and the data required must be obtainable by "
                "suppliers with reasonable effort.</p>",
            ),
            (
                "paragraph",
                "<p>The procurement documents must state which data bidders have to provide "
                "and which method will be used. Where a common EU method is made mandatory by "
                "sectoral legislation, it must be applied.</p>",
            ),
        ],
    },
    {
        "slug": "brinmoor-leak-detection-pilot-results",
        "title": "Pilot results: sensor-based leak detection in Brinmoor",
        "date": "2025-05-08",
        "intro": (
            "The final testing phase of Brinmoor Water's pre-commercial procurement shows "
            "how acoustic sensors and data analytics can locate leaks in ageing networks."
        ),
        "topics": ["water", "ict"],
        "procurement_type": "pcp",
        "body": [
            (
                "paragraph",
                "<p>Two suppliers tested their solutions for twelve months on separate district "
                "metering areas of Brinmoor Water's network. Both combined low-cost acoustic "
                "sensors with software that ranks probable leak locations, so that repair "
                "crews can dig in the right place first.</p>",
            ),
            (
                "paragraph",
                "<p>According to the utility's evaluation, leaks were located faster than with "
                "conventional inspection in both test areas, and false alarms fell steadily "
                "as the algorithms were tuned. The utility will now prepare a separate "
                "competitive tender for wider deployment.</p>",
            ),
            ("heading", "Lessons for other utilities"),
            (
                "paragraph",
                "<p>The project team stresses that access to network data and good "
                "co-operation with field crews mattered as much as the technology. They also "
                "recommend agreeing test protocols with suppliers before field testing "
                "starts.</p>",
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "innovation-partnership-five-questions",
        "title": "The innovation partnership in five questions",
        "date": "2025-06-03",
        "intro": (
            "The innovation partnership is the only procedure in the 2014 directives designed "
            "for developing and then buying a solution in one go. When does it make sense?"
        ),
        "topics": ["public-administration"],
        "procurement_type": None,
        "body": [
            (
                "paragraph",
                "<p><strong>What is it?</strong> A procedure under Article 31 of Directive "
                "2014/24/EU in which a buyer selects one or more partners to develop an "
                "innovative solution and then purchases the result, provided it meets agreed "
                "performance levels and maximum costs.</p>",
            ),
            (
                "paragraph",
                "<p><strong>When should it be used?</strong> When the need cannot be met by "
                "solutions already available on the market. <strong>How is it "
                "structured?</strong> In successive phases following the research and "
                "innovation process, with intermediate targets and the option to end the "
                "partnership or reduce the number of partners after each phase.</p>",
            ),
            (
                "paragraph",
                "<p><strong>How is the contract awarded?</strong> Only on the best "
                "price-quality ratio. <strong>What is the main risk?</strong> Proportionality: "
                "the value of the final purchase must not be disproportionate to the "
                "investment required for development, and the arrangements on intellectual "
                "property must be defined in the procurement documents.</p>",
            ),
        ],
    },
    {
        "slug": "five-hospitals-joint-tender-ai-triage",
        "title": "Five hospitals prepare a joint tender for AI-assisted triage",
        "date": "2025-06-24",
        "intro": (
            "A buyers group of five hospitals has published a prior information notice for "
            "decision-support software for emergency departments."
        ),
        "topics": ["health", "ict"],
        "procurement_type": "ppi",
        "body": [
            (
                "paragraph",
                "<p>The Eastbrook Hospitals Alliance wants to shorten waiting times in its "
                "emergency departments by supporting triage nurses with software that "
                "flags high-risk patients early. The hospitals will buy together so that the "
                "contract is large enough to justify integration with their different "
                "patient record systems.</p>",
            ),
            (
                "paragraph",
                "<p>Because AI-based medical software is subject to the EU rules on medical "
                "devices and, increasingly, on artificial intelligence, the specifications "
                "will require evidence of conformity and clinical validation. Award criteria "
                "will weigh clinical performance, usability and data protection alongside "
                "price.</p>",
            ),
            (
                "paragraph",
                "<p>A market consultation day is planned for the autumn. Suppliers of all "
                "sizes are encouraged to take part.</p>",
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "interreg-route-to-cross-border-innovation-procurement",
        "title": "Interreg as a route to cross-border innovation procurement",
        "date": "2025-07-15",
        "intro": (
            "European Territorial Co-operation programmes can help public authorities build "
            "the skills and partnerships that innovation procurement needs."
        ),
        "topics": ["public-administration", "environment"],
        "procurement_type": None,
        "body": [
            (
                "paragraph",
                "<p>Interreg, funded by the European Regional Development Fund, supports "
                "co-operation between regions in different countries. Several Interreg "
                "projects have focused on improving regional policies for innovation "
                "procurement, sharing methods such as needs assessment, market engagement and "
                "risk management.</p>",
            ),
            (
                "paragraph",
                "<p>Interreg projects rarely fund the procurement itself. Their value lies in "
                "peer learning, pilot actions and the trust built between authorities, which "
                "can later lead to joint procurement under Horizon Europe or national "
                "programmes.</p>",
            ),
            (
                "paragraph",
                "<p>Anyone considering a project should check the priorities of the relevant "
                "cross-border, transnational or interregional programme, since each sets its "
                "own calls and eligibility rules.</p>",
            ),
        ],
    },
    {
        "slug": "port-of-caldris-shore-power-ppi",
        "title": "Port of Caldris seeks shore power solutions through PPI",
        "date": "2025-09-09",
        "intro": (
            "Caldris Port Authority will procure innovative shore-side electricity systems "
            "that can serve ferries and cruise ships at berths with limited grid capacity."
        ),
        "topics": ["energy", "transport", "environment"],
        "procurement_type": "ppi",
        "body": [
            (
                "paragraph",
                "<p>Supplying ships at berth with electricity from the shore cuts emissions "
                "and noise in port cities, but it requires large amounts of power at short "
                "notice. Caldris wants solutions that combine shore power with on-site "
                "storage and smart load management, so that grid reinforcement can be "
                "limited.</p>",
            ),
            (
                "paragraph",
                "<p>As a port authority, Caldris falls under the utilities rules. It has "
                "chosen a negotiated procedure with prior call for competition, which "
                "Directive 2014/25/EU makes freely available to utilities, so that it can "
                "refine technical solutions with bidders before final offers.</p>",
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "state-aid-and-pcp-why-market-price-matters",
        "title": "State aid and PCP: why the market price matters",
        "date": "2025-09-30",
        "intro": (
            "A pre-commercial procurement that leaves intellectual property with suppliers "
            "must be priced correctly to avoid granting State aid. We explain the logic."
        ),
        "topics": ["public-administration"],
        "procurement_type": "pcp",
        "body": [
            (
                "paragraph",
                "<p>Under Article 107(1) TFEU, public support that gives a selective economic "
                "advantage to undertakings can be State aid. When a public buyer pays for "
                "R&amp;D services, the question is whether suppliers receive more than a "
                "market price for what they deliver.</p>",
            ),
            ("heading", "What the Commission's framework says"),
            (
                "paragraph",
                "<p>The Commission's Framework for State aid for research and development and "
                "innovation explains when the procurement of R&amp;D services, including "
                "PCP, does not involve aid. In short, the selection must be competitive, "
                "transparent, open and non-discriminatory, the contractual terms, including "
                "rules on intellectual property, must be known to all bidders in advance, "
                "and the value of any rights left with suppliers must be reflected in the "
                "price.</p>",
            ),
            (
                "paragraph",
                "<p>The practical consequence is simple: design the IPR allocation first, "
                "explain it in the tender documents and let the competition set the "
                "price.</p>",
            ),
        ],
    },
    {
        "slug": "webinar-recap-ipr-in-pre-commercial-procurement",
        "title": "Webinar recap: intellectual property in pre-commercial procurement",
        "date": "2025-10-21",
        "intro": (
            "How should buyers and suppliers share the rights to results created in a PCP? "
            "Our October webinar brought together lawyers and project managers."
        ),
        "topics": ["ict", "public-administration"],
        "procurement_type": "pcp",
        "body": [
            (
                "paragraph",
                "<p>The standard approach in EU-funded PCPs is that each supplier keeps "
                "ownership of the results it generates, while the buyers receive royalty-free "
                "rights to use them and can require suppliers to license them to other "
                "parties on fair and reasonable terms. Buyers may also have the right to "
                "publish non-confidential summaries.</p>",
            ),
            (
                "paragraph",
                "<p>Panellists warned against asking for full ownership out of habit. "
                "Suppliers then have less incentive to commercialise the solution, the price "
                "goes up and the procurement may fall back within the scope of the "
                "directive.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Ask yourself what you will actually do with the rights you are asking for."
                    ),
                    "attribution": "Panellist, IPR webinar (demonstration quote)",
                },
            ),
        ],
    },
    {
        "slug": "eastfold-schools-trial-adaptive-learning-pcp",
        "title": "Eastfold schools trial adaptive learning tools through PCP",
        "date": "2025-11-13",
        "intro": (
            "Eastfold Education Authority has selected four suppliers to design learning "
            "tools that adapt to pupils with different reading levels."
        ),
        "topics": ["education", "ict"],
        "procurement_type": "pcp",
        "body": [
            (
                "paragraph",
                "<p>Teachers in Eastfold told the authority that existing learning apps either "
                "ignored the local curriculum or collected more pupil data than parents "
                "accepted. The PCP asks suppliers to develop tools that work offline, store "
                "data locally and let teachers see why a task was recommended.</p>",
            ),
            (
                "paragraph",
                "<p>Four suppliers will produce solution designs over the next five months. "
                "Teachers and pupils will help evaluate the prototypes in the second phase. "
                "Privacy requirements under the General Data Protection Regulation are built "
                "into the evaluation criteria from the start.</p>",
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "digital-europe-programme-and-public-buyers",
        "title": "What the Digital Europe Programme offers public buyers",
        "date": "2025-12-04",
        "intro": (
            "The Digital Europe Programme funds the deployment of digital capacities across "
            "the EU. Public authorities can benefit in several ways."
        ),
        "topics": ["ict", "public-administration"],
        "procurement_type": "ppi",
        "body": [
            (
                "paragraph",
                "<p>Established by Regulation (EU) 2021/694, the Digital Europe Programme "
                "focuses on bringing digital technology to businesses, citizens and public "
                "administrations, in areas such as high-performance computing, artificial "
                "intelligence, cybersecurity and advanced digital skills.</p>",
            ),
            (
                "paragraph",
                "<p>For public buyers, the most accessible entry point is often the network "
                "of European Digital Innovation Hubs, which help public sector organisations "
                "test digital solutions before they invest. Testing first can make a "
                "subsequent tender far better informed.</p>",
            ),
            (
                "paragraph",
                "<p>Calls are published in the programme's work programmes, and eligibility "
                "varies by call. Check the conditions carefully before building a "
                "consortium.</p>",
            ),
        ],
    },
    {
        "slug": "eforms-flagging-innovative-procurement",
        "title": "eForms: flagging innovative procurement in your notices",
        "date": "2026-01-20",
        "intro": (
            "Since the eForms became mandatory for notices published on TED, buyers can "
            "indicate whether a procurement is innovative. Using the field helps everyone "
            "measure progress."
        ),
        "topics": ["public-administration", "ict"],
        "procurement_type": "ppi",
        "body": [
            (
                "paragraph",
                "<p>The eForms, the standard forms for EU public procurement notices, became "
                "mandatory in October 2023. Among many new fields, they include one in which "
                "the buyer states whether the procurement aims to buy innovative goods, "
                "services or works.</p>",
            ),
            (
                "paragraph",
                "<p>Reliable data on innovation procurement has long been scarce. When "
                "buyers fill in the field consistently, national authorities and the "
                "Commission can monitor spending on innovation and suppliers can find "
                "relevant opportunities more easily.</p>",
            ),
            ("heading", "A short checklist"),
            (
                "paragraph",
                "<ul>"
                "<li>Agree internally what your organisation counts as innovative "
                "procurement.</li>"
                "<li>Ask your eProcurement system provider how the field is presented.</li>"
                "<li>Mention innovation objectives in the description of the procurement as "
                "well.</li>"
                "</ul>",
            ),
        ],
    },
    {
        "slug": "rennick-county-bridge-monitoring-pcp-phase-two",
        "title": "Rennick County bridge monitoring PCP moves to prototyping",
        "date": "2026-02-10",
        "intro": (
            "Three suppliers will build prototypes for continuous structural health "
            "monitoring of ageing road bridges."
        ),
        "topics": ["construction", "transport"],
        "procurement_type": "pcp",
        "body": [
            (
                "paragraph",
                "<p>Rennick County manages more than 600 road bridges, many built in the 1960s "
                "and 1970s. Visual inspections every few years are no longer enough to "
                "prioritise maintenance. In the first PCP phase, five suppliers studied "
                "combinations of fibre-optic sensing, satellite data and machine learning.</p>",
            ),
            (
                "paragraph",
                "<p>The county evaluated the feasibility studies against pre-announced criteria "
                "and has now contracted three suppliers for phase two. Each will install a "
                "prototype on a test bridge provided by the county and report results after "
                "nine months.</p>",
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "lessons-from-buyers-groups",
        "title": "Buying together: lessons from buyers groups",
        "date": "2026-03-05",
        "intro": (
            "Joint procurement gives innovation tenders the scale that suppliers need. It "
            "also brings governance challenges that are easier to solve early."
        ),
        "topics": ["public-administration"],
        "procurement_type": None,
        "body": [
            (
                "paragraph",
                "<p>Directive 2014/24/EU provides for occasional joint procurement between "
                "contracting authorities (Article 38) and joint procurement across borders "
                "(Article 39). In cross-border cases the authorities must agree which "
                "national procurement law applies and how responsibilities are shared.</p>",
            ),
            ("heading", "What experienced groups recommend"),
            (
                "paragraph",
                "<ol>"
                "<li>Appoint a lead procurer with a clear mandate, set out in a written "
                "agreement.</li>"
                "<li>Agree a common specification early, and accept that not every local "
                "preference will make it in.</li>"
                "<li>Plan for translation and for differences in payment and contract "
                "management practice.</li>"
                "<li>Decide in advance how the results and any follow-up purchases will be "
                "handled.</li>"
                "</ol>",
            ),
        ],
    },
    {
        "slug": "westmarch-fire-rescue-drone-situational-awareness",
        "title": "Fire and rescue services seek drone-based situational awareness",
        "date": "2026-04-14",
        "intro": (
            "A consortium of fire and rescue services led by Westmarch has opened a PCP for "
            "drone systems that give incident commanders a live picture of large fires."
        ),
        "topics": ["security", "ict"],
        "procurement_type": "pcp",
        "body": [
            (
                "paragraph",
                "<p>Commanders at wildfires and industrial incidents often lack a reliable "
                "overview during the first critical hours. The consortium wants systems that "
                "can be deployed by a crew within minutes, fly safely near other aircraft and "
                "share thermal imagery with control rooms.</p>",
            ),
            (
                "paragraph",
                "<p>The tender sets out functional requirements and leaves the technical "
                "approach open. Field testing in the final phase will take place during "
                "joint exercises with operational crews.</p>",
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "outcome-based-specifications-checklist",
        "title": "Writing outcome-based specifications: a checklist",
        "date": "2026-05-19",
        "intro": (
            "Functional and performance requirements leave room for new solutions. Our "
            "checklist helps you write them without losing control over quality."
        ),
        "topics": ["public-administration", "construction"],
        "procurement_type": "ppi",
        "body": [
            (
                "paragraph",
                "<p>Article 42 of Directive 2014/24/EU lets buyers formulate technical "
                "specifications in terms of performance or functional requirements, as long "
                "as they are precise enough for bidders to understand the subject-matter and "
                "for the buyer to award the contract. This is the single most effective way "
                "to open a tender to innovation.</p>",
            ),
            ("heading", "Checklist"),
            (
                "paragraph",
                "<ul>"
                "<li>State the problem and the outcome you need, with measurable levels.</li>"
                "<li>Separate mandatory minimum requirements from aspects rewarded in the "
                "award criteria.</li>"
                "<li>Avoid brand names and references to specific technologies unless "
                'strictly necessary, and then add "or equivalent".</li>'
                "<li>Explain how compliance will be verified during the contract.</li>"
                "<li>Consider allowing variants.</li>"
                "</ul>",
            ),
        ],
    },
    {
        "slug": "holmgard-housing-ppi-prefabricated-facades",
        "title": "Housing company opens PPI for prefabricated retrofit facades",
        "date": "2026-06-23",
        "intro": (
            "Holmgard Housing plans to renovate 1,200 post-war flats with prefabricated "
            "insulated facade modules, installed while tenants stay at home."
        ),
        "topics": ["construction", "energy"],
        "procurement_type": "ppi",
        "body": [
            (
                "paragraph",
                "<p>Deep renovation of occupied housing is slow and disruptive when carried "
                "out with conventional methods. Holmgard Housing wants suppliers to scan "
                "existing buildings, manufacture insulated facade modules with integrated "
                "windows and ventilation, and fit them in days rather than months.</p>",
            ),
            (
                "paragraph",
                "<p>The housing company will use the competitive procedure with negotiation. "
                "Award criteria include guaranteed energy performance after renovation, "
                "disruption to tenants and life-cycle cost over thirty years. A first "
                "building will serve as a pilot before the remaining blocks are "
                "renovated.</p>",
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "platform-survey-what-holds-buyers-back",
        "title": "Platform survey: what holds public buyers back?",
        "date": "2026-07-14",
        "intro": (
            "Lack of time and fear of legal challenge top the list of barriers in our reader "
            "survey. Peer support is the most requested form of help."
        ),
        "topics": ["public-administration"],
        "procurement_type": None,
        "body": [
            (
                "paragraph",
                "<p>We asked registered users of the platform about the obstacles they face "
                "when planning innovation procurement. The most frequent answers were lack of "
                "time to prepare, uncertainty about the legal risks, difficulty in securing "
                "budget for higher upfront costs and limited support from management.</p>",
            ),
            (
                "paragraph",
                "<p>Asked what would help most, respondents chose contact with peers who have "
                "run similar procurements, followed by model documents and early legal "
                "advice. We will use the results to plan next year's training "
                "programme.</p>",
            ),
            (
                "paragraph",
                "<p><em>Demonstration item: the survey and its results are fictional.</em></p>",
            ),
        ],
    },
    {
        "slug": "lindvik-circular-school-catering-ppi",
        "title": "Lindvik tests circular school catering through PPI",
        "date": "2026-09-08",
        "intro": (
            "The municipality of Lindvik has awarded a catering contract that rewards lower "
            "food waste and reusable packaging in its 24 schools."
        ),
        "topics": ["environment", "education"],
        "procurement_type": "ppi",
        "body": [
            (
                "paragraph",
                "<p>Rather than prescribing menus and packaging, Lindvik set targets for food "
                "waste, seasonal produce and reusable containers, and asked bidders how they "
                "would meet them. Part of the contractor's payment depends on measured "
                "progress against the waste target.</p>",
            ),
            (
                "paragraph",
                "<p>The municipality's procurement team says the outcome-based approach "
                "attracted a mix of established caterers and smaller local businesses "
                "bidding in lots. Pupils are involved in monitoring waste as part of their "
                "science lessons.</p>",
            ),
            _FICTIONAL,
        ],
    },
    {
        "slug": "procurer-training-programme-autumn-cohort",
        "title": "Innovation procurement training programme opens autumn cohort",
        "date": "2026-10-13",
        "intro": (
            "Our blended training programme for procurement officers returns with new modules "
            "on life-cycle costing and contract management."
        ),
        "topics": ["public-administration", "education"],
        "procurement_type": None,
        "body": [
            (
                "paragraph",
                "<p>The programme combines six online modules with two in-person workshops. "
                "Participants work on a real procurement from their own organisation, with "
                "feedback from experienced practitioners and a legal expert.</p>",
            ),
            (
                "paragraph",
                "<p>New this year are modules on life-cycle costing and on managing "
                "innovative contracts once they are signed, an area participants in earlier "
                "cohorts found was often overlooked. Places are limited, and priority goes to "
                "teams of two from the same authority.</p>",
            ),
            (
                "cta",
                {
                    "title": "See upcoming training dates",
                    "text": "Training courses, webinars and workshops are listed in the events calendar.",
                    "link_text": "View events",
                    "url": "/events/",
                },
            ),
        ],
    },
    {
        "slug": "flood-early-warning-pcp-field-testing",
        "title": "Flood early-warning PCP reaches field-testing phase",
        "date": "2026-11-20",
        "intro": (
            "Two suppliers will test low-cost river sensors and forecasting software in the "
            "catchments of the Severan river basin authority over the coming year."
        ),
        "topics": ["water", "environment", "security"],
        "procurement_type": "pcp",
        "body": [
            (
                "paragraph",
                "<p>Flash floods in small catchments leave little time for warnings, and "
                "traditional gauging stations are too expensive to install on every stream. "
                "The Severan river basin authority's PCP set out to develop dense networks of "
                "low-cost sensors linked to forecasting software.</p>",
            ),
            (
                "paragraph",
                "<p>After prototyping, two of the three suppliers were selected for the final "
                "phase. Their systems will be tested alongside existing gauges so that the "
                "authority can compare accuracy and lead times through a full seasonal "
                "cycle.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Every extra hour of warning matters to the people downstream.",
                    "attribution": "Hydrology manager, Severan river basin authority (fictional)",
                },
            ),
            _FICTIONAL,
        ],
    },
]

# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------
# All organisers, venues and programmes are demonstration content. All-day
# events use 00:00 for both times; "end" is the last day of the event.

EVENTS = [
    # --- Past -------------------------------------------------------------
    {
        "slug": "innovation-procurement-forum-2025",
        "title": "Innovation Procurement Forum 2025",
        "start": "2025-03-18T09:00",
        "end": "2025-03-18T17:30",
        "timezone": "Europe/Brussels",
        "all_day": False,
        "venue": "Conference centre, European Quarter (demonstration venue)",
        "city": "Brussels",
        "country": "BE",
        "online_url": "",
        "registration_url": "https://example.org/events/innovation-procurement-forum-2025/register",
        "organiser": "Procurement of Innovation Platform",
        "event_type": "conference",
        "intro": (
            "A day of talks and case studies for public buyers, policy makers and suppliers "
            "interested in PPI and PCP."
        ),
        "topics": ["public-administration", "health", "energy"],
        "body": [
            (
                "paragraph",
                "<p>The forum brings together procurers who have run innovation procurements "
                "and those who are about to start. Morning plenaries cover EU policy and "
                "funding; afternoon sessions focus on practical case studies in health, "
                "energy and digital services.</p>",
            ),
            ("heading", "Programme highlights"),
            (
                "paragraph",
                "<ul>"
                "<li>Keynote: innovation procurement and the green and digital "
                "transitions</li>"
                "<li>Panel: buyers groups that worked, and why</li>"
                "<li>Parallel sessions on market consultation, IPR and award criteria</li>"
                "<li>Networking reception</li>"
                "</ul>",
            ),
        ],
    },
    {
        "slug": "webinar-preliminary-market-consultation-in-practice",
        "title": "Webinar: preliminary market consultation in practice",
        "start": "2025-06-11T10:00",
        "end": "2025-06-11T11:30",
        "timezone": "Europe/Brussels",
        "all_day": False,
        "venue": "",
        "city": "",
        "country": "EU",
        "online_url": "https://example.org/webinars/preliminary-market-consultation",
        "registration_url": "https://example.org/events/webinar-preliminary-market-consultation-in-practice/register",
        "organiser": "Procurement of Innovation Platform",
        "event_type": "webinar",
        "intro": (
            "Ninety minutes on planning, announcing and documenting a market consultation "
            "that respects equal treatment."
        ),
        "topics": ["public-administration"],
        "body": [
            (
                "paragraph",
                "<p>Two practitioners walk through a market consultation from start to "
                "finish: defining the questions, announcing the consultation, running "
                "one-to-one meetings and open days, and publishing the results. Participants "
                "can ask questions throughout.</p>",
            ),
            ("heading", "Who should attend"),
            (
                "paragraph",
                "<p>Procurement officers, project managers and legal advisers in public "
                "authorities who are planning a procurement in the next twelve months.</p>",
            ),
        ],
    },
    {
        "slug": "pcp-bootcamp-for-health-buyers-lisbon",
        "title": "PCP bootcamp for health buyers",
        "start": "2025-10-07T09:00",
        "end": "2025-10-08T16:00",
        "timezone": "Europe/Lisbon",
        "all_day": False,
        "venue": "Training centre of the demonstration organiser",
        "city": "Lisbon",
        "country": "PT",
        "online_url": "",
        "registration_url": "https://example.org/events/pcp-bootcamp-for-health-buyers-lisbon/register",
        "organiser": "European Health Procurers Network (demonstration)",
        "event_type": "training",
        "intro": (
            "A two-day intensive course for hospitals and health authorities preparing a "
            "pre-commercial procurement."
        ),
        "topics": ["health"],
        "body": [
            (
                "paragraph",
                "<p>Day one covers the legal basis of PCP, State aid conditions and the "
                "allocation of intellectual property rights. Day two is a hands-on exercise: "
                "teams design the phases, evaluation criteria and budget of a PCP based on a "
                "real clinical need.</p>",
            ),
            ("heading", "Practical information"),
            (
                "paragraph",
                "<p>The course is taught in English. Participants should bring a short "
                "description of a need in their own organisation.</p>",
            ),
        ],
    },
    {
        "slug": "outcome-based-specifications-workshop-helsinki",
        "title": "Workshop: outcome-based specifications",
        "start": "2026-04-22T13:00",
        "end": "2026-04-22T17:00",
        "timezone": "Europe/Helsinki",
        "all_day": False,
        "venue": "City conference rooms (demonstration venue)",
        "city": "Helsinki",
        "country": "FI",
        "online_url": "",
        "registration_url": "https://example.org/events/outcome-based-specifications-workshop-helsinki/register",
        "organiser": "Procurement of Innovation Platform",
        "event_type": "workshop",
        "intro": (
            "An afternoon workshop in which participants rewrite a conventional specification "
            "as functional and performance requirements."
        ),
        "topics": ["public-administration", "construction"],
        "body": [
            (
                "paragraph",
                "<p>Working in small groups, participants take an existing specification, "
                "identify the underlying needs and rewrite it so that new solutions can "
                "compete. Facilitators share examples from building services, transport and "
                "ICT.</p>",
            ),
            ("heading", "What to bring"),
            (
                "paragraph",
                "<p>An anonymised specification from your own organisation, if you have one. "
                "Examples will also be provided.</p>",
            ),
        ],
    },
    {
        "slug": "smart-water-buyers-summit-2026",
        "title": "Smart Water Buyers Summit 2026",
        "start": "2026-09-29T00:00",
        "end": "2026-09-30T00:00",
        "timezone": "Europe/Amsterdam",
        "all_day": True,
        "venue": "Harbour conference centre (demonstration venue)",
        "city": "Rotterdam",
        "country": "NL",
        "online_url": "",
        "registration_url": "https://example.org/events/smart-water-buyers-summit-2026/register",
        "organiser": "Water Utilities Innovation Circle (demonstration)",
        "event_type": "conference",
        "intro": (
            "Two days for water utilities and river authorities to share experience of "
            "procuring digital and nature-based solutions."
        ),
        "topics": ["water", "environment", "ict"],
        "body": [
            (
                "paragraph",
                "<p>The summit combines plenary sessions on climate adaptation and network "
                "renewal with site visits and a supplier exhibition. A dedicated track "
                "explains how utilities can use the flexibility of Directive 2014/25/EU for "
                "innovation procurement.</p>",
            ),
            ("heading", "Site visits"),
            (
                "paragraph",
                "<p>On the second day, participants can join visits to a wastewater treatment "
                "plant and a flood defence project.</p>",
            ),
        ],
    },
    # --- Upcoming ---------------------------------------------------------
    {
        "slug": "webinar-state-aid-checks-for-pcp",
        "title": "Webinar: State aid checks for pre-commercial procurement",
        "start": "2026-12-03T14:00",
        "end": "2026-12-03T15:30",
        "timezone": "Europe/Brussels",
        "all_day": False,
        "venue": "",
        "city": "",
        "country": "EU",
        "online_url": "https://example.org/webinars/state-aid-checks-for-pcp",
        "registration_url": "https://example.org/events/webinar-state-aid-checks-for-pcp/register",
        "organiser": "Procurement of Innovation Platform",
        "event_type": "webinar",
        "intro": (
            "How to design a PCP so that it does not involve State aid, explained with "
            "worked examples."
        ),
        "topics": ["public-administration"],
        "body": [
            (
                "paragraph",
                "<p>The webinar explains the conditions set out in the Commission's Framework "
                "for State aid for research and development and innovation for procuring "
                "R&amp;D services, and how they translate into tender documents.</p>",
            ),
            ("heading", "Topics covered"),
            (
                "paragraph",
                "<ul>"
                "<li>Open, transparent and non-discriminatory selection</li>"
                "<li>Allocating intellectual property rights and pricing them</li>"
                "<li>Separating R&amp;D from any later commercial purchase</li>"
                "</ul>",
            ),
        ],
    },
    {
        "slug": "innovation-partnership-masterclass-madrid",
        "title": "Innovation partnership masterclass",
        "start": "2027-01-26T09:30",
        "end": "2027-01-26T17:00",
        "timezone": "Europe/Madrid",
        "all_day": False,
        "venue": "Conference centre (demonstration venue)",
        "city": "Madrid",
        "country": "ES",
        "online_url": "",
        "registration_url": "https://example.org/events/innovation-partnership-masterclass-madrid/register",
        "organiser": "Procurement of Innovation Platform",
        "event_type": "training",
        "intro": (
            "A one-day masterclass on designing and managing an innovation partnership "
            "under Article 31 of Directive 2014/24/EU."
        ),
        "topics": ["public-administration", "ict"],
        "body": [
            (
                "paragraph",
                "<p>The masterclass covers when the innovation partnership is the right "
                "choice, how to set phases and intermediate targets, how to keep the value of "
                "the final purchase proportionate and how to negotiate fairly with several "
                "partners.</p>",
            ),
            ("heading", "Format"),
            (
                "paragraph",
                "<p>Short presentations alternate with group work on a case study. Spanish "
                "transposition rules will be discussed alongside the directive.</p>",
            ),
        ],
    },
    {
        "slug": "cross-border-buyers-group-matchmaking-vienna",
        "title": "Cross-border buyers group matchmaking",
        "start": "2027-03-16T10:00",
        "end": "2027-03-17T13:00",
        "timezone": "Europe/Vienna",
        "all_day": False,
        "venue": "Demonstration venue, city centre",
        "city": "Vienna",
        "country": "AT",
        "online_url": "",
        "registration_url": "https://example.org/events/cross-border-buyers-group-matchmaking-vienna/register",
        "organiser": "Procurement of Innovation Platform",
        "event_type": "workshop",
        "intro": (
            "Meet public buyers from other countries with similar needs and explore joint "
            "PCP or PPI projects."
        ),
        "topics": ["public-administration", "health", "transport", "energy"],
        "body": [
            (
                "paragraph",
                "<p>Participants submit a short description of their needs in advance. The "
                "organisers group similar needs into thematic tables, where buyers explore "
                "whether a joint procurement is realistic and what it would require.</p>",
            ),
            ("heading", "After the workshop"),
            (
                "paragraph",
                "<p>Groups that decide to continue receive follow-up coaching on governance, "
                "joint procurement agreements and EU funding opportunities.</p>",
            ),
        ],
    },
    {
        "slug": "zero-emission-construction-sites-day-oslo",
        "title": "Zero-emission construction sites: procurement day",
        "start": "2027-04-20T09:00",
        "end": "2027-04-20T16:00",
        "timezone": "Europe/Oslo",
        "all_day": False,
        "venue": "Demonstration venue",
        "city": "Oslo",
        "country": "NO",
        "online_url": "",
        "registration_url": "https://example.org/events/zero-emission-construction-sites-day-oslo/register",
        "organiser": "Nordic Clean Construction Network (demonstration)",
        "event_type": "conference",
        "intro": (
            "How public clients can use procurement to cut emissions from construction "
            "machinery and site operations."
        ),
        "topics": ["construction", "environment", "energy"],
        "body": [
            (
                "paragraph",
                "<p>Public clients increasingly ask for fossil-free or zero-emission "
                "construction sites. This conference looks at how to set requirements and "
                "award criteria, how to verify them on site and how to give contractors "
                "enough notice to invest in electric machinery.</p>",
            ),
            ("heading", "Programme"),
            (
                "paragraph",
                "<ul>"
                "<li>Market readiness of electric and hydrogen machinery</li>"
                "<li>Grid connections and temporary charging on site</li>"
                "<li>Contract clauses and verification</li>"
                "</ul>",
            ),
        ],
    },
    {
        "slug": "life-cycle-costing-training-warsaw",
        "title": "Life-cycle costing training",
        "start": "2027-05-11T00:00",
        "end": "2027-05-12T00:00",
        "timezone": "Europe/Warsaw",
        "all_day": True,
        "venue": "Demonstration training venue",
        "city": "Warsaw",
        "country": "PL",
        "online_url": "",
        "registration_url": "https://example.org/events/life-cycle-costing-training-warsaw/register",
        "organiser": "Procurement of Innovation Platform",
        "event_type": "training",
        "intro": (
            "A two-day course on using life-cycle costing to compare innovative and "
            "conventional offers."
        ),
        "topics": ["energy", "construction", "transport"],
        "body": [
            (
                "paragraph",
                "<p>Participants learn which costs can be included under Article 68 of "
                "Directive 2014/24/EU, how to obtain the necessary data from bidders and how "
                "to turn a life-cycle cost model into a transparent award criterion.</p>",
            ),
            ("heading", "Exercises"),
            (
                "paragraph",
                "<p>Spreadsheet exercises cover street lighting, vehicles and building "
                "components. Please bring a laptop.</p>",
            ),
        ],
    },
    {
        "slug": "digital-health-procurement-lab-tallinn",
        "title": "Digital health procurement lab",
        "start": "2027-06-15T09:00",
        "end": "2027-06-15T17:00",
        "timezone": "Europe/Tallinn",
        "all_day": False,
        "venue": "Demonstration venue",
        "city": "Tallinn",
        "country": "EE",
        "online_url": "",
        "registration_url": "https://example.org/events/digital-health-procurement-lab-tallinn/register",
        "organiser": "European Health Procurers Network (demonstration)",
        "event_type": "workshop",
        "intro": (
            "A hands-on workshop on specifying interoperability, data protection and "
            "clinical evidence in digital health tenders."
        ),
        "topics": ["health", "ict"],
        "body": [
            (
                "paragraph",
                "<p>Digital health solutions must work with existing records systems, protect "
                "sensitive data and show clinical benefit. The lab helps buyers translate "
                "these demands into requirements and award criteria that suppliers can "
                "meet.</p>",
            ),
            ("heading", "Sessions"),
            (
                "paragraph",
                "<ul>"
                "<li>Interoperability standards in tender documents</li>"
                "<li>Data protection by design and by default</li>"
                "<li>Evaluating clinical evidence and usability</li>"
                "</ul>",
            ),
        ],
    },
    {
        "slug": "innovation-procurement-forum-2027",
        "title": "Innovation Procurement Forum 2027",
        "start": "2027-09-21T09:00",
        "end": "2027-09-22T16:00",
        "timezone": "Europe/Rome",
        "all_day": False,
        "venue": "Demonstration congress centre",
        "city": "Bologna",
        "country": "IT",
        "online_url": "",
        "registration_url": "https://example.org/events/innovation-procurement-forum-2027/register",
        "organiser": "Procurement of Innovation Platform",
        "event_type": "conference",
        "intro": (
            "The platform's annual gathering returns for two days of case studies, "
            "training and networking."
        ),
        "topics": ["public-administration", "ict", "transport", "environment"],
        "body": [
            (
                "paragraph",
                "<p>The 2027 forum looks at how innovation procurement supports Europe's "
                "climate and digital goals, with sessions led by buyers who have taken "
                "solutions from R&amp;D to full deployment.</p>",
            ),
            ("heading", "Call for speakers"),
            (
                "paragraph",
                "<p>Public buyers who would like to present their experience can propose a "
                "session through the registration page. Proposals from smaller authorities "
                "are particularly welcome.</p>",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Legal framework
# ---------------------------------------------------------------------------

_EURLEX = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:"
_D24 = "Directive 2014/24/EU"
_D25 = "Directive 2014/25/EU"
_D23 = "Directive 2014/23/EU"


def _ref(act, article, celex, url=None):
    """A legal reference; the URL defaults to the EUR-Lex page of the CELEX number."""
    return {
        "act": act,
        "article": article,
        "celex": celex,
        "url": url if url is not None else (_EURLEX + celex if celex else ""),
    }


LEGAL_SECTIONS = [
    {
        "slug": "directive-2014-24-eu",
        "title": "Directive 2014/24/EU on public procurement",
        "intro": (
            "The main EU directive for procurement by public authorities, and the source of "
            "most innovation-friendly tools available to public buyers."
        ),
        "jurisdiction": "EU",
        "body": [
            ("heading", "Scope"),
            (
                "paragraph",
                "<p>Directive 2014/24/EU of 26 February 2014 applies to contracting "
                "authorities, that is state, regional and local authorities, bodies governed "
                "by public law and associations of them, when they award contracts above the "
                "EU thresholds. The thresholds are expressed in euro, differ for works, "
                "supplies and services and for central and sub-central authorities, and are "
                "revised every two years. Member States had to transpose the directive by "
                "18 April 2016.</p>",
            ),
            (
                "paragraph",
                "<p>Below the thresholds, national rules apply. Contracts of clear "
                "cross-border interest must nevertheless respect the Treaty principles of "
                "transparency, equal treatment and non-discrimination.</p>",
            ),
            ("heading", "Innovation in the directive"),
            (
                "paragraph",
                "<p>The directive defines innovation broadly, in Article 2(1)(22), as the "
                "implementation of a new or significantly improved product, service or "
                "process, including production, building or construction processes, a new "
                "marketing method or a new organisational method. Its recitals encourage "
                "contracting authorities to use procurement strategically to foster "
                "innovation.</p>",
            ),
            (
                "paragraph",
                "<p>The tools most relevant to innovation are:</p>"
                "<ul>"
                "<li>preliminary market consultations (Article 40);</li>"
                "<li>performance-based and functional technical specifications "
                "(Article 42) and variants (Article 45);</li>"
                "<li>division into lots (Article 46), which helps smaller suppliers;</li>"
                "<li>the competitive procedure with negotiation, competitive dialogue and "
                "innovation partnership (Articles 29 to 31);</li>"
                "<li>award on the best price-quality ratio and life-cycle costing "
                "(Articles 67 and 68).</li>"
                "</ul>",
            ),
            ("heading", "Remedies"),
            (
                "paragraph",
                "<p>Bidders who consider that a procedure breached the rules can seek review "
                "under the remedies directives, as transposed into national law. Innovation "
                "procurements are subject to the same review procedures as any other "
                "contract, which is why careful documentation of market consultations and "
                "evaluations matters.</p>",
            ),
        ],
        "references": [
            _ref(_D24, "Article 2(1)(22)", "32014L0024"),
            _ref(_D24, "Article 4", "32014L0024"),
            _ref(_D24, "Article 90", "32014L0024"),
            _ref("Directive 89/665/EEC (public sector remedies)", "", "31989L0665"),
        ],
        "children": [
            {
                "slug": "innovation-partnership",
                "title": "Innovation partnership (Article 31)",
                "intro": (
                    "A procedure that combines the development of an innovative solution and "
                    "its subsequent purchase in a single procurement."
                ),
                "jurisdiction": "EU",
                "body": [
                    ("heading", "When it can be used"),
                    (
                        "paragraph",
                        "<p>The innovation partnership is intended for needs that cannot be "
                        "met by purchasing products, services or works already available on "
                        "the market. The buyer must identify this need in the procurement "
                        "documents and state the minimum requirements that all tenders must "
                        "meet.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Any economic operator may request to participate in response to "
                        "the contract notice, with a minimum of 30 days to do so. Only "
                        "operators invited after the assessment of their information may "
                        "submit tenders. The buyer may set up the partnership with one "
                        "partner or with several partners conducting separate research and "
                        "development activities.</p>",
                    ),
                    ("heading", "How it is structured"),
                    (
                        "paragraph",
                        "<p>The partnership is organised in successive phases following the "
                        "sequence of steps in the research and innovation process, which may "
                        "include the manufacturing of products, the provision of services or "
                        "the completion of works. The buyer sets intermediate targets and "
                        "the payment of remuneration in appropriate instalments. After each "
                        "phase, it may terminate the partnership or, where there are several "
                        "partners, reduce their number, provided it stated these "
                        "possibilities and their conditions in the procurement "
                        "documents.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>The buyer negotiates initial and subsequent tenders with the "
                        "tenderers, except the final tender, but minimum requirements and "
                        "award criteria are not negotiable. Contracts are awarded solely on "
                        "the best price-quality ratio.</p>",
                    ),
                    ("heading", "Proportionality and intellectual property"),
                    (
                        "paragraph",
                        "<p>The structure, duration and value of the phases must reflect the "
                        "degree of innovation and the research activities required. The "
                        "estimated value of the final purchase must not be disproportionate "
                        "to the investment needed for development. The procurement documents "
                        "must set out the arrangements for intellectual property rights, and "
                        "the buyer may not disclose one participant's proposed solutions or "
                        "confidential information to others without consent.</p>",
                    ),
                ],
                "references": [
                    _ref(_D24, "Article 31", "32014L0024"),
                    _ref(_D24, "Article 67", "32014L0024"),
                    _ref(_D25, "Article 49", "32014L0025"),
                ],
                "children": [],
            },
            {
                "slug": "competitive-dialogue-and-negotiation",
                "title": "Competitive dialogue and competitive procedure with negotiation",
                "intro": (
                    "Two procedures that let buyers discuss solutions with bidders, suited to "
                    "needs that call for design or innovative solutions."
                ),
                "jurisdiction": "EU",
                "body": [
                    ("heading", "Grounds for use"),
                    (
                        "paragraph",
                        "<p>Under Article 26(4) of Directive 2014/24/EU, contracting "
                        "authorities may use either procedure where, among other grounds, "
                        "their needs cannot be met without adapting readily available "
                        "solutions, the contract includes design or innovative solutions, "
                        "the contract cannot be awarded without prior negotiation because of "
                        "its nature, complexity, legal or financial make-up or risks, or the "
                        "technical specifications cannot be established with sufficient "
                        "precision by reference to a standard or technical reference. They "
                        "are also available where an open or restricted procedure produced "
                        "only irregular or unacceptable tenders.</p>",
                    ),
                    ("heading", "Competitive procedure with negotiation"),
                    (
                        "paragraph",
                        "<p>In the competitive procedure with negotiation (Article 29), the "
                        "buyer describes its needs, the minimum requirements and the award "
                        "criteria, then negotiates with selected tenderers to improve their "
                        "offers. Minimum requirements and award criteria cannot be "
                        "negotiated, and all tenderers must be treated equally. The buyer "
                        "may reserve the right to award on the basis of initial tenders "
                        "without negotiation.</p>",
                    ),
                    ("heading", "Competitive dialogue"),
                    (
                        "paragraph",
                        "<p>In competitive dialogue (Article 30), the buyer holds a dialogue "
                        "with selected participants to identify the means best suited to "
                        "its needs, and only then invites final tenders. It is useful where "
                        "the buyer knows the outcome it wants but not how to achieve it. The "
                        "contract is awarded solely on the best price-quality ratio, and the "
                        "buyer may provide for prizes or payments to participants in the "
                        "dialogue.</p>",
                    ),
                ],
                "references": [
                    _ref(_D24, "Article 26", "32014L0024"),
                    _ref(_D24, "Article 29", "32014L0024"),
                    _ref(_D24, "Article 30", "32014L0024"),
                ],
                "children": [],
            },
            {
                "slug": "rd-services-exemption-pcp",
                "title": "R&D services exemption and pre-commercial procurement (Article 14)",
                "intro": (
                    "Why pre-commercial procurement falls outside the scope of the directive, "
                    "and what rules still apply."
                ),
                "jurisdiction": "EU",
                "body": [
                    ("heading", "The exemption"),
                    (
                        "paragraph",
                        "<p>Article 14 of Directive 2014/24/EU applies the directive to "
                        "research and development service contracts, within the CPV codes it "
                        "lists, only when two conditions are both met: the benefits accrue "
                        "exclusively to the contracting authority for use in the conduct of "
                        "its own affairs, and the service is wholly remunerated by the "
                        "contracting authority. If either condition is not met, the contract "
                        "is outside the directive.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Pre-commercial procurement relies on this rule. Suppliers "
                        "usually keep ownership of the intellectual property they generate "
                        "and can exploit it commercially, while the buyer obtains rights to "
                        "use the results. The benefits therefore do not accrue exclusively "
                        "to the buyer, and the price reflects the value of the rights left "
                        "with suppliers.</p>",
                    ),
                    ("heading", "Rules that still apply"),
                    (
                        "paragraph",
                        "<p>Being outside the directive does not mean being outside the law. "
                        "PCP must respect the principles of the Treaty on the Functioning of "
                        "the European Union, in particular transparency, equal treatment and "
                        "non-discrimination, as well as national law and the State aid "
                        "rules. The Commission's 2007 Communication on pre-commercial "
                        "procurement describes a model that meets these requirements.</p>",
                    ),
                    ("heading", "Distinction from deployment"),
                    (
                        "paragraph",
                        "<p>The exemption covers R&amp;D services only. Buying commercial "
                        "volumes of the resulting products falls within the directive and "
                        "requires a separate procedure. Article 32(3)(a) allows the "
                        "negotiated procedure without prior publication for supplies "
                        "manufactured purely for research, experimentation, study or "
                        "development, but not for quantity production to establish "
                        "commercial viability or to recover R&amp;D costs.</p>",
                    ),
                ],
                "references": [
                    _ref(_D24, "Article 14", "32014L0024"),
                    _ref(_D24, "Article 32(3)(a)", "32014L0024"),
                    _ref(
                        "Communication on pre-commercial procurement, COM(2007) 799",
                        "",
                        "52007DC0799",
                    ),
                ],
                "children": [],
            },
            {
                "slug": "award-criteria-and-life-cycle-costing",
                "title": "Award criteria and life-cycle costing (Articles 67 and 68)",
                "intro": (
                    "How to reward quality, innovation and whole-life value when comparing tenders."
                ),
                "jurisdiction": "EU",
                "body": [
                    ("heading", "The most economically advantageous tender"),
                    (
                        "paragraph",
                        "<p>Article 67 requires contracts to be awarded to the most "
                        "economically advantageous tender. This is identified on the basis "
                        "of price or cost, using a cost-effectiveness approach such as "
                        "life-cycle costing, and may include the best price-quality ratio, "
                        "assessed on criteria such as quality, technical merit, innovative "
                        "characteristics, environmental and social aspects, and after-sales "
                        "service. Member States may restrict or prohibit the use of price or "
                        "cost alone.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Award criteria must be linked to the subject-matter of the "
                        "contract, must not give the buyer unrestricted freedom of choice and "
                        "must allow effective competition. Their relative weighting must be "
                        "stated in the procurement documents.</p>",
                    ),
                    ("heading", "Life-cycle costing"),
                    (
                        "paragraph",
                        "<p>Under Article 68, life-cycle costing can cover acquisition costs, "
                        "costs of use, maintenance costs and end-of-life costs, as well as "
                        "the cost of environmental externalities where their monetary value "
                        "can be determined and verified. The method and the data bidders "
                        "must provide have to be stated in advance.</p>",
                    ),
                ],
                "references": [
                    _ref(_D24, "Article 67", "32014L0024"),
                    _ref(_D24, "Article 68", "32014L0024"),
                ],
                "children": [],
            },
            {
                "slug": "market-consultation-and-specifications",
                "title": "Market consultation, specifications and variants",
                "intro": (
                    "The preparatory tools that open a procurement to new solutions, whatever "
                    "procedure is used."
                ),
                "jurisdiction": "EU",
                "body": [
                    ("heading", "Preliminary market consultations"),
                    (
                        "paragraph",
                        "<p>Article 40 allows contracting authorities to consult the market "
                        "before launching a procedure, to prepare the procurement and to "
                        "inform operators of their plans. They may seek advice from "
                        "independent experts, authorities or market participants, provided "
                        "this does not distort competition or breach non-discrimination and "
                        "transparency.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Where a candidate or tenderer has advised the buyer or been "
                        "involved in preparing the procedure, Article 41 requires the buyer "
                        "to take appropriate measures, such as sharing relevant information "
                        "with all participants and setting adequate time limits. Exclusion "
                        "is a last resort, and the operator must first have the opportunity "
                        "to prove that its involvement cannot distort competition.</p>",
                    ),
                    ("heading", "Functional specifications and variants"),
                    (
                        "paragraph",
                        "<p>Article 42 lets buyers set technical specifications in terms of "
                        "performance or functional requirements, provided they are precise "
                        "enough for bidders to determine the subject-matter and for the buyer "
                        "to award the contract. Under Article 45, buyers may authorise or "
                        "require variants, stating the minimum requirements that variants "
                        "must meet.</p>",
                    ),
                ],
                "references": [
                    _ref(_D24, "Article 40", "32014L0024"),
                    _ref(_D24, "Article 41", "32014L0024"),
                    _ref(_D24, "Article 42", "32014L0024"),
                    _ref(_D24, "Article 45", "32014L0024"),
                ],
                "children": [],
            },
        ],
    },
    {
        "slug": "directive-2014-25-eu",
        "title": "Directive 2014/25/EU on procurement by utilities",
        "intro": (
            "The directive for entities operating in the water, energy, transport and postal "
            "services sectors, which gives buyers more procedural flexibility."
        ),
        "jurisdiction": "EU",
        "body": [
            ("heading", "Who it covers"),
            (
                "paragraph",
                "<p>Directive 2014/25/EU applies to contracting authorities, public "
                "undertakings and entities holding special or exclusive rights when they "
                "procure for certain activities: gas and heat, electricity, water, transport "
                "services, ports and airports, postal services and the extraction of oil, "
                "gas and coal. Its thresholds for supplies and services are higher than "
                "those of Directive 2014/24/EU. Activities directly exposed to competition "
                "on markets with unrestricted access can be exempted.</p>",
            ),
            ("heading", "Innovation tools"),
            (
                "paragraph",
                "<p>Utilities may freely choose between the open procedure, the restricted "
                "procedure and the negotiated procedure with prior call for competition. "
                "Competitive dialogue and innovation partnership (Article 49) are also "
                "available. This flexibility makes it easier to negotiate technical "
                "solutions with bidders.</p>",
            ),
            (
                "paragraph",
                "<p>The directive contains equivalents of the main innovation provisions of "
                "Directive 2014/24/EU, including preliminary market consultations "
                "(Article 58), award criteria including the best price-quality ratio "
                "(Article 82) and an exemption for research and development services under "
                "the same two conditions as in the public sector directive (Article 32), "
                "which allows pre-commercial procurement by utilities.</p>",
            ),
        ],
        "references": [
            _ref(_D25, "Article 32", "32014L0025"),
            _ref(_D25, "Article 44", "32014L0025"),
            _ref(_D25, "Article 49", "32014L0025"),
            _ref(_D25, "Article 82", "32014L0025"),
        ],
        "children": [],
    },
    {
        "slug": "directive-2014-23-eu",
        "title": "Directive 2014/23/EU on concession contracts",
        "intro": (
            "Concessions transfer operating risk to the concessionaire, and the directive "
            "leaves buyers wide freedom to design the award procedure."
        ),
        "jurisdiction": "EU",
        "body": [
            ("heading", "What a concession is"),
            (
                "paragraph",
                "<p>In a works or services concession, the consideration for the contractor "
                "consists mainly in the right to exploit the works or services, so the "
                "concessionaire bears an operating risk of an economic nature. Typical "
                "examples include the operation of car parks, sports facilities or energy "
                "infrastructure. Directive 2014/23/EU applies above a single threshold for "
                "works and services concessions.</p>",
            ),
            ("heading", "Flexibility and innovation"),
            (
                "paragraph",
                "<p>Article 30 lets the contracting authority organise the award procedure "
                "freely, within the procedural guarantees of the directive and the "
                "principles of equal treatment, non-discrimination and transparency. "
                "Negotiation with bidders is possible. This flexibility suits "
                "performance-based contracts where the concessionaire designs and operates "
                "an innovative solution.</p>",
            ),
            (
                "paragraph",
                "<p>Award criteria may include environmental, social and innovation-related "
                "criteria (Article 41). Exceptionally, where a tender proposes an innovative "
                "solution with an exceptional level of functional performance that a "
                "diligent authority could not have foreseen, the authority may change the "
                "order of ranking of the award criteria, subject to conditions set out in "
                "that article. Article 25 excludes research and development services under "
                "the same conditions as the other two directives.</p>",
            ),
        ],
        "references": [
            _ref(_D23, "Article 5", "32014L0023"),
            _ref(_D23, "Article 25", "32014L0023"),
            _ref(_D23, "Article 30", "32014L0023"),
            _ref(_D23, "Article 41", "32014L0023"),
        ],
        "children": [],
    },
    {
        "slug": "commission-guidance-innovation-procurement-2021",
        "title": "Commission guidance on innovation procurement (2021)",
        "intro": (
            "The European Commission's non-binding notice that explains how to plan, "
            "organise and run innovation procurement within the EU rules."
        ),
        "jurisdiction": "EU",
        "body": [
            ("heading", "Status and purpose"),
            (
                "paragraph",
                "<p>The Commission adopted its Guidance on Innovation Procurement as a "
                "Commission Notice, C(2021) 4320, in June 2021, and published it in the "
                "Official Journal (OJ C 267 of 6 July 2021). It replaced the guidance "
                "issued in 2018. Like all such notices, it is not legally binding: only the "
                "Court of Justice of the European Union can interpret EU law "
                "authoritatively.</p>",
            ),
            (
                "paragraph",
                "<p>The guidance links innovation procurement to the recovery from the "
                "COVID-19 crisis and to the green and digital transitions, and addresses "
                "policy makers as well as individual procurers.</p>",
            ),
            ("heading", "Main themes"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Policy framework</strong>: national action plans for innovation "
                "procurement, measurable objectives and incentives for public buyers.</li>"
                "<li><strong>Skills and capacity</strong>: competence centres, networks and "
                "the role of innovation brokers.</li>"
                "<li><strong>Attracting innovators</strong>: making procurement accessible "
                "to start-ups and SMEs.</li>"
                "<li><strong>Tools and procedures</strong>: needs assessment, market "
                "consultation, specifications, award criteria, innovation partnership, PCP "
                "and PPI, illustrated with examples from across the EU.</li>"
                "</ul>",
            ),
            ("heading", "Using the guidance"),
            (
                "paragraph",
                "<p>For buyers, the most practical parts are the explanations of "
                "innovation-friendly tools and the case examples. The guidance should be "
                "read together with the directives and national law, and with the "
                "Commission's State aid rules where R&amp;D is procured.</p>",
            ),
        ],
        "references": [
            _ref(
                "Commission Notice: Guidance on Innovation Procurement, C(2021) 4320 (OJ C 267, 6.7.2021)",
                "",
                "",
                "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:C:2021:267:TOC",
            ),
            _ref(_D24, "Article 2(1)(22)", "32014L0024"),
        ],
        "children": [],
    },
    {
        "slug": "state-aid-and-rdi",
        "title": "State aid and research, development and innovation",
        "intro": (
            "The State aid rules matter whenever public money supports R&D, including when a "
            "public buyer procures R&D services."
        ),
        "jurisdiction": "EU",
        "body": [
            ("heading", "The basic rule"),
            (
                "paragraph",
                "<p>Article 107(1) of the Treaty on the Functioning of the European Union "
                "prohibits aid granted by a Member State or through State resources that "
                "distorts or threatens to distort competition by favouring certain "
                "undertakings, in so far as it affects trade between Member States. Aid can "
                "nevertheless be compatible with the internal market if it meets the "
                "conditions of EU secondary law or Commission guidelines.</p>",
            ),
            ("heading", "The instruments for R&D&I"),
            (
                "paragraph",
                "<p>Two instruments are central. The General Block Exemption Regulation "
                "(Regulation (EU) No 651/2014) exempts certain aid from prior notification, "
                "including aid for R&amp;D projects, innovation aid for SMEs and aid for "
                "innovation clusters, subject to conditions and ceilings. The Framework for "
                "State aid for research and development and innovation, revised by the "
                "Commission in October 2022, explains how the Commission assesses notified "
                "aid and when certain public measures do not constitute aid at all.</p>",
            ),
            (
                "paragraph",
                "<p>For public buyers the key question is usually the second one: whether "
                "paying a company for R&amp;D services confers an advantage. The child "
                "section below explains the conditions.</p>",
            ),
        ],
        "references": [
            _ref(
                "Treaty on the Functioning of the European Union",
                "Article 107",
                "12012E/TXT",
            ),
            _ref(
                "Regulation (EU) No 651/2014 (General Block Exemption Regulation)",
                "Articles 25 to 29",
                "32014R0651",
            ),
            _ref(
                "Framework for State aid for research and development and innovation (OJ C 414, 28.10.2022)",
                "",
                "",
                "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:C:2022:414:TOC",
            ),
        ],
        "children": [
            {
                "slug": "state-aid-procurement-of-rd-services",
                "title": "Procuring R&D services without State aid",
                "intro": (
                    "The conditions under which the procurement of R&D services, including "
                    "PCP, does not involve State aid to the suppliers."
                ),
                "jurisdiction": "EU",
                "body": [
                    ("heading", "Procurement under the directives"),
                    (
                        "paragraph",
                        "<p>The R&amp;D&amp;I Framework recognises that when a public buyer "
                        "procures R&amp;D services from undertakings through an open tender "
                        "in line with the procurement directives, the Commission generally "
                        "considers that no State aid is granted, because the price results "
                        "from competition.</p>",
                    ),
                    ("heading", "Pre-commercial procurement"),
                    (
                        "paragraph",
                        "<p>For procurements that fall outside the directives, such as PCP, "
                        "the Framework sets out conditions under which no aid is involved. "
                        "In summary:</p>"
                        "<ul>"
                        "<li>suppliers are selected through an open, transparent and "
                        "non-discriminatory competitive procedure based on objective criteria "
                        "set in advance;</li>"
                        "<li>the planned contractual arrangements, including the allocation "
                        "of intellectual property rights, are made available to all bidders "
                        "beforehand;</li>"
                        "<li>the procurement does not give any supplier preferential "
                        "treatment for the later supply of commercial volumes;</li>"
                        "<li>results that may give rise to intellectual property rights are "
                        "either widely disseminated, or any benefits left with the supplier "
                        "are remunerated at market conditions, for example through a price "
                        "reduction.</li>"
                        "</ul>",
                    ),
                    (
                        "paragraph",
                        "<p>If a measure does not meet these conditions, it is not "
                        "automatically unlawful, but it must be assessed under the State aid "
                        "rules. Buyers should consult the exact text of the Framework and "
                        "their national State aid experts.</p>",
                    ),
                ],
                "references": [
                    _ref(
                        "Framework for State aid for research and development and innovation (OJ C 414, 28.10.2022)",
                        "Public procurement of R&D services",
                        "",
                        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:C:2022:414:TOC",
                    ),
                    _ref(_D24, "Article 14", "32014L0024"),
                ],
                "children": [],
            },
        ],
    },
    {
        "slug": "national-frameworks",
        "title": "National frameworks",
        "intro": (
            "How selected countries have transposed the directives and organised support for "
            "innovation procurement."
        ),
        "jurisdiction": "EU",
        "body": [
            ("heading", "Transposition"),
            (
                "paragraph",
                "<p>EU directives must be transposed into national law, and each Member State "
                "has done so in its own way. Some adopted a single procurement act covering "
                "public authorities, utilities and concessions; others kept separate laws. "
                "National rules also govern procurement below the EU thresholds, which is "
                "where most contracts are awarded.</p>",
            ),
            ("heading", "Support structures"),
            (
                "paragraph",
                "<p>Many countries have set up competence centres, funding schemes or action "
                "plans for innovation procurement. The sections below summarise the main "
                "features for a selection of countries. They are introductory summaries "
                "and do not replace the national legislation or official guidance.</p>",
            ),
        ],
        "references": [
            _ref(_D24, "Article 90", "32014L0024"),
            _ref(_D25, "Article 106", "32014L0025"),
            _ref(_D23, "Article 51", "32014L0023"),
        ],
        "children": [
            {
                "slug": "national-framework-finland",
                "title": "Finland",
                "intro": (
                    "Finland combines a single procurement act for public authorities with a "
                    "national competence centre for sustainable and innovative procurement."
                ),
                "jurisdiction": "FI",
                "body": [
                    ("heading", "Legislation"),
                    (
                        "paragraph",
                        "<p>The Act on Public Procurement and Concession Contracts "
                        "(1397/2016) transposes Directives 2014/24/EU and 2014/23/EU and "
                        "entered into force at the beginning of 2017. A separate act "
                        "(1398/2016) covers entities in the water, energy, transport and "
                        "postal services sectors. The act also sets national thresholds "
                        "below the EU thresholds, above which national procedural rules "
                        "apply.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Procurement disputes are heard by the Market Court. Finnish law "
                        "provides for the innovation partnership and the other "
                        "innovation-friendly tools of the directives.</p>",
                    ),
                    ("heading", "Support for innovation procurement"),
                    (
                        "paragraph",
                        "<p>KEINO, the competence centre for sustainable and innovative "
                        "public procurement, was launched in 2018 and is run by a "
                        "consortium of public organisations. It supports buyers through "
                        "networks, guidance and training. Business Finland has offered "
                        "funding to public organisations for developing innovative "
                        "procurements.</p>",
                    ),
                ],
                "references": [
                    _ref(
                        "Act on Public Procurement and Concession Contracts (1397/2016)",
                        "",
                        "",
                        "https://www.finlex.fi/fi/laki/ajantasa/2016/20161397",
                    ),
                ],
                "children": [],
            },
            {
                "slug": "national-framework-netherlands",
                "title": "Netherlands",
                "intro": (
                    "The Netherlands regulates procurement through the Public Procurement Act "
                    "2012 and supports innovation through PIANOo and the SBIR programme."
                ),
                "jurisdiction": "NL",
                "body": [
                    ("heading", "Legislation"),
                    (
                        "paragraph",
                        "<p>The Public Procurement Act 2012 (Aanbestedingswet 2012) is the "
                        "main procurement law. It was amended in 2016 to transpose the 2014 "
                        "directives and covers public authorities, utilities and concessions. "
                        "The Proportionality Guide (Gids Proportionaliteit), which has a "
                        "formal status under the act, helps buyers set proportionate "
                        "requirements.</p>",
                    ),
                    ("heading", "Support for innovation procurement"),
                    (
                        "paragraph",
                        "<p>PIANOo, the Public Procurement Expertise Centre under the "
                        "Ministry of Economic Affairs, provides guidance, training and "
                        "networks, including on innovation procurement. The Small Business "
                        "Innovation Research (SBIR) programme, administered by the "
                        "Netherlands Enterprise Agency (RVO), has for many years used a "
                        "phased, competitive approach to procuring R&amp;D that resembles "
                        "pre-commercial procurement.</p>",
                    ),
                ],
                "references": [
                    _ref(
                        "Aanbestedingswet 2012 (Public Procurement Act 2012)",
                        "",
                        "",
                        "https://wetten.overheid.nl/BWBR0032203",
                    ),
                ],
                "children": [],
            },
            {
                "slug": "national-framework-spain",
                "title": "Spain",
                "intro": (
                    "Spain's Public Sector Contracts Act of 2017 transposes the directives and "
                    "explicitly addresses R&D and innovation procurement."
                ),
                "jurisdiction": "ES",
                "body": [
                    ("heading", "Legislation"),
                    (
                        "paragraph",
                        "<p>Law 9/2017 of 8 November on Public Sector Contracts (Ley de "
                        "Contratos del Sector Público, LCSP) transposes Directives "
                        "2014/24/EU and 2014/23/EU. It regulates preliminary market "
                        "consultations and the innovation partnership (asociación para la "
                        "innovación), and excludes R&amp;D service contracts from its scope "
                        "under conditions equivalent to Article 14 of the directive. "
                        "Utilities are covered by separate legislation.</p>",
                    ),
                    ("heading", "Innovation procurement in practice"),
                    (
                        "paragraph",
                        "<p>Innovation procurement (compra pública de innovación) has been "
                        "promoted in Spain for more than a decade, with support from "
                        "national research and innovation bodies and from regional "
                        "governments. Many initiatives have been co-financed by EU structural "
                        "funds. Special appeals against procurement decisions are heard by "
                        "independent administrative review bodies at national and regional "
                        "level.</p>",
                    ),
                ],
                "references": [
                    _ref(
                        "Ley 9/2017, de 8 de noviembre, de Contratos del Sector Público",
                        "",
                        "",
                        "https://www.boe.es/buscar/act.php?id=BOE-A-2017-12902",
                    ),
                ],
                "children": [],
            },
            {
                "slug": "national-framework-italy",
                "title": "Italy",
                "intro": (
                    "Italy adopted a new Public Contracts Code in 2023, and national agencies "
                    "support innovation procurement, especially in the digital field."
                ),
                "jurisdiction": "IT",
                "body": [
                    ("heading", "Legislation"),
                    (
                        "paragraph",
                        "<p>Legislative Decree No 36 of 31 March 2023 established a new "
                        "Public Contracts Code, replacing Legislative Decree No 50/2016. Its "
                        "provisions took effect from 1 July 2023, and the digitalisation of "
                        "the procurement life cycle through certified eProcurement platforms "
                        "applies from 2024. The code includes the innovation-friendly "
                        "procedures of the directives, among them the innovation "
                        "partnership.</p>",
                    ),
                    ("heading", "Institutions and support"),
                    (
                        "paragraph",
                        "<p>The National Anti-Corruption Authority (ANAC) supervises public "
                        "contracts. The Agency for Digital Italy (AgID) has promoted "
                        "innovation procurement and pre-commercial procurement, including "
                        "through an online platform for collecting public needs and "
                        "publishing innovation procurement initiatives.</p>",
                    ),
                ],
                "references": [
                    _ref(
                        "Decreto legislativo 31 marzo 2023, n. 36 (Codice dei contratti pubblici)",
                        "",
                        "",
                        "https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2023-03-31;36",
                    ),
                ],
                "children": [],
            },
        ],
    },
]
