"""`workbench case claim|actor|event ...`, `case unlink`, `case link-edit`, `case undo`: the
checking loop from a terminal, one `Case` method per command.

Offsets are character offsets into the article text (`workbench case show ARTICLE_ID`
prints it). Every edit of an existing record takes `--expected VERSION`, the version the
person looked at (`case show` prints it): the edit is refused if the record changed since.
The CLI is one session per user (`cli:<user>`), so `workbench case undo` reverts the
user's last command-line action, not a notebook's.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import CaseError
from ..model import ActorType, ClaimKind, Precision, ReviewStatus, SourceRelation
from .common import EXIT_OK, out

ACTOR_TYPES = [t.value for t in ActorType]
STEP_HELP = 'an outlet of the chain, origin first: ACTOR_ID, or ACTOR_ID:citing ("X, citing Y")'


def _offset(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a character offset: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a character offset: {value!r}")
    return number


def _version(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a version number: {value!r}") from None


def _step(value: str) -> tuple[str, str]:
    actor, _, kind = value.partition(":")
    return actor, kind or "reported_by"


def _mention(value: str) -> tuple[str, int, int]:
    parts = value.rsplit(":", 2)
    if len(parts) != 3:
        raise argparse.ArgumentTypeError(f"a mention is ARTICLE_ID:START:END, not {value!r}")
    return parts[0], _offset(parts[1]), _offset(parts[2])


def _expected(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--expected",
        metavar="VERSION",
        type=_version,
        help="the record's version you looked at: refused if it changed since",
    )


def _case_and(parser: argparse.ArgumentParser, *names: str) -> None:
    parser.add_argument("case", metavar="CASE")
    for name in names:
        parser.add_argument(name.lower(), metavar=name)


def register(sub: Any) -> None:
    """The checking commands, under `workbench case`."""
    _register_claims(sub)
    _register_actors(sub)
    _register_events(sub)

    unlink = sub.add_parser("unlink", help="remove a source link (undo brings it back)")
    _case_and(unlink, "LINK_ID")
    _expected(unlink)
    unlink.set_defaults(func=run_unlink)

    link_edit = sub.add_parser("link-edit", help="change a source link's relation or note")
    _case_and(link_edit, "LINK_ID")
    link_edit.add_argument("--relation", choices=[r.value for r in SourceRelation])
    link_edit.add_argument("--note", help='the note ("" clears it)')
    _expected(link_edit)
    link_edit.set_defaults(func=run_link_edit)

    undo = sub.add_parser("undo", help="undo your last command-line change to the case")
    undo.add_argument("case", metavar="CASE")
    undo.set_defaults(func=run_undo)


def _family(sub: Any, name: str, help: str) -> Any:
    parser = sub.add_parser(name, help=help, description=help[:1].upper() + help[1:] + ".")
    family = parser.add_subparsers(
        dest=f"{name}_command", metavar="ACTION", parser_class=type(parser)
    )
    family.required = True
    return family


def _register_claims(sub: Any) -> None:
    claim = _family(sub, "claim", "add, fix, accept, reject, restore, split or merge claims")

    add = claim.add_parser("add", help="add a claim extraction missed, from its words' offsets")
    _case_and(add, "ARTICLE_ID")
    add.add_argument("start", metavar="START", type=_offset)
    add.add_argument("end", metavar="END", type=_offset)
    _speaker_options(add)
    add.add_argument("--channel", action="append", default=[], type=_step, help=STEP_HELP)
    add.add_argument("--kind", choices=[k.value for k in ClaimKind], default="direct")
    add.set_defaults(func=run_claim_add)

    edit = claim.add_parser("edit", help="change a claim's span, speaker, chain or kind")
    _case_and(edit, "CLAIM_ID")
    edit.add_argument("--start", type=_offset, help="new start offset (the text follows)")
    edit.add_argument("--end", type=_offset, help="new end offset (the text follows)")
    _speaker_options(edit)
    edit.add_argument("--unnamed", action="store_true", help="the speaker is an unnamed source")
    edit.add_argument(
        "--channel", action="append", type=_step, help=STEP_HELP + "; the whole chain, in order"
    )
    edit.add_argument("--no-channels", action="store_true", help="the claim came through none")
    edit.add_argument("--kind", choices=[k.value for k in ClaimKind])
    _expected(edit)
    edit.set_defaults(func=run_claim_edit)

    for name, what in (
        ("accept", "confirm a claim as right"),
        ("reject", "reject a claim: hidden from lists and exports, restorable"),
        ("restore", "bring a rejected claim back"),
    ):
        review = claim.add_parser(name, help=what)
        _case_and(review, "CLAIM_ID")
        _expected(review)
        review.set_defaults(func=run_claim_review, review=name)

    split = claim.add_parser("split", help="cut a claim in two at an article offset")
    _case_and(split, "CLAIM_ID")
    split.add_argument("at", metavar="AT", type=_offset)
    _expected(split)
    split.set_defaults(func=run_claim_split)

    merge = claim.add_parser("merge", help="make two claims of one article one")
    _case_and(merge, "KEEP_ID", "OTHER_ID")
    merge.set_defaults(func=run_claim_merge)


def _speaker_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--speaker", metavar="ACTOR_ID", help="the speaker, an actor of the case")
    parser.add_argument("--speaker-name", metavar="NAME", help="the speaker, a new actor")
    parser.add_argument(
        "--speaker-type", choices=ACTOR_TYPES, default="person", help="of --speaker-name"
    )
    parser.add_argument("--speaker-text", metavar="TEXT", help="an unnamed speaker's description")


def _register_actors(sub: Any) -> None:
    actor = _family(sub, "actor", "add, fix, confirm, reject, merge or split actors")

    add = actor.add_parser("add", help="add an actor extraction missed")
    add.add_argument("case", metavar="CASE")
    add.add_argument("name", metavar="NAME")
    add.add_argument("type", metavar="TYPE", choices=ACTOR_TYPES)
    add.add_argument(
        "--mention",
        action="append",
        default=[],
        type=_mention,
        help="a mention, as ARTICLE_ID:START:END (repeat for more)",
    )
    add.set_defaults(func=run_actor_add)

    edit = actor.add_parser("edit", help="rename, retype, confirm or reject an actor")
    _case_and(edit, "ACTOR_ID")
    edit.add_argument("--name")
    edit.add_argument("--type", choices=ACTOR_TYPES)
    edit.add_argument("--status", choices=[s.value for s in ReviewStatus])
    _expected(edit)
    edit.set_defaults(func=run_actor_edit)

    mention = actor.add_parser("mention", help="mark words of an article as the actor's mention")
    _case_and(mention, "ACTOR_ID", "ARTICLE_ID")
    mention.add_argument("start", metavar="START", type=_offset)
    mention.add_argument("end", metavar="END", type=_offset)
    mention.set_defaults(func=run_actor_mention)

    unmention = actor.add_parser("unmention", help="remove a wrong mention (kept out for good)")
    _case_and(unmention, "MENTION_ID")
    _expected(unmention)
    unmention.set_defaults(func=run_actor_unmention)

    merge = actor.add_parser("merge", help="make other actors part of one")
    _case_and(merge, "KEEP_ID")
    merge.add_argument("others", metavar="OTHER_ID", nargs="+")
    merge.set_defaults(func=run_actor_merge)

    split = actor.add_parser("split", help="make one of an actor's names an actor of its own")
    _case_and(split, "ACTOR_ID", "ALIAS")
    split.set_defaults(func=run_actor_split)


def _register_events(sub: Any) -> None:
    event = _family(sub, "event", "add, fix, attach or reject dated events")

    add = event.add_parser("add", help="add an event from the offsets of its date's words")
    _case_and(add, "ARTICLE_ID")
    add.add_argument("start", metavar="START", type=_offset)
    add.add_argument("end", metavar="END", type=_offset)
    add.add_argument("date", metavar="DATE", help="2016, 2016-10, 2016-10-17, 17 October 2016")
    _event_options(add)
    add.set_defaults(func=run_event_add)

    edit = event.add_parser("edit", help="fix an event's date, precision, range, summary, claim")
    _case_and(edit, "EVENT_ID")
    edit.add_argument("--date")
    _event_options(edit)
    _expected(edit)
    edit.set_defaults(func=run_event_edit)

    reject = event.add_parser("reject", help="not an event of the story")
    _case_and(reject, "EVENT_ID")
    _expected(reject)
    reject.set_defaults(func=run_event_reject)


def _event_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--precision", choices=[p.value for p in Precision])
    parser.add_argument("--date-end", help='the end of a range ("" ends it)')
    parser.add_argument("--summary")
    parser.add_argument("--claim", metavar="CLAIM_ID", help='the claim reporting it ("" detaches)')


# --- runners -------------------------------------------------------------------------------------


def _open(path: str) -> Any:
    from .case import _open as open_case

    return open_case(path)


def _speaker(args: argparse.Namespace) -> Any:
    if args.speaker and args.speaker_name:
        raise CaseError("give --speaker (an actor) or --speaker-name (a new one), not both")
    if args.speaker_name:
        return (args.speaker_name, args.speaker_type)
    return args.speaker


def _claim_line(claim: Any) -> str:
    speaker = claim.speaker or f"unnamed ({claim.speaker_text or '-'})"
    chain = ", ".join(
        f"{c}{' (citing)' if k == 'citing' else ''}"
        for c, k in zip(claim.channels, claim.channel_kinds, strict=False)
    )
    return (
        f"{claim.id} v{claim.version}: {claim.review.value}, {claim.kind.value}, speaker "
        f"{speaker}, channels {chain or 'none'}: {claim.text!r}"
    )


def run_claim_add(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        claim = case.add_claim(
            args.article_id,
            args.start,
            args.end,
            speaker=_speaker(args),
            speaker_text=args.speaker_text,
            channels=args.channel,
            kind=args.kind,
        )
        out(_claim_line(claim))
    return EXIT_OK


def run_claim_edit(args: argparse.Namespace) -> int:
    if args.unnamed and (args.speaker or args.speaker_name):
        raise CaseError("--unnamed takes no --speaker or --speaker-name")
    if args.no_channels and args.channel:
        raise CaseError("--no-channels takes no --channel")
    channels = [] if args.no_channels else args.channel
    with _open(args.case) as case:
        claim = case.update_claim(
            args.claim_id,
            start=args.start,
            end=args.end,
            speaker="" if args.unnamed else _speaker(args),
            speaker_text=args.speaker_text,
            channels=channels,
            kind=args.kind,
            expected=args.expected,
        )
        out(_claim_line(claim))
    return EXIT_OK


def run_claim_review(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        method = getattr(case, f"{args.review}_claim")
        out(_claim_line(method(args.claim_id, expected=args.expected)))
    return EXIT_OK


def run_claim_split(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        second = case.split_claim(args.claim_id, args.at, expected=args.expected)
        out(_claim_line(case.claim(args.claim_id)))
        out(_claim_line(second))
    return EXIT_OK


def run_claim_merge(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        out(_claim_line(case.merge_claims(args.keep_id, args.other_id)))
    return EXIT_OK


def _actor_line(actor: Any) -> str:
    return (
        f"{actor.id} v{actor.version}: {actor.name} ({actor.type.value}, {actor.status.value}), "
        f"{actor.mention_count} mentions"
    )


def run_actor_add(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        out(_actor_line(case.add_actor(args.name, args.type, mentions=args.mention)))
    return EXIT_OK


def run_actor_edit(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        actor = case.update_actor(
            args.actor_id,
            name=args.name,
            type=args.type,
            status=args.status,
            expected=args.expected,
        )
        out(_actor_line(actor))
    return EXIT_OK


def run_actor_mention(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        mention = case.add_mention(args.actor_id, args.article_id, args.start, args.end)
        out(f"{mention.id}: {mention.text!r} of {mention.actor_id} in {mention.article_id}")
    return EXIT_OK


def run_actor_unmention(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        case.remove_mention(args.mention_id, expected=args.expected)
    out(f"removed mention {args.mention_id}")
    return EXIT_OK


def run_actor_merge(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        out(_actor_line(case.merge_actors(args.keep_id, args.others)))
    return EXIT_OK


def run_actor_split(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        out(_actor_line(case.actor(case.split_alias(args.actor_id, args.alias))))
    return EXIT_OK


def _event_line(event: Any) -> str:
    end = f" to {event.date_end}" if event.date_end else ""
    return (
        f"{event.id} v{event.version}: {event.date}{end} ({event.precision.value}), "
        f"{event.review.value}, claim {event.claim or 'none'}: {event.date_text!r}"
    )


def run_event_add(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        event = case.add_event(
            args.article_id,
            args.start,
            args.end,
            args.date,
            precision=args.precision,
            date_end=args.date_end,
            summary=args.summary or "",
            claim=args.claim,
        )
        out(_event_line(event))
    return EXIT_OK


def run_event_edit(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        event = case.update_event(
            args.event_id,
            date=args.date,
            date_end=args.date_end,
            precision=args.precision,
            summary=args.summary,
            claim=args.claim,
            expected=args.expected,
        )
        out(_event_line(event))
    return EXIT_OK


def run_event_reject(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        out(_event_line(case.reject_event(args.event_id, expected=args.expected)))
    return EXIT_OK


def run_unlink(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        case.unlink_source(args.link_id, expected=args.expected)
    out(f"removed link {args.link_id}")
    return EXIT_OK


def run_link_edit(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        link = case.update_link(
            args.link_id, relation=args.relation, note=args.note, expected=args.expected
        )
    out(f"{link.id} v{link.version}: {link.claim_id} {link.relation.value} {link.source}")
    return EXIT_OK


def run_undo(args: argparse.Namespace) -> int:
    with _open(args.case) as case:
        entry = case.undo()
    out(f"undid {entry.action} {entry.target or ''}".rstrip() + f" (history entry {entry.id})")
    return EXIT_OK
