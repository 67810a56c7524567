"""Publishing: the GitHub Pages workflow, `mkdocs gh-deploy` to a local bare remote, and every
link of the repo's site under a GitHub Pages-like sub-path (`/repo/`).

- The workflow (.github/workflows/pages.yml), read with PyYAML: builds with the README's
  `./scripts/site.sh`, deploys with GitHub's Pages actions, and hands the Pages URL to
  mkdocs.yml (loaded with MkDocs' own config loader to show that the URL arrives).
- `mkdocs gh-deploy` pushes the site to the `gh-pages` branch of a bare repository in tmp
  (a local path: no network).
- One build of the repo's site with `site_url` under `/repo/`, served on 127.0.0.1 only under
  that sub-path, is crawled from `/repo/`: every page and asset, every URL in HTML attributes,
  CSS, feeds, exports, sitemap and search index. Then a real headless Chromium loads three
  pages and records every request.
"""

from __future__ import annotations

import csv
import html
import http.client
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

import pytest
import yaml
from conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PREFIX,
    ROOT,
    SEED,
    SEED_TITLE,
    build_repo_site,
    copy_repo_site_sources,
    serve_under_subpath,
)

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
EXPORTS = ("feed.xml", "feed.json", "events.ics", "timeline.json", "events.csv")


def event_page_path() -> str:
    """The site path (under the root) of the real seed's event page, from its Markdown file."""
    pages = sorted((ROOT / "content" / "events").glob("*/*.md"))
    assert pages, "the repo has no event page in content/events/"
    for page in pages:
        if SEED in page.read_text(encoding="utf-8"):
            return f"events/{page.parent.name}/{page.stem}/"
    raise AssertionError(f"no event page in content/events/ cites the seed {SEED}")


# --- The workflow -------------------------------------------------------------------------

def load_workflow() -> dict[str, Any]:
    """The workflow as PyYAML reads it (YAML 1.1 reads the key `on` as True: put back)."""
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{WORKFLOW} is not a YAML mapping"
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps_using(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    """The job's steps that use `action` (any version: `owner/name@ref`)."""
    return [step for step in job.get("steps", [])
            if str(step.get("uses", "")).split("@")[0] == action]


def the_step(job: dict[str, Any], action: str) -> dict[str, Any]:
    """The job's one step that uses `action`, and its ref is pinned (`@v6`, `@<sha>`)."""
    steps = steps_using(job, action)
    assert len(steps) == 1, f"expected one step using {action}, found {len(steps)}"
    assert re.fullmatch(r"[^@\s]+@\S+", steps[0]["uses"]), f"{action} has no version"
    return steps[0]


def build_job(workflow: dict[str, Any]) -> dict[str, Any]:
    """The job that runs configure-pages, the build and upload-pages-artifact."""
    jobs: list[dict[str, Any]] = [job for job in workflow["jobs"].values()
                                  if steps_using(job, "actions/upload-pages-artifact")]
    assert len(jobs) == 1, "expected one job uploading the Pages artifact"
    return jobs[0]


def site_url_variable(job: dict[str, Any]) -> str:
    """The name of the environment variable the build step gets the Pages URL in."""
    pages_id = the_step(job, "actions/configure-pages").get("id")
    assert pages_id, "the configure-pages step needs an `id` so its outputs can be read"
    build = build_step(job)
    wanted = re.compile(rf"^\$\{{\{{\s*steps\.{re.escape(pages_id)}\.outputs\.base_url\s*}}}}/?$")
    names = [name for name, value in (build.get("env") or {}).items()
             if wanted.match(str(value))]
    assert len(names) == 1, ("the build step must get the Pages URL in one environment "
                             f"variable: steps.{pages_id}.outputs.base_url")
    return str(names[0])


def build_step(job: dict[str, Any]) -> dict[str, Any]:
    """The step that runs the README's build script."""
    steps = [step for step in job["steps"]
             if re.search(r"(^|\s)\./scripts/site\.sh(\s|$)", str(step.get("run", "")))]
    assert len(steps) == 1, "expected one step running ./scripts/site.sh"
    step: dict[str, Any] = steps[0]
    return step


def test_workflow_builds_with_the_readme_script_and_deploys_with_the_pages_actions() -> None:
    workflow = load_workflow()
    on = workflow["on"]
    assert "workflow_dispatch" in on
    assert "main" in on["push"]["branches"]

    job = build_job(workflow)
    steps = job["steps"]
    checkout = the_step(job, "actions/checkout")
    python = the_step(job, "actions/setup-python")
    assert str(python["with"]["python-version"]) == "3.11"
    configure = the_step(job, "actions/configure-pages")
    build = build_step(job)
    upload = the_step(job, "actions/upload-pages-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    order = [steps.index(step) for step in (checkout, python, configure, build, upload)]
    assert order == sorted(order), "expected checkout, setup-python, configure-pages, build, upload"
    script = ROOT / "scripts" / "site.sh"
    assert script.is_file() and os.access(script, os.X_OK), f"{script} must be executable"

    deploys = [(name, job) for name, job in workflow["jobs"].items()
               if steps_using(job, "actions/deploy-pages")]
    assert len(deploys) == 1, "expected one job running actions/deploy-pages"
    name, deploy = deploys[0]
    the_step(deploy, "actions/deploy-pages")
    build_name = next(key for key, value in workflow["jobs"].items() if value is job)
    needs = deploy.get("needs", [])
    assert build_name in ([needs] if isinstance(needs, str) else needs), \
        f"job {name} must wait for the build job {build_name}"
    assert deploy["environment"]["name"] == "github-pages"

    for job_ in (job, deploy):  # granted at the top or on the job itself
        permissions = {**workflow.get("permissions", {}), **job_.get("permissions", {})}
        assert permissions.get("pages") == "write"
        assert permissions.get("id-token") == "write"


def test_the_pages_url_reaches_mkdocs_site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workflow passes configure-pages' `base_url` in an environment variable, and the
    repo's mkdocs.yml takes `site_url` from it (MkDocs' `!ENV`), loaded by MkDocs itself."""
    from mkdocs.config import load_config

    variable = site_url_variable(build_job(load_workflow()))
    monkeypatch.setenv(variable, "https://octocat.github.io/my-timeline")
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    assert config.site_url == "https://octocat.github.io/my-timeline/", (
        f"mkdocs.yml must read site_url from ${variable}; add the line "
        f"`site_url: !ENV [{variable}, null]`")


# --- mkdocs gh-deploy to a local bare remote ------------------------------------------------

def git_env() -> dict[str, str]:
    """An environment where git ignores the user's and the system's configuration."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}


def git(*args: str, cwd: Path) -> str:
    """`git ARGS` in `cwd`; its output, failing the test on a non-zero exit."""
    result = subprocess.run(["git", *args], cwd=cwd, env=git_env(), capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stdout}{result.stderr}"
    return result.stdout


@dataclass(frozen=True)
class Deployment:
    """What `mkdocs gh-deploy` left: its output, the local build, the bare remote."""

    output: str
    site: Path
    remote: Path


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Deployment:
    """The repo's site sources in a fresh git repository in tmp, deployed with
    `mkdocs gh-deploy` to a bare repository in tmp added as `origin`."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("gh-deploy")
    remote = root / "remote.git"
    git("init", "--quiet", "--bare", str(remote), cwd=root)
    project = copy_repo_site_sources(root / "project")
    git("init", "--quiet", "-b", "main", cwd=project)
    git("config", "user.name", "Test Publisher", cwd=project)
    git("config", "user.email", "publisher@example.invalid", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "--quiet", "-m", "Site sources", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--force", "--no-history",
         "--remote-name", "origin", "--remote-branch", "gh-pages", "--message",
         "Deployed by test_publish"],
        cwd=project, env=git_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return Deployment(result.stdout + result.stderr, project / "site", remote)


def test_gh_deploy_pushes_the_site_to_the_gh_pages_branch(deployment: Deployment) -> None:
    remote = deployment.remote
    branches = git("for-each-ref", "--format=%(refname)", "refs/heads", cwd=remote).split()
    assert branches == ["refs/heads/gh-pages"], branches
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines())
    expected = {"index.html", "timeline/index.html", f"{event_page_path()}index.html",
                ".nojekyll", "404.html", "sitemap.xml", "search/search_index.json"}
    built = {path.relative_to(deployment.site).as_posix()
             for path in deployment.site.rglob("*") if path.is_file()}
    expected |= {name for name in EXPORTS if name in built}
    assert expected <= files, f"missing on gh-pages: {sorted(expected - files)}"
    assert files == built | {".nojekyll"}, "gh-pages differs from the build: " + str(
        sorted(files.symmetric_difference(built | {".nojekyll"})))
    home = git("show", "gh-pages:index.html", cwd=remote)
    assert "Security guarantees for Ukraine" in home
    timeline_page = git("show", "gh-pages:timeline/index.html", cwd=remote)
    assert html.escape(SEED_TITLE, quote=False) in timeline_page
    message = git("log", "-1", "--format=%s", "gh-pages", cwd=remote)
    assert message.strip() == "Deployed by test_publish"


# --- The site under a sub-path: server and crawler -----------------------------------------

@dataclass(frozen=True)
class Served:
    """The repo's site built for `url` (ending in `/repo/`), in `site`, served there."""

    url: str
    site: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One build of the repo's site for the module: the port is reserved by binding the
    server first, the site is built with that `site_url`, then served."""
    root = tmp_path_factory.mktemp("publish")
    with serve_under_subpath(root / "site") as url:
        yield Served(url, build_repo_site(root, url))


#: Attributes holding a URL, on any element (`srcset` holds several).
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "data", "action", "formaction",
                            "cite", "background", "xlink:href", "manifest"})
#: `<meta>` whose `content` is a URL (Open Graph, Twitter cards; a refresh is read apart).
URL_METAS = frozenset({"og:url", "og:image", "og:image:url", "og:audio", "og:video",
                       "twitter:image", "msapplication-config"})
#: JSON keys whose value is a URL (JSON Feed, TimelineJS media).
JSON_URL_KEYS = frozenset({"url", "external_url", "home_page_url", "feed_url", "next_url",
                           "icon", "favicon", "image", "banner_image", "avatar", "thumbnail",
                           "link"})
ABSOLUTE_URL = re.compile(r"\b(?:https?|wss?|ftp)://[^\s\"'<>()\\`]+", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)|@import\s+(['\"])(.*?)\3", re.DOTALL)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
SOURCE_MAP = re.compile(r"[#@]\s*sourceMappingURL=([^\s*]+)")
#: Schemes that make no request (the data is inline) and are never a broken link.
INLINE_SCHEMES = frozenset({"data"})


class PageParser(HTMLParser):
    """URLs in attributes, ids (fragment targets), inline CSS and Material's `__config`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []  # (where, raw URL)
        self.ids: set[str] = set()
        self.base: str | None = None
        self.css: list[str] = []
        self.config: list[str] = []
        self.classes: set[str] = set()
        self.components: set[str] = set()
        self._in: str | None = None  # 'style' or 'config' while inside one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.refs.append((f"{tag}[srcset]", candidate.split()[0]))
            elif name in URL_ATTRIBUTES:
                self.refs.append((f"{tag}[{name}]", value))
            elif name == "style":
                self.css.append(value)
        self.classes.update(values.get("class", "").split())
        if "data-md-component" in values:
            self.components.add(values["data-md-component"])
        if tag == "base" and "href" in values and self.base is None:
            self.base = values["href"]
        if tag == "meta":
            kind = values.get("property") or values.get("name") or ""
            if kind in URL_METAS and values.get("content"):
                self.refs.append((f"meta[{kind}]", values["content"]))
            if values.get("http-equiv", "").lower() == "refresh":
                target = re.search(r"url\s*=\s*['\"]?([^'\"]+)", values.get("content", ""), re.I)
                if target:
                    self.refs.append(("meta[refresh]", target.group(1)))
        if tag == "style":
            self._in = "style"
        elif tag == "script" and values.get("id") == "__config":
            self._in = "config"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.css.append(data)
        elif self._in == "config":
            self.config.append(data)


@dataclass
class Document:
    """A fetched URL: its status, body, and (for HTML) its ids and markers."""

    url: str
    status: int
    body: bytes
    ids: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    components: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Link:
    """A URL found in a document: where, as written, and resolved (with its fragment)."""

    source: str
    where: str
    raw: str
    url: str


@dataclass
class Crawl:
    """Everything the crawl fetched and found."""

    root: str
    documents: dict[str, Document] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    #: (document URL, URL of another host) found in a document's text or attributes
    foreign: set[tuple[str, str]] = field(default_factory=set)
    #: links with a scheme other than http(s) and data
    odd: list[Link] = field(default_factory=list)

    @property
    def netloc(self) -> str:
        """host:port of the site."""
        return urlsplit(self.root).netloc

    def path_of(self, url: str) -> str:
        """The URL's path under the site root ('' for the root): used to name documents."""
        return urlsplit(url).path[len(PREFIX) + 1:]

    def html_pages(self) -> dict[str, Document]:
        """The fetched HTML pages (status 200), by URL."""
        return {url: doc for url, doc in self.documents.items()
                if doc.status == 200 and kind_of(url) == "html"}


def kind_of(url: str) -> str:
    """How to read the document at `url`, from its path ('html' for a directory URL)."""
    path = urlsplit(url).path
    name = path.rpartition("/")[2]
    suffix = name.rpartition(".")[2].lower() if "." in name else ""
    if not name or suffix in ("html", "htm"):
        return "html"
    return {"css": "css", "js": "js", "mjs": "js", "json": "json", "xml": "xml",
            "ics": "ics", "csv": "csv", "svg": "xml", "map": "map"}.get(suffix, "binary")


def fetch(url: str) -> tuple[int, bytes]:
    """GET `url` (no redirect followed): status and body."""
    parts = urlsplit(url)
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~") + (f"?{parts.query}" if parts.query
                                                            else "")
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def refs_in(document: Document, crawl: Crawl) -> list[tuple[str, str, str]]:
    """(where, raw URL, base to resolve it against) for every URL in the document."""
    kind = kind_of(document.url)
    text = document.text
    refs: list[tuple[str, str, str]] = []
    base = document.url
    if kind == "html":
        parser = PageParser()
        parser.feed(text)
        parser.close()
        document.ids = parser.ids
        document.classes = parser.classes
        document.components = parser.components
        if parser.base is not None:
            base = urljoin(document.url, parser.base)
        refs += [(where, raw, base) for where, raw in parser.refs]
        for css in parser.css:
            refs += [(f"inline css {where}", raw, base) for where, raw in css_refs(css)]
        for config in parser.config:  # Material's __config: the site root and search worker
            data = json.loads(config)
            refs.append(("__config base", f"{data['base'].rstrip('/')}/", base))
            refs.append(("__config search", data["search"], base))
    elif kind == "css":
        refs += [(where, raw, base) for where, raw in css_refs(text)]
    elif kind == "js":
        refs += [("sourceMappingURL", raw, base) for raw in SOURCE_MAP.findall(text)[-1:]]
    elif kind == "json":
        is_search_index = crawl.path_of(document.url) == "search/search_index.json"
        refs += json_refs(json.loads(text), base, crawl.root, is_search_index)
    elif kind == "xml":
        refs += [(where, raw, base) for where, raw in xml_refs(ET.fromstring(document.body))]
    elif kind == "ics":
        unfolded = re.sub(r"\r?\n[ \t]", "", text)
        for line in unfolded.splitlines():
            name, _, value = line.partition(":")
            name = name.split(";")[0].upper()
            if name in ("URL", "ATTACH", "TZURL", "SOURCE"):
                refs.append((f"ics {name}", value, base))
            else:
                refs += [(f"ics {name}", raw, base) for raw in ABSOLUTE_URL.findall(value)]
    elif kind == "csv":
        for row in csv.DictReader(io.StringIO(text)):
            for column, value in row.items():
                if (column == "url" and value) or ABSOLUTE_URL.fullmatch(value or ""):
                    refs.append((f"csv {column}", value, base))
    return refs


def css_refs(css: str) -> list[tuple[str, str]]:
    """`url(...)`, `@import` and source map references in CSS (comments left out)."""
    refs = [("sourceMappingURL", raw) for raw in SOURCE_MAP.findall(css)[-1:]]
    for match in CSS_URL.finditer(CSS_COMMENT.sub("", css)):
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        refs.append(("css url()" if match.group(2) is not None else "css @import", raw))
    return refs


def json_refs(value: Any, base: str, root: str, is_search_index: bool,
              key: str = "") -> list[tuple[str, str, str]]:
    """URLs in JSON: values of URL keys, absolute URL strings, links in HTML strings;
    Material's search index `location`s (relative to the site root, as its search uses)."""
    if isinstance(value, dict):
        return [ref for name, item in value.items()
                for ref in json_refs(item, base, root, is_search_index, name)]
    if isinstance(value, list):
        return [ref for item in value for ref in json_refs(item, base, root, is_search_index,
                                                           key)]
    if not isinstance(value, str):
        return []
    if is_search_index:
        return [("search index location", value, root)] if key == "location" else []
    if key in JSON_URL_KEYS or ABSOLUTE_URL.fullmatch(value):
        return [(f"json {key}", value, base)]
    if "<" in value and ">" in value:
        parser = PageParser()
        parser.feed(value)
        return [(f"json {key} html {where}", raw, base) for where, raw in parser.refs]
    return []


def xml_refs(tree: ET.Element) -> list[tuple[str, str]]:
    """URLs in XML (Atom, sitemap, SVG): href/src attributes, absolute URLs in attributes
    and text, links in HTML content."""
    refs: list[tuple[str, str]] = []
    for element in tree.iter():
        name = element.tag.rpartition("}")[2]
        for attribute, value in element.attrib.items():
            local = attribute.rpartition("}")[2]
            if local in ("href", "src") or ABSOLUTE_URL.fullmatch(value):
                refs.append((f"xml {name}[{local}]", value))
        text = (element.text or "").strip()
        if ABSOLUTE_URL.fullmatch(text):
            refs.append((f"xml {name}", text))
        elif element.get("type") == "html" and text:
            parser = PageParser()
            parser.feed(text)
            refs += [(f"xml {name} html {where}", raw) for where, raw in parser.refs]
    return refs


def crawl_site(root: str, seeds: list[str]) -> Crawl:
    """Fetch `root` and `seeds`, then every same-host URL found, breadth first."""
    crawl = Crawl(root)
    queue = [root, *seeds]
    queued = set(queue)
    while queue:
        url = queue.pop(0)
        status, body = fetch(url)
        document = Document(url, status, body)
        crawl.documents[url] = document
        if status != 200:
            continue
        found = refs_in(document, crawl)
        kind = kind_of(url)
        if kind not in ("map", "binary"):  # source maps: see the allowances below
            for token in ABSOLUTE_URL.findall(document.text):
                token = token.rstrip(".,;")
                if urlsplit(token).netloc != crawl.netloc:
                    crawl.foreign.add((url, token))
        for where, raw, base in found:
            resolved = urljoin(base, raw.strip())
            parts = urlsplit(resolved)
            link = Link(url, where, raw, resolved)
            if parts.scheme in INLINE_SCHEMES:
                continue
            if parts.scheme not in ("http", "https"):
                crawl.odd.append(link)
                continue
            if parts.netloc != crawl.netloc:
                crawl.foreign.add((url, resolved))
                continue
            crawl.links.append(link)
            target = urlunsplit(parts._replace(fragment=""))
            if target not in queued:
                queued.add(target)
                queue.append(target)
    return crawl


@dataclass(frozen=True)
class Allowance:
    """A reference to another host that is allowed, in which documents, and why."""

    url: str        # regular expression, matched against the whole URL
    documents: str  # regular expression, matched against the document's path under /repo/
    why: str


HTML_PAGES = r"(.*/)?|.*\.html"
MATERIAL_BUNDLE = r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js"
MATERIAL_SEARCH_WORKER = r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"
MATERIAL_CSS = r"assets/stylesheets/main\.[0-9a-f]+\.min\.css"
#: Every reference to another host the site may hold. None makes a request: the Chromium
#: test below checks that loading pages sends none. Anything else found fails the test.
ALLOWANCES = (
    Allowance(r"http://www\.w3\.org/(2000/svg|1999/xlink|1999/xhtml|2005/Atom)"
              r"|http://www\.sitemaps\.org/schemas/sitemap/0\.9", r".*",
              "XML namespace names (inline SVG and its data: URIs in CSS, the SVG elements "
              "Material's JS creates, Atom, sitemap): identifiers compared as strings, "
              "never fetched"),
    Allowance(r"https://jsonfeed\.org/version/1\.1", r"feed\.json",
              "JSON Feed's required `version`: an identifier of the format, never fetched"),
    Allowance(r"https://squidfunk\.github\.io/mkdocs-material/", HTML_PAGES,
              "Material's footer credit 'Made with Material for MkDocs': an <a> the reader "
              "may follow, never loaded by the page (`extra: generator: false` in mkdocs.yml "
              "would remove it)"),
    Allowance(r"https://unpkg\.com/resize-observer-polyfill", MATERIAL_BUNDLE,
              "Material loads this polyfill only in a browser without ResizeObserver (every "
              "browser Material supports has it)"),
    Allowance(r"https://unpkg\.com/mermaid@11/dist/mermaid\.min\.js", MATERIAL_BUNDLE,
              "Material loads Mermaid only on a page with a Mermaid diagram: checked below "
              "that no page has one"),
    Allowance(r"https://api\.github\.com/.*|https://\$\{e\}/api/v4/projects/.*", MATERIAL_BUNDLE,
              "Material asks GitHub's (or GitLab's) API for repository facts only when "
              "`repo_url` is set: checked below that no page shows a repository"),
    Allowance(r"https://clipboardjs\.com/", MATERIAL_BUNDLE,
              "licence comment of clipboard.js inside Material's bundle"),
    Allowance(r"http://lunrjs\.com|http://tartarus\.org/~martin/PorterStemmer/js\.txt",
              MATERIAL_SEARCH_WORKER, "licence comments of lunr inside Material's search worker"),
    Allowance(r"https://bit\.ly/2s3ChXG", MATERIAL_SEARCH_WORKER,
              "text of a console warning for an invalid search query, never fetched"),
    Allowance(r"https://fontawesome\.com(/license/free)?", MATERIAL_CSS,
              "licence comment of Font Awesome inside Material's CSS (its icons are inline "
              "SVG: no font is loaded)"),
)
#: Source maps (`*.map`, named by `sourceMappingURL`) are checked to exist but not scanned:
#: they hold the original sources of Material's JS and CSS, licence comments included, and
#: only the browser's developer tools fetch them.


@pytest.fixture(scope="module")
def crawl(served: Served) -> Crawl:
    """The site crawled from `/repo/`, plus what no page links to but a client reads:
    404.html (GitHub Pages serves it for a missing page), sitemap.xml, the search index
    (Material's search fetches it), and the feeds and exports the build wrote."""
    seeds = ["404.html", "sitemap.xml", "search/search_index.json"]
    seeds += [name for name in EXPORTS if (served.site / name).is_file()]
    return crawl_site(served.url, [urljoin(served.url, name) for name in seeds])


def describe(link: Link, crawl: Crawl) -> str:
    """A link, for a failure message."""
    return f"{crawl.path_of(link.source) or '/'}: {link.where} {link.raw!r} -> {link.url}"


def test_crawl_reaches_the_site(crawl: Crawl, served: Served) -> None:
    """The crawl reaches the home, timeline and event pages, the feeds and exports, and
    every HTML page the build wrote (none is an orphan)."""
    fetched = {crawl.path_of(url) for url in crawl.documents}
    assert {"", "timeline/", event_page_path()} <= fetched
    assert {name for name in EXPORTS if (served.site / name).is_file()} <= fetched
    written = set()
    for page in served.site.rglob("*.html"):
        path = page.relative_to(served.site).as_posix()
        written.add(path.removesuffix("index.html") if page.name == "index.html" else path)
    unreached = written - fetched
    assert not unreached, f"pages no link reaches: {sorted(unreached)}"
    assert len(crawl.html_pages()) == len(written)


def target_of(link: Link, crawl: Crawl) -> Document:
    """The fetched document a link points to (its URL without the fragment)."""
    return crawl.documents[urlunsplit(urlsplit(link.url)._replace(fragment=""))]


def test_every_link_answers_200(crawl: Crawl) -> None:
    """Every same-host URL found anywhere answers 200 itself (no error, no redirect), and no
    link uses a scheme other than http(s) and data: (no javascript:, no file:)."""
    broken = {f"{target_of(link, crawl).status} {describe(link, crawl)}"
              for link in crawl.links if target_of(link, crawl).status != 200}
    broken |= {f"scheme {describe(link, crawl)}" for link in crawl.odd}
    assert not broken, "broken links:\n" + "\n".join(sorted(broken))


def test_every_fragment_points_to_an_id_on_its_page(crawl: Crawl) -> None:
    checked = 0
    missing = []
    for link in crawl.links:
        parts = urlsplit(link.url)
        target = target_of(link, crawl)
        if not parts.fragment or kind_of(target.url) != "html":
            continue
        checked += 1
        fragment = unquote(parts.fragment)
        if fragment not in target.ids and fragment != "top":  # '#top': the top, by HTML spec
            missing.append(describe(link, crawl))
    assert missing == [], "fragments with no such id:\n" + "\n".join(sorted(set(missing)))
    assert checked > 0, "no link with a fragment was found: the check saw nothing"


def test_no_url_escapes_the_sub_path(crawl: Crawl) -> None:
    escaping = [describe(link, crawl) for link in crawl.links
                if not urlsplit(link.url).path.startswith(f"{PREFIX}/")]
    assert escaping == [], "links out of /repo/:\n" + "\n".join(sorted(set(escaping)))
    assert len(crawl.links) > 100


def test_no_reference_to_another_host(crawl: Crawl) -> None:
    """No page, asset, feed or export names another host, but for the listed allowances;
    and the conditions the allowances for Material's bundle rely on hold."""
    unexplained = []
    used: set[Allowance] = set()
    for document, url in sorted(crawl.foreign):
        path = crawl.path_of(document)
        allowance = next((allowance for allowance in ALLOWANCES
                          if re.fullmatch(allowance.url, url)
                          and re.fullmatch(allowance.documents, path)), None)
        if allowance is None:
            unexplained.append(f"{path or '/'}: {url}")
        else:
            used.add(allowance)
    assert unexplained == [], "references to other hosts:\n" + "\n".join(unexplained)
    pages = crawl.html_pages().values()
    assert not any("mermaid" in page.classes for page in pages), "a page has a Mermaid diagram"
    assert not any("source" in page.components for page in pages), "a page shows a repository"
    assert used, "the scan found not even Material's SVG namespace: it saw nothing"


# --- The same site in a real headless Chromium ---------------------------------------------

@pytest.mark.browser
def test_pages_in_chromium_request_only_the_site(served: Served) -> None:
    """Home, timeline and the seed's event page: every request goes to 127.0.0.1 under
    /repo/, none fails, no script error."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (install Debian's chromium package)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import Error, Request, Response, sync_playwright

    requests: list[str] = []
    failures: list[str] = []
    errors: list[str] = []

    def on_failed(request: Request) -> None:
        failures.append(f"{request.url} ({request.failure})")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            failures.append(f"{response.status} {response.url}")

    def on_error(error: Error) -> None:
        errors.append(str(error))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            context.on("request", lambda request: requests.append(request.url))
            context.on("requestfailed", on_failed)
            context.on("response", on_response)
            page = context.new_page()
            page.on("pageerror", on_error)
            for path in ("", "timeline/", event_page_path()):
                response = page.goto(urljoin(served.url, path))
                assert response is not None and response.status == 200, path
                page.wait_for_load_state("networkidle")
                assert page.locator(".md-content h1").count() == 1, f"no Material page at {path}"
            context.close()
        finally:
            browser.close()

    assert not any(url.endswith("/search/search_index.json") for url in requests), \
        "a page downloaded Material's search index (the header's search reads Pagefind's)"
    foreign = [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]
    assert foreign == [], f"requests to other hosts: {foreign}"
    outside = [url for url in requests if not urlsplit(url).path.startswith(f"{PREFIX}/")]
    assert outside == [], f"requests out of /repo/: {outside}"
    assert failures == [], f"failed requests: {failures}"
    assert errors == [], f"script errors: {errors}"
