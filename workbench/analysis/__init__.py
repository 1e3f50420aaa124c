"""Pure functions over a case: the data the views draw and the exports write.

Nothing here draws, prints or writes: each function reads the case through `CaseReader`
(`articles()`, `actors()`, `claims()`, `events()`, `relations()`, `links()`, `notes()`)
and returns frozen rows. Titles and labels are plain text; whoever turns them into HTML
escapes them. Items a person rejected (actors, claims, events) are left out everywhere.

What restates the claims (who told whom, which outlet relayed which) is derived from the
current claims on every call, never stored, so every edit shows at once.

Every function reads the whole case. To draw several things from one state of the case
(the views redraw every panel after an edit), give them one `CaseSnapshot`: each table is
then read once, on first use, and the indexes built from them are shared.

- `reader`: `CaseReader` (what is read), `CaseSnapshot`, `CaseView`
- `periods`: dates as the days they cover
- `network`, `timeline`, `claims`, `sources`, `summary`: the rows of each view
- `network_readable`, `network_layout`: what of a network is drawn (a cap, an ego view),
  where (a seeded, cached layout) and which labels (by importance, none overlapping)
- `timeline_dates`: when each claim is placed (its own date, else its article's), the rule
  of every date filter; `timeline_items`: the timeline's items, lanes and default period
- `corroboration`: the independent sources behind each claim
- `similarity`: the same claim in other articles; `similarity_update`: those pairs brought up
  to date after a few claims changed, rather than paired again
"""

from .claims import ClaimRow, LinkRow, StatusFilter, claim_rows, filter_claim_rows
from .corroboration import (
    CONTRADICTED,
    NO_SOURCE,
    SINGLE_SOURCE,
    STATE_MEDIA_ONLY,
    UNNAMED_SOURCE_ONLY,
    ClaimSources,
    Source,
    claim_sources,
    corroborate_claims,
)
from .frames import to_frame
from .network import (
    ARTICLE_NODE,
    ATTRIBUTION,
    UNNAMED_NODE,
    NetworkData,
    NetworkEdge,
    NetworkNode,
    attribution_chain,
    network_data,
)
from .periods import DateLike, DateRange, event_span
from .reader import CaseReader, CaseSnapshot, CaseView
from .similarity import SimilarClaims, claim_tokens, similar_claims, token_set_similarity
from .sources import SourceRow, source_rows
from .summary import CHECKED_STATUSES, OPEN_STATUSES, CaseSummary, case_summary
from .timeline import TimelineRow, timeline_rows
from .timeline_dates import ClaimDate, claim_dates, claim_in_range

__all__ = [
    "ARTICLE_NODE",
    "ATTRIBUTION",
    "CHECKED_STATUSES",
    "CONTRADICTED",
    "NO_SOURCE",
    "OPEN_STATUSES",
    "SINGLE_SOURCE",
    "STATE_MEDIA_ONLY",
    "UNNAMED_NODE",
    "UNNAMED_SOURCE_ONLY",
    "CaseReader",
    "CaseSnapshot",
    "CaseSummary",
    "CaseView",
    "ClaimDate",
    "ClaimRow",
    "ClaimSources",
    "DateLike",
    "DateRange",
    "LinkRow",
    "NetworkData",
    "NetworkEdge",
    "NetworkNode",
    "SimilarClaims",
    "Source",
    "SourceRow",
    "StatusFilter",
    "TimelineRow",
    "attribution_chain",
    "case_summary",
    "claim_dates",
    "claim_in_range",
    "claim_rows",
    "claim_sources",
    "claim_tokens",
    "corroborate_claims",
    "event_span",
    "filter_claim_rows",
    "network_data",
    "similar_claims",
    "source_rows",
    "timeline_rows",
    "to_frame",
    "token_set_similarity",
]
