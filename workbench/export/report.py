"""A verification memo: Markdown, and a self-contained offline HTML page.

The memo says, claim by claim, who said it, through which outlets, its status, the
independent sources behind it and the warnings (single source, state media only...), the
sources a person linked and the notes; then the outlets, the timeline and the network.

Everything in a case can come from an untrusted article, so every string is escaped for
its target: HTML entities in HTML, and in Markdown both entities (Markdown passes raw HTML
through) and backslashes for the characters that make links, images and emphasis. The HTML
page has no script at all and a Content-Security-Policy that forbids any, and loads
nothing: its style is inline and its pictures are inline SVG.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from ..analysis import (
    ATTRIBUTION,
    CaseReader,
    CaseSnapshot,
    CaseSummary,
    ClaimRow,
    NetworkData,
    SourceRow,
    TimelineRow,
    case_summary,
    claim_rows,
    network_data,
    source_rows,
    timeline_rows,
)
from ..case.derived import TEXT_CODEC
from ..case.migrations import now
from ..case.records import CaseArticle
from ..collector import collector_held
from .common import write_text
from .svg import MAX_EVENTS, MAX_NODES, network_svg, timeline_svg

# what the case holds in memory for its memo (`Case.memory`): each claim's HTML by its row
CLAIMS_HTML = "memo: claims' HTML"

FLAG_TEXT = {
    "single_source": "single source",
    "state_media_only": "state media only",
    "unnamed_source_only": "unnamed source only",
    "no_source": "no source",
    "contradicted": "contradicted",
}


@dataclass(frozen=True)
class Memo:
    title: str
    generated_at: str
    summary: CaseSummary
    articles: tuple[CaseArticle, ...]
    claims: tuple[ClaimRow, ...]
    sources: tuple[SourceRow, ...]
    timeline: tuple[TimelineRow, ...]
    network: NetworkData

    def node_label(self, node_id: str) -> str:
        node = self.network.node(node_id)
        return node.label if node is not None else node_id


def gather_memo(
    case: CaseReader, *, title: str | None = None, generated_at: str | None = None
) -> Memo:
    """The memo's parts, all from one state of the case: a case that has a read snapshot
    (`Case.snapshot`: one transaction on either back end) is read inside one, so a
    colleague's commit meanwhile (an article removed or extracted again) is in no part of
    it. Other threads of this process wait for the case until it is gathered."""
    snapshot = getattr(case, "snapshot", None)
    if isinstance(case, CaseSnapshot) or not callable(snapshot):
        return _gathered(case, title, generated_at)
    with snapshot():
        return _gathered(case, title, generated_at)


def _gathered(case: CaseReader, title: str | None, generated_at: str | None) -> Memo:
    # one read of the case shared by every section: each of them alone reads it whole
    # (claims, actors, links...), which cost five reads of a large case per memo. A case
    # that holds its memo's read (`Case.memo_reads`) carries it across this session's
    # edits with the network's tally: only what an edit wrote is read and tallied again
    held = getattr(case, "memo_reads", None)
    reads = held() if callable(held) and not isinstance(case, CaseSnapshot) else None
    if reads is not None:
        snap: CaseSnapshot = reads.snapshot
    else:
        snap = case if isinstance(case, CaseSnapshot) else CaseSnapshot(case)
    # a case's corroboration is kept between edits (`Case.corroboration`): most often
    # looked at already, a read of what is held, where working it out again was a
    # sixteenth of the memo's CPU at 5,000 articles. Asked for inside the snapshot, it is
    # the snapshot's state's (`Store.derived` stamps it there), as the rows beside it
    kept = getattr(case, "corroboration", None)
    return Memo(
        title=title or case.path.stem,
        generated_at=generated_at or now(),
        summary=case_summary(snap),
        articles=tuple(snap.articles()),
        claims=tuple(
            claim_rows(
                snap,
                corroboration=kept() if callable(kept) else None,
                kept=reads.claim_rows if reads is not None else None,
            )
        ),
        sources=tuple(source_rows(snap)),
        timeline=tuple(timeline_rows(snap, kept=reads.event_rows if reads is not None else None)),
        network=reads.network() if reads is not None else network_data(snap),
    )


# --- Markdown ---------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_SPACE = re.compile(r"\s+")


def md(value: object) -> str:
    """Untrusted text as inert Markdown on one line: no HTML, links, images or emphasis."""
    return _md(str(value if value is not None else ""))


# as `_escaped` for HTML: the Markdown memo of 50,000 claims escapes 750,000 strings, most
# of them the same names, titles, statuses and kinds, and two regex passes each were a
# third of its CPU
@lru_cache(maxsize=1 << 16)
def _md(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _flags(flags: tuple[str, ...]) -> str:
    return ", ".join(FLAG_TEXT.get(f, f.replace("_", " ")) for f in flags)


def _summary_lines(summary: CaseSummary) -> list[str]:
    lines = [
        f"- Articles: {summary.articles}; actors: {summary.actors} "
        f"({summary.actors_to_review} to review); events: {summary.events}",
        f"- Claims: {summary.claims}: {summary.claims_checked} checked, "
        f"{summary.claims_open} open, {summary.claims_disputed} disputed",
        f"- Source links: {summary.source_links}; notes: {summary.notes}",
        "",
        "| Status | Claims |",
        "|---|---|",
    ]
    lines += [f"| {md(s)} | {n} |" for s, n in summary.claims_by_status.items()]
    return lines


def _claim_lines(row: ClaimRow) -> list[str]:
    lines = [
        f"### {md(row.claim_id)}: {md(row.status)}",
        "",
        f"> {md(row.text)}",
        "",
        f"- Speaker: {md(row.speaker_label)}" + ("" if row.speaker else " (unnamed)"),
        f"- Channels: {md(', '.join(row.channel_names)) or 'none'}",
        f"- Article: {md(row.article_title)}"
        + (f" ({md(row.published)})" if row.published else ""),
        f"- Kind: {md(row.kind)}; review: {md(row.review)}",
        f"- Independent sources: {md(', '.join(row.independent_sources)) or 'none'}",
    ]
    if row.flags:
        lines.append(f"- **Flags: {md(_flags(row.flags))}**")
    for link in row.links:
        note = f" ({md(link.note)})" if link.note else ""
        lines.append(f"- {md(link.relation.replace('_', ' '))}: {md(link.label)}{note}")
    lines += [f"- Note: {md(n)}" for n in row.notes]
    return [*lines, ""]


def _state(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "unknown"}[value]


def render_markdown(memo: Memo) -> str:
    lines = [
        f"# Verification memo: {md(memo.title)}",
        "",
        f"Generated {memo.generated_at}.",
        "",
        "## Summary",
        "",
        *_summary_lines(memo.summary),
        "",
        "## Claims",
        "",
    ]
    for row in memo.claims:
        lines += _claim_lines(row)
    if not memo.claims:
        lines += ["No claims in this case.", ""]
    lines += ["## Sources", "", "| Outlet | Country | Kind | State-run | Claims carried |"]
    lines.append("|---|---|---|---|---|")
    for s in memo.sources:
        lines.append(
            f"| {md(s.name)} | {md(s.country or 'unknown')} | {md(s.kind or 'unknown')} "
            f"| {_state(s.state_run)} | {md(', '.join(s.claims))} |"
        )
    lines += ["", "## Timeline", "", "| From | To | Precision | Event | Actors | Claim |"]
    lines.append("|---|---|---|---|---|---|")
    for t in memo.timeline:
        claim = f"{md(t.claim_id)} ({md(t.claim_status)})" if t.claim_id else ""
        lines.append(
            f"| {t.start} | {t.end} | {md(t.precision)} | {md(t.label)} "
            f"| {md(', '.join(t.actor_names))} | {claim} |"
        )
    lines += ["", "## Network", ""]
    if not memo.network.edges:
        lines.append("No connections between actors yet.")
    for e in sorted(memo.network.edges, key=lambda e: (e.kind == ATTRIBUTION, -e.weight)):
        lines.append(
            f"- {md(memo.node_label(e.source))} \u2192 {md(memo.node_label(e.target))}: "
            f"{md(e.kind)} ({e.weight:g})"
        )
    lines += ["", "## Articles", ""]
    for a in memo.articles:
        details = ", ".join(md(d) for d in (a.outlet, a.published, a.url) if d)
        lines.append(f"- {md(a.title or a.id)}" + (f" ({details})" if details else ""))
    return "\n".join(lines) + "\n"


# --- HTML -------------------------------------------------------------------------------

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
.claim { border: 1px solid #ddd; border-left: 6px solid #7f7f7f; padding: 0.4em 1em;
  margin: 1em 0; }
.claim blockquote { margin: 0.4em 0; font-style: italic; white-space: pre-wrap; }
.claim dl { display: grid; grid-template-columns: 11em 1fr; margin: 0; }
.claim dt { color: #555; } .claim dd { margin: 0; }
.status { font-weight: bold; text-transform: uppercase; font-size: 0.85em; }
.flags { color: #b00; font-weight: bold; }
.s-corroborated { border-left-color: #2ca02c; } .s-disputed { border-left-color: #ff7f0e; }
.s-false { border-left-color: #d62728; } .s-in_progress { border-left-color: #1f77b4; }
.s-unverifiable { border-left-color: #9467bd; }
svg { max-width: 100%; height: auto; border: 1px solid #eee; }
/* a claim, name or title in Arabic runs right to left inside the English memo: each cell
   and quotation takes the direction of its own first letters */
td, dd, blockquote { unicode-bidi: plaintext; text-align: start; }
"""


def h(value: object) -> str:
    return _escaped(str(value if value is not None else ""))


# A memo of 50,000 claims escapes a million strings, most of them the same few names,
# titles, statuses and kinds again and again: each is escaped once
@lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> str:
    return escape(text, quote=True)


def _url(url: str) -> str:
    """A link only for http(s); anything else stays text."""
    if re.match(r"^https?://", url, re.IGNORECASE):
        return f'<a href="{h(url)}" rel="noopener noreferrer nofollow">{h(url)}</a>'
    return h(url)


def _claims_html(rows: tuple[ClaimRow, ...], kept: dict[int, KeptHtml] | None) -> str:
    """The claims' HTML, reusing what `kept` holds for the very same row (`claim_rows`
    hands back the row it made before for a claim whose records did not change: an edit
    changes the rows of a few claims, and the memo after it writes only theirs again; at
    5,000 articles writing 47,500 claims' HTML was a seventh of the memo's CPU, and
    hashing each row to look it up a third of what was left). `kept` is the case's own
    (`Case.memory`, emptied when the case closes), by each row's id with the row itself
    (which keeps the id its own), and is left holding this memo's rows only: bounded by
    the case's claims, nothing of an older state or of another case held."""
    if kept is None:
        return "".join(_claim_html(r) for r in rows)
    now_kept: dict[int, KeptHtml] = {}
    parts = []
    for row in rows:
        found = kept.get(id(row))
        if found is None or found[0] is not row:
            found = (row, _claim_html(row))
        now_kept[id(row)] = found
        parts.append(found[1])
    kept.clear()
    kept.update(now_kept)
    return "".join(parts)


# a claim's row and its HTML (`_claims_html`)
KeptHtml = tuple[ClaimRow, str]


def _claim_html(row: ClaimRow) -> str:
    items = [
        ("Speaker", h(row.speaker_label) + ("" if row.speaker else " <em>(unnamed)</em>")),
        ("Channels", h(", ".join(row.channel_names)) or "none"),
        # the date kept left to right: after an Arabic title, bidi would show 17-10-2016
        (
            "Article",
            h(row.article_title)
            + (f' (<span dir="ltr">{h(row.published)}</span>)' if row.published else ""),
        ),
        ("Kind / review", f"{h(row.kind)} / {h(row.review)}"),
        ("Independent sources", h(", ".join(row.independent_sources)) or "none"),
    ]
    if row.flags:
        items.append(("Flags", f'<span class="flags">{h(_flags(row.flags))}</span>'))
    for link in row.links:
        label = _url(link.label) if link.label == link.source else h(link.label)
        note = f" ({h(link.note)})" if link.note else ""
        items.append((h(link.relation.replace("_", " ")), label + note))
    items += [("Note", h(n)) for n in row.notes]
    details = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items)
    return (
        f'<div class="claim s-{h(row.status)}" id="{h(row.claim_id)}">'
        f'<div><span class="status">{h(row.status.replace("_", " "))}</span> '
        f'{h(row.claim_id)}</div><blockquote dir="auto">{h(row.text)}</blockquote>'
        f"<dl>{details}</dl></div>"
    )


def _shown(count: int, limit: int, what: str, where: str) -> str:
    if count <= limit:
        return ""
    return f"<p>The picture shows the first {limit} of {count} {what}; {where}.</p>"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h(x)}</th>" for x in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(memo: Memo, kept: dict[int, KeptHtml] | None = None) -> str:
    """The memo as one HTML page; `kept`: each claim's HTML by its row (`_claims_html`)."""
    s = memo.summary
    status_rows = [[h(k), str(v)] for k, v in s.claims_by_status.items()]
    sources = [
        [
            h(x.name),
            h(x.country or "unknown"),
            h(x.kind or "unknown"),
            _state(x.state_run),
            h(", ".join(x.claims)),
        ]  # fmt: skip
        for x in memo.sources
    ]
    timeline = [
        [
            str(t.start),
            str(t.end),
            h(t.precision),
            h(t.label),
            h(", ".join(t.actor_names)),
            f"{h(t.claim_id)} ({h(t.claim_status)})" if t.claim_id else "",
        ]  # fmt: skip
        for t in memo.timeline
    ]
    articles = [
        [h(a.title or a.id), h(a.outlet), h(a.published), _url(a.url) if a.url else ""]
        for a in memo.articles
    ]
    claims = _claims_html(memo.claims, kept) or "<p>No claims in this case.</p>"
    body = f"""
<h1>Verification memo: <span dir="auto">{h(memo.title)}</span></h1>
<p>Generated {h(memo.generated_at)}.</p>
<h2>Summary</h2>
<p>Articles: {s.articles}; actors: {s.actors} ({s.actors_to_review} to review);
events: {s.events}; source links: {s.source_links}; notes: {s.notes}.</p>
<p><strong>Claims: {s.claims}</strong>: {s.claims_checked} checked, {s.claims_open} open,
{s.claims_disputed} disputed.</p>
{_table(["Status", "Claims"], status_rows)}
<h2>Claims</h2>
{claims}
<h2>Sources</h2>
{_table(["Outlet", "Country", "Kind", "State-run", "Claims carried"], sources)}
<h2>Timeline</h2>
{_shown(len(memo.timeline), MAX_EVENTS, "events", "the table below lists them all")}
{timeline_svg(memo.timeline)}
{_table(["From", "To", "Precision", "Event", "Actors", "Claim"], timeline)}
<h2>Network</h2>
<p>Actors by type, articles as squares; dashed lines are attribution
(speaker, channels, article), solid lines interactions.</p>
{_shown(len(memo.network.nodes), MAX_NODES, "nodes", "the GraphML and GEXF exports hold them all")}
{network_svg(memo.network)}
<h2>Articles</h2>
{_table(["Title", "Outlet", "Published", "URL"], articles)}
"""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>Verification memo: {h(memo.title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def write_report(case: CaseReader, path: str | os.PathLike[str], *, format: str) -> Path:
    """`format` is "md" or "html".

    A case file keeps the written memo until the case changes (`CaseFile.derived`): a
    large case's memo takes seconds of CPU, minutes on a busy machine. It is kept with
    placeholders for the two parts that are not the case's (its title, the case's name
    here, and the time it was generated), a random word no article can have written."""
    keep = getattr(case, "derived", None)
    if keep is None:  # a snapshot or another reader: nothing to keep it in
        with collector_held():
            memo = gather_memo(case)
            text = render_markdown(memo) if format == "md" else render_html(memo)
        return write_text(path, text)

    def render() -> str:
        word = secrets.token_hex(16)
        with collector_held():
            memo = gather_memo(case, title=f"{word}t", generated_at=f"{word}g")
            if format == "md":
                return f"{word}\n" + render_markdown(memo)
            memory = getattr(case, "memory", None)
            kept = memory(CLAIMS_HTML) if callable(memory) else None
            return f"{word}\n" + render_html(memo, kept)

    word, _, text = keep(("memo", format), render, TEXT_CODEC).partition("\n")
    escape_title = md if format == "md" else h
    text = text.replace(f"{word}t", escape_title(case.path.stem))
    return write_text(path, text.replace(f"{word}g", h(now())))
