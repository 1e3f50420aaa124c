"""The app's one status line: what just happened, in words a person reads once.

Every message goes here: a saved edit, an edit that changed nothing, an export with its
download link, a failure, long work in progress, a change made elsewhere. Each replaces the
last, so the line never shows an old message next to a new one.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W

from ..case.audit import ACTIONS

SHORT = 60  # characters of a claim's text quoted in a message


def _what(record: Any) -> str:
    """A record of an audit row (its state before or after) in a few words."""
    if not isinstance(record, dict):
        return ""
    if record.get("name"):
        return str(record["name"])
    text = str(record.get("text") or record.get("title") or "")
    if text:
        return "“" + (text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…") + "”"
    return str(record.get("id") or "")


def describe(entry: Any) -> str:
    """An audit row (`HistoryEntry`) as a person would say it: "merge actors (SANA)"."""
    action = ACTIONS.get(entry.action, entry.action.replace("_", " "))
    if entry.action == "undo":
        undone = (entry.after or {}).get("entry", {})
        inner = ACTIONS.get(undone.get("action", ""), "an edit")
        return f"undo of “{inner}” on {undone.get('target') or 'the case'}"
    state = entry.before if isinstance(entry.before, dict) and entry.before else entry.after
    subject = ""
    if isinstance(state, dict):
        records = [v for v in state.values() if isinstance(v, dict)]
        subject = ", ".join(filter(None, (_what(r) for r in records[:2])))
    subject = subject or (entry.target or "")
    return f"{action} ({subject})" if subject else action


def plain_actions(message: str) -> str:
    """`message` with the store's action names in words: "(add_article)" -> "(add an article)"."""
    for action, words in ACTIONS.items():
        message = message.replace(f"({action})", f"({words})")
    return message


def undo_message(entry: Any) -> str:
    """What the status line says after `entry` was undone."""
    return f"Undid {describe(entry)}"


class StatusLine(W.HTML):
    """One line of HTML under the header; every message is escaped (it may quote articles).

    A widget itself (`value`, `observe`), with a method per kind of message."""

    def __init__(self) -> None:
        super().__init__()
        self.add_class("wb-status-line")

    @property
    def widget(self) -> W.HTML:
        return self

    def saved(self, message: str) -> None:
        """An edit was written to the case."""
        self.value = f'<span class="wb-saved">✔ Saved: {escape(message)}</span>'

    def told(self, message: str, *, link: str = "") -> None:
        """Something happened that changed nothing to fear or fix (nothing added, an
        export written); `link`: HTML of our own making (a download link) after it."""
        self.value = f'<span class="wb-told">ℹ {escape(message)}</span> {link}'.rstrip()

    def failed(self, message: str) -> None:
        self.value = f'<span class="wb-error" style="color:#b00">✘ {escape(message)}</span>'

    def busy(self, message: str) -> None:
        self.value = f'<span class="wb-busy">… {escape(message)}</span>'
