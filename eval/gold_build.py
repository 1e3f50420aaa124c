"""Build the gold JSON files from the hand-written annotation sheets in `eval/gold/src/`.

A sheet is the article's metadata, then one annotation per line (fields split by " | "):

    A <type> | <name> | <alias> ; <alias> ...          an actor and every surface form
    O <form> ; <form> ...                               optional forms: neither hit nor miss
    C <kind> | <speaker name or -> | <speaker text> | <channel> ; ... | <claim text>
    E <date> | <precision> | <date text> | <date end or ->

The claim text may be written `FIRST WORDS ... LAST WORDS`; a text or date text may end
with ` #N` to pick its N-th occurrence in the article. This script finds every span in
the article text and writes the character offsets, so the annotator never counts
characters; it fails loudly when a span is not found.

    python -m eval.gold_build            # rebuild every eval/gold/*.json
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SOURCE_DIR = GOLD_DIR / "src"
# annotated like the dev set, after the issue 10 rules were written, and never tuned on
HELD_APART_DIR = Path(__file__).resolve().parent / "gold_held_apart"
# actors only (mentions, types, synonyms), dev material for issue 10's actor rules
ACTORS_DIR = Path(__file__).resolve().parent / "gold_actors"
CORPORA_DIR = Path(__file__).resolve().parent / "corpora"  # the texts the sheets annotate
ELLIPSIS = " ... "


class SheetError(ValueError):
    pass


def _occurrence(spec: str) -> tuple[str, int]:
    match = re.fullmatch(r"(.*?) #(\d+)", spec)
    if match:
        return match.group(1), int(match.group(2))
    return spec, 1


def _find(text: str, needle: str, nth: int = 1, *, after: int = 0) -> int:
    pos = after - 1
    for _ in range(nth):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise SheetError(f"not found (occurrence {nth}): {needle!r}")
    return pos


def locate(text: str, spec: str) -> tuple[int, int]:
    """(start, end) of an annotated span: `words`, `words #N` or `first ... last`."""
    spec, nth = _occurrence(spec)
    if ELLIPSIS in spec:
        first, last = spec.split(ELLIPSIS, 1)
        start = _find(text, first, nth)
        end = _find(text, last, after=start + len(first)) + len(last)
        return start, end
    start = _find(text, spec, nth)
    return start, start + len(spec)


def _whole_words(text: str, form: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    return [m.span() for m in pattern.finditer(text)]


def find_mentions(text: str, actors: list[dict], optional_forms: list[str]) -> list[dict]:
    """Fill each actor's mentions: every whole-word occurrence of its forms, longest first.

    A form written `Cairo #2` claims only the second occurrence (the capital standing
    for the government, say, while the other occurrences are the city). Returns the
    optional spans: occurrences of `optional_forms` that no actor form has taken.
    """
    specs = []  # (form, pinned occurrence or 0, actor index or -1 for optional)
    for index, actor in enumerate(actors):
        for spec in actor["aliases"]:
            form, nth = _occurrence(spec)
            specs.append((form, nth if spec != form else 0, index))
    specs += [(form, 0, -1) for form in optional_forms]
    # pinned occurrences first, then the longest forms, so "Ali Mamlouk" wins over "Mamlouk"
    specs.sort(key=lambda item: (item[1] == 0, -len(item[0])))
    taken: list[tuple[int, int]] = []
    found: dict[int, list[dict]] = {i: [] for i in range(-1, len(actors))}
    for form, nth, index in specs:
        spans = _whole_words(text, form)
        if nth:
            spans = spans[nth - 1 : nth]
        for start, end in spans:
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found[index].append({"start": start, "end": end, "text": form})
    for index, actor in enumerate(actors):
        actor["aliases"] = sorted({_occurrence(spec)[0] for spec in actor["aliases"]})
        actor["mentions"] = sorted(found[index], key=lambda m: m["start"])
        unused = [f for f in actor["aliases"] if not any(m["text"] == f for m in found[index])]
        if unused:
            raise SheetError(f"actor {actor['name']!r}: forms not found in text: {unused}")
    return sorted(found[-1], key=lambda m: m["start"])


def _whole_words(text: str, form: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    return [m.span() for m in pattern.finditer(text)]


def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split(";") if part.strip()]


def parse_sheet(
    path: Path, text: str, *, find: Callable[[str, list[dict], list[str]], list[dict]] | None = None
) -> dict:
    """The gold of one annotation sheet: its header lines, actors, claims and events.
    `find` finds the optional mentions (the Arabic builder finds them past clitics)."""
    find = find or find_mentions
    header: dict[str, str] = {}
    actors: list[dict] = []
    optional: list[str] = []
    claims: list[dict] = []
    events: list[dict] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line or line.startswith("//"):
            continue
        tag, _, rest = line.partition(" ")
        fields = [f.strip() for f in rest.split(" | ")]
        try:
            if tag.endswith(":"):
                header[tag[:-1]] = rest.strip()
            elif tag == "A":
                kind, name, aliases = fields
                actors.append({"name": name, "type": kind, "aliases": _split(aliases)})
            elif tag == "O":
                optional += _split(rest)
            elif tag == "C":
                kind, speaker, speaker_text, channels, content = fields
                start, end = locate(text, content)
                claims.append(
                    {
                        "text": text[start:end],
                        "start": start,
                        "end": end,
                        "kind": kind,
                        "speaker": None if speaker == "-" else speaker,
                        "speaker_text": None if speaker_text == "-" else speaker_text,
                        "channels": _split(channels) if channels != "-" else [],
                    }
                )
            elif tag == "E":
                value, precision, date_text, date_end = fields
                start, end = locate(text, date_text)
                events.append(
                    {
                        "date_text": text[start:end],
                        "start": start,
                        "end": end,
                        "date": value,
                        "precision": precision,
                        "date_end": None if date_end == "-" else date_end,
                    }
                )
            else:
                raise SheetError(f"unknown line tag {tag!r}")
        except (ValueError, SheetError) as exc:
            raise SheetError(f"{path.name}:{number}: {exc}: {line}") from exc
    optional_mentions = find(text, actors, optional)
    names = {a["name"] for a in actors}
    for claim in claims:
        for name in [claim["speaker"], *claim["channels"]]:
            if name is not None and name not in names:
                raise SheetError(f"{path.name}: claim names unknown actor {name!r}")
    return {
        **header,
        "actors": actors,
        "optional_mentions": optional_mentions,
        "claims": claims,
        "events": events,
    }


def load_article_text(header: dict[str, str], corpora: Path) -> str:
    """The article text the sheet annotates: the seed file or a Wikinews CSV row by url."""
    source = header["text_from"]
    if source.startswith("seed/"):
        # as ingest sees it: the body after the title line, non-breaking spaces as spaces
        raw = (corpora / source).read_text(encoding="utf-8").replace("\u00a0", " ")
        return raw.split("\n\n", 1)[1] if header.get("body_only") == "yes" else raw
    import csv

    csv.field_size_limit(10**8)
    with open(corpora / source, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["url"] == header["url"]:
                return row["text"].replace("\u00a0", " ")
    raise SheetError(f"article {header['url']} not found in {source}")


def read_header(path: Path) -> dict[str, str]:
    header = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        tag, _, rest = line.partition(" ")
        if tag.endswith(":"):
            header[tag[:-1]] = rest.strip()
    return header


def build(path: Path, corpora: Path) -> dict:
    header = read_header(path)
    text = load_article_text(header, corpora)
    gold = parse_sheet(path, text)
    gold["text"] = text
    return gold


def main(argv: list[str] | None = None) -> int:
    corpora = CORPORA_DIR
    failed = 0
    for folder in (GOLD_DIR, HELD_APART_DIR, ACTORS_DIR):
        failed += _build_folder(folder, corpora)
    return 1 if failed else 0


def _build_folder(folder: Path, corpora: Path) -> int:
    failed = 0
    for sheet in sorted((folder / "src").glob("*.ann")):
        try:
            gold = build(sheet, corpora)
        except SheetError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        out = folder / f"{sheet.stem}.json"
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(
            f"{out.name}: {len(gold['actors'])} actors, {len(gold['claims'])} claims, "
            f"{len(gold['events'])} dates"
        )
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
