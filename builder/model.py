"""Domain objects: Article (what a seed says), Source and Event (what an event page holds).

The event page's front matter schema lives here, in one place: `Event.to_front_matter` writes
it and `parse_event` reads and validates it, so the two can never drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

#: Front-matter keys in the order they are written. Keys a person adds that are not listed
#: here are kept as they are (see `Event.extra`).
FIELDS: tuple[str, ...] = (
    "title",
    "date",
    "end_date",
    "location",
    "summary",
    "tags",
    "people",
    "places",
    "organizations",
    "sources",
    "date_from",
    "review",
    "draft",
)
LIST_FIELDS: tuple[str, ...] = ("tags", "people", "places", "organizations", "review")
ENTITY_KINDS: tuple[str, ...] = ("tags", "people", "places", "organizations")
SOURCE_FIELDS: tuple[str, ...] = ("title", "publisher", "credit", "url", "published", "seed")
#: Most names one list field may hold. A page is read by people; past a few hundred names a
#: list is a mistake (or an attack: every name becomes a chip and an entity page).
MAX_NAMES = 200
#: The dates an event may have. Feeds, calendars and date arithmetic (the day after an
#: event, time zones) must never step outside what `datetime` can hold (years 1 to 9999).
MIN_DATE = dt.date(1, 1, 1)
MAX_DATE = dt.date(9998, 12, 31)


class SeedError(Exception):
    """A seed that cannot be used; the message says why and what to do about it."""


@dataclass
class Article:
    """What one seed says, as read and then enriched by the extractors."""

    seed: str
    title: str
    paragraphs: list[str]
    publisher: str | None = None
    #: The standfirst (the prose between the headline and the byline or stamp, or above a
    #: dateline): the writer's text, shown on the event page above the paragraphs, but not
    #: the story that the summary, dateline, date and tags are read from.
    standfirst: list[str] = field(default_factory=list)
    credit: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    #: How the reader found `published`, e.g. "timestamp 'Published 5:02 PM ...'".
    date_evidence: str | None = None
    #: A relative stamp near the title ("4 hours ago"), resolved by the date extractor.
    relative_stamp: str | None = None
    #: A body that is already safe Markdown (a person's own note), used as it is.
    body_markdown: str | None = None
    #: The fields a note gives (front matter of a `.md` seed), taken as given.
    note: dict[str, Any] | None = None
    location: str | None = None
    # Filled by the extractors:
    date: dt.date | None = None
    date_from: str | None = None
    review: list[str] = field(default_factory=list)
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The article text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Source:
    """One article that reports an event."""

    title: str
    publisher: str | None = None
    credit: str | None = None
    url: str | None = None
    published: dt.date | None = None
    seed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SOURCE_FIELDS}


@dataclass
class Event:
    """One happening: the content of one event page."""

    title: str
    date: dt.date
    end_date: dt.date | None = None
    location: str | None = None
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    date_from: str | None = None
    review: list[str] = field(default_factory=list)
    draft: bool = False
    body: str = ""
    #: Keys a person added that the schema does not know, kept verbatim.
    extra: dict[str, Any] = field(default_factory=dict)
    #: Where the page lives, relative to the events directory (set when loaded or written).
    path: str | None = None

    @property
    def seeds(self) -> list[str]:
        return [source.seed for source in self.sources if source.seed]

    def entities(self, kind: str) -> list[str]:
        """The names of one kind: 'tags', 'people', 'places' or 'organizations'."""
        values: list[str] = getattr(self, kind)
        return values

    def to_front_matter(self) -> dict[str, Any]:
        """The front matter, keys in schema order, unknown keys last."""
        data: dict[str, Any] = {}
        for name in FIELDS:
            if name == "sources":
                data[name] = [source.to_dict() for source in self.sources]
            else:
                data[name] = getattr(self, name)
        data.update(self.extra)
        return data


# --- The event page as text: front matter schema, validation, rendering -------------------


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe YAML without implicit timestamps: dates arrive as text, and we say exactly
    what is wrong with "2025-13-45" instead of PyYAML raising a bare ValueError.

    It also notes duplicate keys (PyYAML keeps the last silently): `duplicates` holds
    (line, key, the mapping's node) for each."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, str, yaml.Node]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: set[str] = set()
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    self.duplicates.append((key.start_mark.line, key.value, node))
                seen.add(key.value)
        return super().construct_mapping(node, deep)


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one event page, in the form `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class _Checker:
    """Collects the problems of one page's front matter, with the line of each key."""

    def __init__(self, path: str, lines: dict[str, int], first_line: int) -> None:
        self.path = path
        self.lines = lines
        self.first_line = first_line
        self.problems: list[Problem] = []

    def fail(self, name: str, message: str, severity: str = "error") -> None:
        line = self.lines.get(name.split("[")[0], self.first_line)
        self.problems.append(Problem(self.path, line, name, message, severity))

    def text(self, data: dict[str, Any], name: str, required: bool = False) -> str | None:
        value = data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(name, "missing (expected a non-empty text)")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(name, f"is {_describe(value)} (expected a text; quote it if needed)")
            return None
        return str(value)

    def date(self, data: dict[str, Any], name: str, required: bool = False) -> dt.date | None:
        value = data.get(name)
        if value is None:
            if required:
                self.fail(name, "missing (expected a date as YYYY-MM-DD)")
            return None
        parsed = parse_iso_date(value)
        if parsed is None:
            self.fail(name, f"{_describe(value)} is not a date "
                            "(expected YYYY-MM-DD, e.g. 2025-12-17)")
            return None
        problem = date_range_problem(parsed)
        if problem:
            self.fail(name, problem)
            return None
        return parsed

    def names(self, data: dict[str, Any], name: str) -> list[str]:
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(name, f"is {_describe(value)} (expected a list, e.g. [first, second])")
            return []
        if len(value) > MAX_NAMES:
            self.fail(name, f"has {len(value)} names (expected at most {MAX_NAMES}: keep the "
                            "main ones, or split the event)")
            return []
        result: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.fail(f"{name}[{index}]", f"is {_describe(item)} (expected a text)")
            elif str(item).strip() and str(item) not in result:
                result.append(str(item))
        return result

    def sources(self, data: dict[str, Any]) -> list[Source]:
        value = data.get("sources")
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail("sources", f"is {_describe(value)} (expected a list of sources)")
            return []
        result: list[Source] = []
        for index, item in enumerate(value):
            name = f"sources[{index}]"
            if not isinstance(item, dict):
                self.fail(name, f"is {_describe(item)} "
                                "(expected a mapping with title, publisher, ...)")
                continue
            sub = _Checker(self.path, {}, self.lines.get("sources", self.first_line))
            for key in item:
                if key not in SOURCE_FIELDS:
                    sub.fail(f"{name}.{key}", "unknown source field (kept as is)", "warning")
            values = {key: sub.text(item, key) for key in ("publisher", "credit", "url", "seed")}
            title = sub.text(item, "title") or values["publisher"] or values["seed"] or ""
            published = sub.date(item, "published")
            self.problems.extend(
                Problem(p.path, p.line,
                        p.field if p.field.startswith(name) else f"{name}.{p.field}",
                        p.message, p.severity)
                for p in sub.problems
            )
            result.append(Source(title=title, published=published, **values))
        return result


@dataclass
class _Node:
    """A collection open in the YAML event stream (see `scan_yaml`)."""

    mapping: bool
    keys: set[str] = field(default_factory=set)
    expect_key: bool = True


def scan_yaml(front: str) -> tuple[dict[str, int], list[tuple[int, str, str]]]:
    """Walk the YAML's events, constructing nothing: the line (0-based) of each top-level
    key, and (line, field, message) for each anchor or alias and each duplicate key.

    Aliases are refused rather than bounded: a page is written by hand, where an alias saves
    nothing, and a few nested ones ("billion laughs") expand a 1 KB text into gigabytes.
    Walking the events costs time linear in the text, whatever it holds. Raises
    yaml.YAMLError on invalid YAML.
    """
    lines: dict[str, int] = {}
    problems: list[tuple[int, str, str]] = []
    refused: set[str] = set()
    stack: list[_Node] = []
    top = "front matter"
    for event in yaml.parse(front, Loader=_Loader):
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            _node_done(stack)
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        line = event.start_mark.line if event.start_mark is not None else 0
        parent = stack[-1] if stack else None
        is_key = parent is not None and parent.mapping and parent.expect_key
        if is_key and isinstance(event, yaml.ScalarEvent) and parent is not None:
            if len(stack) == 1:
                top = event.value
                lines.setdefault(top, line)
            if event.value in parent.keys:
                problems.append((line, top, f"duplicate key {event.value!r} (expected each "
                                            "key once: keep one and delete the other)"))
            parent.keys.add(event.value)
        marked = isinstance(event, yaml.AliasEvent) or event.anchor is not None
        if marked and top not in refused:
            refused.add(top)
            mark = ("the alias *" if isinstance(event, yaml.AliasEvent)
                    else "the anchor &") + str(event.anchor)
            problems.append((line, top, f"uses {mark} (YAML anchors and aliases are "
                                        "refused: write the value out in full)"))
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append(_Node(mapping=isinstance(event, yaml.MappingStartEvent)))
        else:
            _node_done(stack)
    return lines, problems


def _node_done(stack: list[_Node]) -> None:
    if stack and stack[-1].mapping:
        stack[-1].expect_key = not stack[-1].expect_key


def load_front(front: str, path: str, first_line: int
               ) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Front matter a person wrote, as a mapping: (data or None, problems). Anchors and
    aliases are refused before anything is built (`scan_yaml`); duplicate keys are found
    while building, at no extra cost."""
    try:
        if "&" in front or "*" in front:  # only then can there be an anchor or an alias
            found = scan_yaml(front)[1]
            if found:
                return None, [Problem(path, first_line + line, name, message)
                              for line, name, message in found]
        loader = _Loader(front)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except (yaml.YAMLError, RecursionError) as error:  # (deep nesting, without libyaml)
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error)
        return None, [Problem(path, line, "front matter",
                              f"invalid YAML: {reason} (expected 'key: value' lines; quote "
                              "values that contain ': ' or start with a special character)")]
    if loader.duplicates:
        lines = key_lines(front)
        return None, [Problem(path, first_line + line,
                              key if mapping is root else _key_at(lines, line),
                              f"duplicate key {key!r} (expected each key once: keep one and "
                              "delete the other)")
                      for line, key, mapping in loader.duplicates]
    if not isinstance(data, dict):
        return None, [Problem(path, first_line, "front matter",
                              f"is {_describe(data)} (expected 'key: value' lines)")]
    return data, []


def key_lines(front: str) -> dict[str, int]:
    """The line (0-based) of each top-level key; only computed when there are problems."""
    try:
        return scan_yaml(front)[0]
    except yaml.YAMLError:
        return {}


def _key_at(lines: dict[str, int], line: int) -> str:
    """The top-level key whose value holds `line`."""
    before = [(start, key) for key, start in lines.items() if start <= line]
    return max(before)[1] if before else "front matter"


def with_lines(problems: list[Problem], front: str, first_line: int) -> list[Problem]:
    """The problems with the line of their field's key (fields are checked before lines
    are known, as most pages have no problem)."""
    if not problems:
        return problems
    lines = {key: first_line + line for key, line in key_lines(front).items()}
    return [Problem(p.path, lines.get(p.field.split("[")[0].split(".")[0], p.line),
                    p.field, p.message, p.severity) for p in problems]


def check_names(data: dict[str, Any], names: tuple[str, ...], path: str,
                first_line: int) -> tuple[dict[str, list[str]], list[Problem]]:
    """The list fields `names` of `data` as lists of texts, and the problems found (an item
    that is not a text, more than `MAX_NAMES` names), at `first_line` (see `with_lines`)."""
    check = _Checker(path, {}, first_line)
    return {name: check.names(data, name) for name in names}, check.problems


#: Deepest nesting of lists, quotes and HTML elements a page's body may have. Python-Markdown
#: renders by recursion: a few hundred levels ("- - - - ... x" on one line) exhaust Python's
#: stack and stop the whole site build; real pages nest a handful of levels.
MAX_NESTING = 32
#: Longest run of one emphasis character (`*`, `_`); longer runs exhaust the stack too.
MAX_RUN = 100
_NESTED_LINE = re.compile(rf"^(?=[ \t]*(?:[-*+>]|\d{{1,9}}[.)]))[^\n]{{{MAX_NESTING + 1},}}"
                          rf"|^[ \t]{{{MAX_NESTING},}}", re.MULTILINE)
_MARKER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")
_RUN = re.compile(rf"([*_])\1{{{MAX_RUN},}}")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
#: Python-Markdown looks for the close of every `[`, `(` and `<` to the end of its paragraph,
#: again at each opener, so a paragraph of unclosed openers costs (openers x length): 10 KB
#: of `[` took 34 s, `[a](` 80 s, `<http://x ` and `<a ` as much. The cost of a body is the
#: sum, over its paragraphs, of (most openers open at once, beyond a few) x (its length); a
#: unit takes at most 0.4 microseconds (bench/bench_markdown.py), so this bound keeps any
#: body under about 2 s, while real text (a link in an image in a link at most) costs 0.
MAX_OPEN_COST = 5_000_000
_OPEN_FREE = 4
_PARAGRAPH = re.compile(r"\S.*?(?=\n[ \t]*\n|\Z)", re.DOTALL)
_OPENER = re.compile(r"\\.|[\[\]()<>]")
_CLOSER = {"]": "[", ")": "(", ">": "<"}
#: Python-Markdown also rebuilds a paragraph's text at each inline match in it (emphasis,
#: code, an escape, an entity, a tag), so a paragraph costs (marks x length): one 1 MB
#: paragraph of `*Ashmoor* quay` took 44 s. A body may spend MAX_INLINE_COST (about 3 s)
#: plus INLINE_COST_PER_CHAR for each of its characters, which every paragraph the builder
#: writes (at most `escape.MAX_PARAGRAPH` characters) stays under.
MAX_INLINE_COST = 4_000_000_000
INLINE_COST_PER_CHAR = 4_000
_MARKS = re.compile(r"[\\`*_&<\[]")
#: Most headings one body may have: Python-Markdown's toc gives each repeated heading a
#: unique id by trying `_1`, `_2`, ... in turn, which is quadratic in the repeats.
MAX_HEADINGS = 1000
_HEADING = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|(?:=+|-+)[ \t]*$)", re.MULTILINE)


def body_problem(body: str) -> tuple[int, str] | None:
    """(line in the body, 0-based; message) when Markdown cannot render the body safely:
    nested deeper than MAX_NESTING, a run of emphasis characters past MAX_RUN, openers left
    unclosed past MAX_OPEN_COST, or more than MAX_HEADINGS headings."""
    for match in _NESTED_LINE.finditer(body):
        line = match.group(0).expandtabs(4)
        depth, position = 0, 0
        while line.startswith("    ", position):
            depth, position = depth + 1, position + 4
        while marker := _MARKER.match(line, position):
            if marker.end() == position:
                break
            depth, position = depth + 1, marker.end()
        if depth > MAX_NESTING:
            return (body.count("\n", 0, match.start()),
                    f"nests lists or quotes {depth} levels deep (expected at most "
                    f"{MAX_NESTING})")
    run = _RUN.search(body)
    if run:
        return (body.count("\n", 0, run.start()),
                f"has a run of {len(run.group(0))} '{run.group(1)}' (expected at most "
                f"{MAX_RUN}; write \\{run.group(1)} for a literal one)")
    if found := _open_cost_problem(body):
        return found
    if found := _inline_cost_problem(body):
        return found
    headings = _HEADING.findall(body)
    if len(headings) > MAX_HEADINGS:
        return (0, f"has {len(headings)} headings (expected at most {MAX_HEADINGS}; split "
                   "the page, or write \\# at the start of a line that is not a heading)")
    if "<" in body:
        depth = 0
        for tag in _TAG.finditer(body):
            if tag.group(2).lower() in _VOID or tag.group(0).endswith("/>"):
                continue
            depth = max(depth - 1, 0) if tag.group(1) else depth + 1
            if depth > MAX_NESTING:
                return (body.count("\n", 0, tag.start()),
                        f"nests HTML elements {depth} deep (expected at most {MAX_NESTING})")
    return None


def _open_cost_problem(body: str) -> tuple[int, str] | None:
    """Where the openers left unclosed make Markdown's cost pass MAX_OPEN_COST, or None."""
    cost = 0
    for paragraph in _PARAGRAPH.finditer(body):
        text = paragraph.group(0)
        if not any(c in text for c in "[(<"):
            continue
        depth = {"[": 0, "(": 0, "<": 0}
        peak = dict(depth)
        for opener in _OPENER.finditer(text):
            char = opener.group(0)
            if char in depth:
                depth[char] += 1
                peak[char] = max(peak[char], depth[char])
            elif char in _CLOSER and depth[_CLOSER[char]]:
                depth[_CLOSER[char]] -= 1
        excess = sum(peak.values()) - _OPEN_FREE
        if excess > 0:
            cost += excess * len(text)
        if cost > MAX_OPEN_COST:
            char = max(peak, key=lambda c: peak[c])
            line = body.count("\n", 0, paragraph.start())
            literal = {"[": "\\[", "(": "\\(", "<": "&lt;"}[char]
            return (line, f"leaves {peak[char]} '{char}' open at once in one paragraph "
                          f"(Markdown rescans the paragraph for each: expected them closed; "
                          f"write {literal} for a literal '{char}', or close them)")
    return None


def _inline_cost_problem(body: str) -> tuple[int, str] | None:
    """Where the marks of long paragraphs make Markdown's cost pass its bound, or None."""
    budget = MAX_INLINE_COST + INLINE_COST_PER_CHAR * len(body)
    if len(body) * len(body) <= budget:
        return None
    cost, worst, worst_cost = 0, None, 0
    for paragraph in _PARAGRAPH.finditer(body):
        text = paragraph.group(0)
        paragraph_cost = len(_MARKS.findall(text)) * len(text)
        cost += paragraph_cost
        if paragraph_cost > worst_cost:
            worst, worst_cost = paragraph, paragraph_cost
    if cost <= budget or worst is None:
        return None
    return (body.count("\n", 0, worst.start()),
            f"has a paragraph of {len(worst.group(0)):,} characters with "
            f"{len(_MARKS.findall(worst.group(0))):,} Markdown marks (Markdown rebuilds the "
            "paragraph at each: expected shorter paragraphs; put blank lines between them)")


def date_range_problem(date: dt.date) -> str | None:
    """Why a date cannot be an event's date (outside MIN_DATE..MAX_DATE), or None."""
    if MIN_DATE <= date <= MAX_DATE:
        return None
    return (f"{date.isoformat()} is outside the supported range (expected a date from "
            f"{MIN_DATE.isoformat()} to {MAX_DATE.isoformat()})")


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "empty"
    return f"{type(value).__name__} {value!r}"


def parse_iso_date(value: Any) -> dt.date | None:
    """A `YYYY-MM-DD` text (or a date) as a date; None if it is not a real day."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()) if len(value.strip()) == 10 else None
    except ValueError:
        return None


_HANDLER = YAMLHandler()


def parse_event(text: str, path: str) -> tuple[Event | None, list[Problem]]:
    """Read an event page. Returns the event (None if unusable) and every problem found.

    A byte order mark (many Windows editors write one) and CRLF line ends are read as any
    page is."""
    text = text.removeprefix("\ufeff")
    if not _HANDLER.detect(text):
        return None, [Problem(path, 1, "front matter",
                              "missing (expected the page to start with a '---' line, "
                              "YAML fields, and another '---' line)")]
    try:
        front, body = _HANDLER.split(text)
    except ValueError:
        return None, [Problem(path, 1, "front matter",
                              "not closed (expected a second '---' line after the fields)")]
    first_line = 1  # `front` starts with the rest of the opening '---' line
    data, problems = load_front(front, path, first_line)
    if data is None:
        return None, problems
    check = _Checker(path, {}, first_line)
    event = _event_from(data, body, check)
    problems = with_lines(check.problems, front, first_line)
    if found := body_problem(body):
        body_line = text.count("\n", 0, len(text) - len(body)) + 1
        problems.append(Problem(path, body_line + found[0], "body", found[1]))
    if any(problem.severity == "error" for problem in problems):
        return None, problems
    return event, problems


def _event_from(data: dict[str, Any], body: str, check: _Checker) -> Event | None:
    title = check.text(data, "title", required=True)
    date = check.date(data, "date", required=True)
    end_date = check.date(data, "end_date")
    if date and end_date and end_date < date:
        check.fail("end_date", f"{end_date.isoformat()} is before date {date.isoformat()} "
                               "(expected the same day or later, or null)")
    draft = data.get("draft", False)
    if draft is None:
        draft = False
    if not isinstance(draft, bool):
        check.fail("draft", f"is {_describe(draft)} (expected true or false)")
        draft = False
    lists = {name: check.names(data, name) for name in LIST_FIELDS}
    sources = check.sources(data)
    location = check.text(data, "location")
    summary = check.text(data, "summary") or ""
    date_from = check.text(data, "date_from")
    extra = {key: value for key, value in data.items() if key not in FIELDS}
    for key in extra:
        check.fail(str(key), "unknown field (kept as is; known fields: "
                             + ", ".join(FIELDS) + ")", "warning")
    if title is None or date is None:
        return None
    return Event(title=title, date=date, end_date=end_date, location=location, summary=summary,
                 tags=lists["tags"], people=lists["people"], places=lists["places"],
                 organizations=lists["organizations"], sources=sources, date_from=date_from,
                 review=lists["review"], draft=draft, body=body.strip(), extra=extra)


class _Dumper(yaml.SafeDumper):
    """Block-style lists, indented under their key, as people write them by hand.
    (The pure-Python dumper: the C one ignores `increase_indent`; see `_dump`.)"""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the same date twice is written twice, never as '&id001' / '*id001'


_CDumper: Any = getattr(yaml, "CSafeDumper", None)
if _CDumper is not None:
    class _FastDumper(_CDumper):  # type: ignore[misc]
        """libyaml's emitter: lists come out at their key's indent (see `_dump`)."""

        def ignore_aliases(self, data: Any) -> bool:
            return True

#: Longest text the fast path writes, counting the quotes and backslashes a quoted style
#: doubles: libyaml and PyYAML fold a line longer than the width (4096) at different
#: columns (their list indents differ), so texts that could reach it take the pure dumper.
#: Texts with characters to escape (up to 10 characters each) have a lower bound; keys stay
#: below YAML's 128-character limit for simple keys.
_FAST_TEXT_CHARS = 3800
_FAST_ESCAPED_CHARS = 300
_FAST_KEY_CHARS = 100
_SCALARS = (str, int, float, bool, dt.date, type(None))
#: Where libyaml and PyYAML choose different styles: PyYAML escapes characters outside the
#: Basic Multilingual Plane, libyaml writes them as they are.
_SLOW_CHARS = re.compile("[\n\U00010000-\U0010FFFF]")


def _fast_text(value: Any) -> bool:
    if not isinstance(value, str):
        return isinstance(value, _SCALARS)
    if _SLOW_CHARS.search(value):
        return False
    if not value.isprintable():
        return len(value) <= _FAST_ESCAPED_CHARS
    doubled = value.count("'") + value.count('"') + value.count("\\")
    return len(value) + doubled <= _FAST_TEXT_CHARS


def _fast_key(key: Any) -> bool:
    return isinstance(key, str) and 0 < len(key) <= _FAST_KEY_CHARS and _fast_text(key)


def _fast_shape(data: dict[str, Any]) -> bool:
    """Whether libyaml's output differs from the pure dumper's only by list indentation:
    top-level keys are texts, values are scalars, lists of scalars, or lists of flat
    mappings of scalars; no text spans lines."""
    for key, value in data.items():
        if not _fast_key(key):
            return False
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict) and isinstance(value, list):
                if not all(_fast_key(k) and _fast_text(v)
                           for k, v in item.items()):
                    return False
            elif not _fast_text(item):
                return False
    return True


def _dump(data: dict[str, Any]) -> str:
    """YAML of front matter, block style, lists indented under their key.

    libyaml writes a list at its key's indent ("tags:\n- a"); in the shapes `_fast_shape`
    accepts, every line of a list starts with '- ' or a space (a top-level key never does:
    such a key is quoted), so indenting those lines by two gives exactly the pure dumper's
    text, several times faster."""
    options: dict[str, Any] = {"sort_keys": False, "allow_unicode": True,
                               "default_flow_style": False, "width": 4096}
    if _CDumper is None or not _fast_shape(data):
        return str(yaml.dump(data, Dumper=_Dumper, **options))
    text = str(yaml.dump(data, Dumper=_FastDumper, **options))
    return "".join("  " + line if line.startswith(("- ", " ")) or line == "-\n" else line
                   for line in text.splitlines(keepends=True))


#: Characters YAML reads as line breaks (or folds away) inside a value; written as spaces so
#: that a value read back is the value written.
_YAML_BREAKS = str.maketrans({"\r": " ", "\x85": " ", "\u2028": " ", "\u2029": " "})


def _one_line(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_YAML_BREAKS)
    if isinstance(value, list):
        return [_one_line(item) for item in value]
    if isinstance(value, dict):
        return {key: _one_line(item) for key, item in value.items()}
    return value


def _within_limits(data: dict[str, Any]) -> dict[str, Any]:
    """At most MAX_NAMES names per list, so that the builder never writes a page `check`
    refuses (an article, or many merged, can name more); what is left out is flagged for
    review on the page."""
    over = [name for name in ENTITY_KINDS if len(data[name]) > MAX_NAMES]
    if not over:
        return data
    data = dict(data)
    # No count in the flag: the review page groups events by flag, so one wording for every
    # cut list of a kind makes one group ("... (12)"), not a group per count.
    flags = [f"more than {MAX_NAMES} {name}: only the first {MAX_NAMES} are listed"
             for name in over]
    for name in over:
        data[name] = data[name][:MAX_NAMES]
    data["review"] = [*data["review"], *(flag for flag in flags if flag not in data["review"])]
    return data


def render_event(event: Event) -> str:
    """The event page's text: YAML front matter (written by PyYAML), then the body."""
    front = _dump(_one_line(_within_limits(event.to_front_matter()))).strip()
    text = f"---\n{front}\n---\n\n{event.body.strip()}\n".strip()
    return text + "\n"


def add_source_to_text(text: str, source: Source) -> str | None:
    """The page text with one more item at the end of its `sources` list, every other byte
    unchanged (a byte order mark and CRLF line ends included); None when the list is not
    written in a form this can extend safely (then the source is to be added by hand)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom):]
    if not _HANDLER.detect(text):
        return None
    front, _ = _HANDLER.split(text)
    start = text.index(front)
    try:
        if scan_yaml(front)[1]:
            return None
        root = yaml.compose(front, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    node = next((value for key, value in root.value
                 if isinstance(key, yaml.ScalarNode) and key.value == "sources"), None)
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        return None
    first = node.value[0].start_mark
    line_start = front.rfind("\n", 0, first.index) + 1
    dash = front.rfind("-", line_start, first.index)
    if dash < 0:
        return None
    indent = " " * (dash - line_start)
    item = yaml.dump([_one_line(source.to_dict())], Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, default_flow_style=False, width=4096)
    end = node.end_mark.index
    end = front.rfind("\n", 0, end) + 1 if front[end - 1:end] != "\n" else end
    if front[end - 1:end] != "\n":
        return None
    newline = "\r\n" if front[end - 2:end] == "\r\n" else "\n"
    item = "".join(indent + line.rstrip("\n") + newline
                   for line in item.splitlines(keepends=True))
    return bom + text[:start + end] + item + text[start + end:]
