"""`workbench case ...`: one command per `Case` method. Errors are `WorkbenchError`s, which
`workbench.cli.main` prints as one line with exit 2."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..dates import parse_day
from ..errors import CaseError, ExtractionError, WorkbenchError
from ..files import shown
from ..model import ClaimStatus, SourceRelation
from .common import EXIT_BUG, EXIT_OK, EXIT_USAGE, Commands, out, warn
from .extract import MODEL_HELP, PUBLISHED_METAVAR
from .inputs import read_inputs

LISTS = ("articles", "actors", "claims", "events", "relations", "links", "notes", "history")

# the columns a person wants to scan in a terminal, per list
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "published", "outlet", "language", "title"),
    "actors": ("id", "name", "type", "status", "mention_count", "aliases"),
    "claims": ("id", "status", "review", "speaker", "speaker_text", "kind", "text"),
    "events": ("id", "date", "date_end", "precision", "date_text", "summary"),
    "relations": ("id", "source", "kind", "target", "article_id"),
    "links": ("id", "claim_id", "relation", "source", "note"),
    "notes": ("id", "target_id", "created_by", "text"),
    "history": ("id", "at", "who", "session", "action", "target", "undone"),
}
REPORT_FORMATS = ("md", "html")
SHOWN_TEXT = 2000  # characters of an article's text `case show` prints


def register(commands: Commands) -> None:
    """`workbench case new|add|remove|article|list|show|status|link|export|report|import`."""
    case = commands.add_parser(
        "case",
        help="work with a case file: articles, actors, claims, sources, verification",
        description=(
            "Work with a case: one SQLite file per investigation, or a case on a PostgreSQL "
            "server shared by a team (CASE is then a postgresql:// URL)."
        ),
    )
    sub = case.add_subparsers(dest="case_command", metavar="COMMAND", parser_class=type(case))
    sub.required = True

    new = sub.add_parser("new", help="create an empty case file")
    new.add_argument("case", metavar="CASE")
    new.set_defaults(func=run_new)

    add = sub.add_parser(
        "add", help="add articles (files, folders, corpora, URLs, -) to a case, extracting them"
    )
    add.add_argument("case", metavar="CASE")
    add.add_argument("inputs", nargs="+", metavar="INPUT")
    add.add_argument(
        "--published",
        metavar=PUBLISHED_METAVAR,
        type=parse_day,
        help="date for articles that have none",
    )
    add.add_argument("--outlet", help="outlet for the articles added")
    add.add_argument("--title", help="title (for a single article)")
    add.add_argument("--model", help=MODEL_HELP)
    add.set_defaults(func=run_add)

    remove = sub.add_parser(
        "remove",
        help="remove an article with its claims, events, links and notes (undo brings it back)",
    )
    remove.add_argument("case", metavar="CASE")
    remove.add_argument("article", metavar="ARTICLE_ID")
    remove.set_defaults(func=run_remove)

    article = sub.add_parser(
        "article",
        help="correct an article's publication date, outlet or title (relative dates follow)",
    )
    article.add_argument("case", metavar="CASE")
    article.add_argument("article", metavar="ARTICLE_ID")
    article.add_argument(
        "--published", metavar=PUBLISHED_METAVAR, type=parse_day, help="the publication date"
    )
    article.add_argument("--outlet", metavar="NAME", help='the outlet ("" clears it)')
    article.add_argument("--title", metavar="TEXT", help='the title ("" clears it)')
    article.set_defaults(func=run_article)

    listing = sub.add_parser("list", help="list articles, actors, claims, events, ...")
    listing.add_argument("case", metavar="CASE")
    listing.add_argument("what", nargs="?", choices=LISTS, default="claims")
    listing.add_argument("--status", choices=[s.value for s in ClaimStatus], help="claims only")
    listing.add_argument("--article", metavar="ID", help="only this article's claims or events")
    listing.add_argument(
        "--rejected", action="store_true", help="claims: also those a person rejected"
    )
    listing.add_argument(
        "--format", choices=("table", "json"), default="table", help="default: table"
    )
    listing.set_defaults(func=run_list)

    show = sub.add_parser("show", help="show one record (claim, actor, article, ...) in full")
    show.add_argument("case", metavar="CASE")
    show.add_argument("id", metavar="ID")
    show.set_defaults(func=run_show)

    status = sub.add_parser("status", help="set a claim's verification status")
    status.add_argument("case", metavar="CASE")
    status.add_argument("claim", metavar="CLAIM_ID")
    status.add_argument("status", choices=[s.value for s in ClaimStatus])
    status.add_argument("--note", help="why: kept with the claim")
    status.set_defaults(func=run_status)

    link = sub.add_parser("link", help="link a claim to a source (media actor id or URL)")
    link.add_argument("case", metavar="CASE")
    link.add_argument("claim", metavar="CLAIM_ID")
    link.add_argument("source", metavar="SOURCE", help="a media actor id (A12) or an http(s) URL")
    link.add_argument(
        "--relation",
        choices=[r.value for r in SourceRelation],
        default="reported_by",
        help="default: reported_by",
    )
    link.add_argument("--note", help="kept with the link")
    link.set_defaults(func=run_link)

    propose = sub.add_parser(
        "propose",
        help="passages of a claim's outlets' own articles (any language) that may carry it",
    )
    propose.add_argument("case", metavar="CASE")
    propose.add_argument("claim", metavar="CLAIM_ID")
    propose.add_argument("--limit", type=int, default=5, help="at most this many (default 5)")
    propose.set_defaults(func=run_propose)

    export = sub.add_parser("export", help="export the case (json, csv, graphml, gexf, ...)")
    export.add_argument("case", metavar="CASE")
    export.add_argument("output", metavar="OUTPUT")
    export.add_argument("--format", help="default: from OUTPUT's extension")
    export.set_defaults(func=run_export)

    report = sub.add_parser("report", help="write the verification memo (Markdown or HTML)")
    report.add_argument("case", metavar="CASE")
    report.add_argument("output", metavar="OUTPUT")
    report.add_argument("--format", choices=REPORT_FORMATS, help="default: from OUTPUT's extension")
    report.set_defaults(func=run_report)

    imported = sub.add_parser(
        "import", help="make a new case file from a JSON export (`workbench case export x.json`)"
    )
    imported.add_argument("source", metavar="EXPORT_JSON")
    imported.add_argument("case", metavar="NEW_CASE")
    imported.set_defaults(func=run_import)

    copied = sub.add_parser(
        "copy",
        help="copy a case whole (history and undo included) between files and PostgreSQL",
    )
    copied.add_argument("source", metavar="SRC", help="a case file or a postgresql:// URL")
    copied.add_argument("dest", metavar="DEST", help="where the copy goes: it must not exist")
    copied.set_defaults(func=run_copy)

    forget = sub.add_parser(
        "forget-kept", help="drop the results kept in a case, after editing it with other tools"
    )
    forget.add_argument("case", metavar="CASE")
    forget.set_defaults(func=run_forget_kept)

    from . import archive_case, checking  # claim, actor, event, ...; add-archive

    checking.register(sub)
    archive_case.register(sub)


def _open(path: str, *, must_exist: bool = True, model: str | None = None):
    from ..case.api import current_user
    from ..case.backend import is_server
    from ..case.copying import case_exists
    from ..workflow import Case

    if must_exist and not case_exists(path):
        what = "case" if is_server(path) else "case file"
        raise CaseError(
            f"{_where(path)}: no such {what} (create it with `workbench case new {_where(path)}`)"
        )
    # one session per user on the command line: `workbench case undo` reverts the user's
    # last command, as `undo` in a notebook reverts that notebook's
    return Case.open(path, model=model, session=f"cli:{current_user()}")


# --- commands ------------------------------------------------------------------------------------


def _where(location: str) -> str:
    """A case as messages show it: printable, a URL without its password."""
    from ..case.backend import shown as without_password

    return shown(without_password(location))


def run_new(args: argparse.Namespace) -> int:
    from ..case.copying import case_exists

    if case_exists(args.case):
        raise CaseError(f"{_where(args.case)} already exists")
    with _open(args.case, must_exist=False):
        pass
    out(f"created {_where(args.case)}")
    return EXIT_OK


def run_add(args: argparse.Namespace) -> int:
    from ..article_input import read_article

    with _open(args.case, must_exist=False, model=args.model) as case:
        # read first, so that each bad input is reported and the good ones still added
        articles, skipped = read_inputs(args.inputs, published=args.published)
        if args.outlet is not None or args.title is not None:
            articles = [read_article(a, outlet=args.outlet, title=args.title) for a in articles]
        failed: list[WorkbenchError] = []

        def skip(exc: WorkbenchError) -> None:
            # an article that cannot be extracted (too long, a bug in a rule) is reported
            # and the others are still added
            warn(f"skipped {exc}")
            failed.append(exc)

        # nothing read: no need to load the spaCy model
        added_all = (
            case.add_articles(articles, published=args.published, on_error=skip) if articles else []
        )
        for added in added_all:
            _warn_unsupported_language(added)
            claims = len(case.claims(article_id=added.id))
            events = len(case.events(article_id=added.id))
            actors = len({m.actor_id for m in case.mentions(article_id=added.id)})
            out(f"{added.id}: {actors} actors, {claims} claims, {events} events")
    if any(isinstance(exc, ExtractionError) for exc in failed):
        return EXIT_BUG  # as `extract`: a bug of ours on one article
    return EXIT_USAGE if skipped or failed else EXIT_OK


def _warn_unsupported_language(article) -> None:
    """An article added in a language without rules has no actors, claims or events: say
    why, as `extract` does (the case keeps the article; its text can still be read)."""
    from ..language import detect_language, is_supported, unsupported_message

    language = article.language or detect_language(article.text)
    if language is not None and not is_supported(language):  # None counts as English
        warn(unsupported_message(article.id, language))


def run_remove(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        removed = case.remove_article(args.article)
    counts = ", ".join(f"{n} {what}" for what, n in removed.items())
    out(f"removed {args.article}: {counts}")
    return EXIT_OK


def _cell(value: Any, width: int) -> str:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def format_table(rows: Iterable[dict[str, Any]], columns: Sequence[str], *, width: int = 60) -> str:
    rows = list(rows)
    cells = [[_cell(row.get(c), width) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    for row in cells:
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _records(case: Any, what: str, args: argparse.Namespace) -> list[Any]:
    if what == "claims":
        return case.claims(
            article_id=args.article, status=args.status, include_rejected=args.rejected
        )
    if what == "events":
        return case.events(article_id=args.article)
    return getattr(case, what)()


def run_list(args: argparse.Namespace) -> int:
    if args.status and args.what != "claims":
        raise CaseError("--status applies to claims only")
    with _open(args.case) as case:
        rows = []
        for record in _records(case, args.what, args):
            row = record.to_dict()
            if args.what == "links":
                row["source"] = record.source
            rows.append(row)
    if args.format == "json":
        out(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        out(format_table(rows, COLUMNS[args.what]))
    else:
        out(f"no {args.what}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    from ..case import CaseActor, CaseClaim

    with _open(args.case) as case:
        record = case.get(args.id)
        data: dict[str, Any] = record.to_dict()
        if isinstance(record, CaseClaim):
            data["links"] = [link.to_dict() for link in case.links(record.id)]
            sources = next(s for s in case.corroboration() if s.claim_id == record.id)
            data["independent_sources"] = list(sources.independent)
            data["flags"] = list(sources.flags)
        if isinstance(record, CaseActor):
            data["mentions"] = [m.to_dict() for m in case.mentions(actor_id=record.id)]
        data["notes"] = [n.to_dict() for n in case.notes(args.id)]
    if "text" in data and len(str(data["text"])) > SHOWN_TEXT:
        data["text"] = str(data["text"])[:SHOWN_TEXT] + "\u2026"
    out(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


def run_article(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        article = case.update_article(
            args.article, published=args.published, outlet=args.outlet, title=args.title
        )
    facts = f"published {article.published or 'unknown'}, outlet {article.outlet or 'unknown'}"
    out(f"{article.id}: {facts}, title {article.title or 'none'}")
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        claim = case.set_claim_status(args.claim, args.status, note=args.note)
    out(f"{claim.id}: {claim.status.value}")
    return EXIT_OK


def run_link(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        link = case.link_source(args.claim, args.source, relation=args.relation, note=args.note)
    out(f"{link.id}: {link.claim_id} {link.relation.value} {link.source}")
    return EXIT_OK


def run_propose(args: argparse.Namespace) -> int:
    """The cross-language proposals, best first, each with the command that accepts it."""
    import shlex

    with _open(args.case) as case:
        proposals = case.propose_sources(args.claim, limit=max(1, args.limit))
        names = {a.id: a.name for a in case.actors()}
    if not proposals:
        out(f"no proposal for {args.claim}: it names no outlet with an article of its own here")
        return EXIT_OK
    for n, found in enumerate(proposals, start=1):
        shared = [names.get(i, i) for i in (*found.shared_actors, *found.shared_places)]
        shared += [*found.shared_numbers, *found.shared_dates]
        out(
            f"{n}. {found.article_id} [{found.start}:{found.end}] score {found.score:g}"
            f" ({found.language or 'language unknown'}; shared: {', '.join(shared)})"
        )
        out(f"   {' '.join(found.text.split())}")
        accept = ["workbench", "case", "link", args.case, args.claim, found.source]
        accept += ["--relation", "corroborates", "--note", found.note()]
        out(f"   accept: {shlex.join(accept)}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        written = case.export(args.output, format=args.format)
    out(f"wrote {written}")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from ..export import ExportError, format_of

    try:
        fmt = format_of(args.output, format=args.format)
    except ExportError:  # an extension no export has: the message below says what a memo takes
        fmt = None
    if fmt not in REPORT_FORMATS:
        raise CaseError(
            f"a report is Markdown or HTML: name the file .md or .html, not {args.output}"
        )
    with _open(args.case) as case:
        written = case.export(args.output, format=fmt)
    out(f"wrote {written}")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from ..export import import_case

    if not Path(args.source).is_file():
        raise CaseError(f"{args.source}: no such file")
    with import_case(args.source, args.case) as case:
        counts = f"{len(case.articles())} articles, {len(case.claims())} claims"
    out(f"created {shown(args.case)} from {shown(args.source)}: {counts}")
    return EXIT_OK


def run_forget_kept(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        dropped = case.forget_kept()
    out(f"dropped {dropped} kept results from {_where(args.case)}: computed again when next asked")
    return EXIT_OK


def run_copy(args: argparse.Namespace) -> int:
    from ..case.copying import copy_case

    counts = copy_case(args.source, args.dest)
    summary = ", ".join(
        f"{counts.get(table, 0)} {table}" for table in ("articles", "actors", "claims", "audit")
    )
    out(
        f"copied {_where(args.source)} to {_where(args.dest)}: {summary} rows "
        "(every table read back and found the same)"
    )
    return EXIT_OK
