"""Turning scores into rows: the figures per task, ours next to the baseline."""

from __future__ import annotations

from .scoring import ArticleScores

# (task, metric) -> the product owner's target on held-out news, from issue 3
TARGETS = {
    "claims F1 (0.3 overlap)": 0.60,
    "speaker accuracy": 0.85,
    "named mentions F1 (tolerant)": 0.85,
    "typing person/other": 0.95,
    "alias pairs joined": 0.60,
    "calendar dates right": 0.80,
}


def figures(scores: ArticleScores, *, with_claims: bool = True) -> dict[str, dict]:
    """Named figures with their counts, for the table and the JSON file."""
    s = scores
    rows: dict[str, dict] = {}
    if with_claims:
        rows["claims F1 (0.3 overlap)"] = {"value": s.claims.found.f1, **s.claims.found.to_dict()}
        rows["claims precision"] = {"value": s.claims.found.precision}
        rows["claims recall"] = {"value": s.claims.found.recall}
        rows["claims F1 (0.8 overlap)"] = {"value": s.claims.strict.f1, **s.claims.strict.to_dict()}
        rows["speaker accuracy"] = s.claims.speaker.to_dict()
        rows["channel accuracy"] = s.claims.channels.to_dict()
        rows["claim kind accuracy"] = s.claims.kind.to_dict()
        rows["claims credited to the wrong side"] = s.claims.wrong_side.to_dict()
    rows["named mentions F1 (tolerant)"] = {
        "value": s.mentions.tolerant.f1,
        **s.mentions.tolerant.to_dict(),
    }
    rows["named mentions P (tolerant)"] = {"value": s.mentions.tolerant.precision}
    rows["named mentions R (tolerant)"] = {"value": s.mentions.tolerant.recall}
    rows["named mentions F1 (exact)"] = {"value": s.mentions.exact.f1, **s.mentions.exact.to_dict()}
    rows["typing person/other"] = s.mentions.person_typing.to_dict()
    rows["typing full type"] = s.mentions.full_typing.to_dict()
    rows["alias pairs joined"] = s.aliases.joined.to_dict()
    if s.aliases.joined_names != s.aliases.joined:
        # GUM: also over the pairs of forms our guideline calls names (docs/evaluation.md)
        rows["alias pairs joined, names only"] = s.aliases.joined_names.to_dict()
    rows["alias pairs wrongly joined"] = {"value": s.aliases.wrong_joins}
    rows["alias join precision"] = {"value": s.aliases.join_precision}
    rows["date expressions F1"] = {"value": s.dates.found.f1, **s.dates.found.to_dict()}
    rows["date expressions P"] = {"value": s.dates.found.precision}
    rows["date expressions R"] = {"value": s.dates.found.recall}
    rows["calendar dates right"] = s.dates.calendar.to_dict()
    rows["approximate ranges right"] = s.dates.approximate.to_dict()
    for row in rows.values():
        row["value"] = round(row["value"], 4) if isinstance(row["value"], float) else row["value"]
    return rows


def _cell(row: dict) -> str:
    value = row["value"]
    if isinstance(value, int) and "right" not in row:
        return f"{value}"
    text = f"{value:.3f}"
    if "right" in row:
        text += f" ({row['right']}/{row['total']})"
    return text


def table(title: str, ours: dict[str, dict], baseline: dict[str, dict]) -> str:
    lines = [title, f"{'task':32} {'ours':>18} {'raw spaCy':>18} {'target':>7}"]
    for name, row in ours.items():
        target = TARGETS.get(name)
        lines.append(
            f"{name:32} {_cell(row):>18} {_cell(baseline[name]):>18} "
            f"{f'{target:.2f}' if target is not None else '':>7}"
        )
    return "\n".join(lines)


def problems(scores: ArticleScores) -> list[str]:
    return [
        *scores.claims.problems,
        *scores.mentions.problems,
        *scores.aliases.problems,
        *scores.dates.problems,
    ]
