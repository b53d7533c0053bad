"""What the Resource Centre's filter panel shows of each facet: long lists
cut to their first values with "show all" and a filter box (`<facet>_q`,
which works without JavaScript), and a ranged facet (years) as from/to fields
over a histogram. The counts are the search's; only the showing is decided
here."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from search.facet_values import histogram, matching
from search.faceted import Facet, FacetSpec, FacetValue

# How many values a long facet shows before "show all": the most frequent
# ones, plus every selected value wherever it is in the list.
SHOWN = 10
SHOW_ALL = "show_all"  # the parameter naming the facet(s) to show in full


@dataclass
class Row:
    item: FacetValue
    hidden: bool


@dataclass
class RangeField:
    name: str  # the parameter, e.g. "year_from"
    label: str
    value: str  # as typed, kept when it has an error
    error: str


@dataclass
class DrawnBar:
    """A histogram bar where the page's SVG draws it: a column 10 units wide
    in a box 50 high."""

    value: int
    count: int
    in_range: bool
    x: int
    y: int
    height: int


BAR_ROOM = 48  # the tallest bar's height, under the box's 50


def drawn(bars):
    highest = max((bar.count for bar in bars), default=0) or 1
    made = []
    for index, bar in enumerate(bars):
        # A year with any resources shows at least a sliver, unlike one with none.
        height = max(1, round(BAR_ROOM * bar.count / highest)) if bar.count else 0
        made.append(
            DrawnBar(bar.value, bar.count, bar.in_range, index * 10 + 1, 50 - height, height)
        )
    return made


@dataclass
class Panel:
    facet: Facet
    spec: FacetSpec
    rows: list[Row] = field(default_factory=list)
    filter_text: str = ""  # what the visitor typed into the facet's filter box
    showing_all: bool = False
    bars: list[DrawnBar] = field(default_factory=list)  # a ranged facet's histogram
    fields: list[RangeField] = field(default_factory=list)  # its from/to
    has_range: bool = False  # whether the search applies a range of it

    @property
    def hidden_count(self):
        return sum(row.hidden for row in self.rows)

    @property
    def found_nothing(self):
        return bool(self.filter_text) and all(row.hidden or row.item.selected for row in self.rows)

    @property
    def selected(self):
        return [row.item for row in self.rows if row.item.selected]

    @property
    def width(self):
        return len(self.bars) * 10


def panels(results, specs, params, ranges, errors):
    """A Panel per facet of `results`, from the page's query dict `params`,
    the valid `ranges` and the range `errors` (search/ranges.py)."""
    by_name = {spec.name: spec for spec in specs}
    show_all = set(params.getlist(SHOW_ALL))
    made = []
    for facet in results.facets:
        spec = by_name[facet.name]
        panel = Panel(facet=facet, spec=spec)
        panel.rows = [Row(item, hidden=False) for item in facet.values]
        if spec.ranged:
            panel.has_range = spec.name in ranges
            panel.bars = drawn(histogram(facet, ranges.get(spec.name)))
            panel.fields = [
                RangeField(name, label, params.get(name, "")[:20], errors.get(name, ""))
                for name, label in zip(spec.range_parameters, (_("From"), _("To")), strict=True)
            ]
        elif spec.searchable:
            panel.filter_text = params.get(spec.search_parameter, "").strip()[:200]
            panel.showing_all = spec.name in show_all
            found = {id(item) for item in matching(facet.values, panel.filter_text)}
            for index, row in enumerate(panel.rows):
                if row.item.selected:
                    continue
                if panel.filter_text:
                    row.hidden = id(row.item) not in found
                else:
                    row.hidden = not panel.showing_all and index >= SHOWN
        made.append(panel)
    return made
