"""Edits made from the panels of the checking loop (Article, Actors, Events): how an edit
is run (a stale one reads the case again), the mention bar of the Article panel, and the
style that keeps a control's label beside it.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W

from .article_selection import short
from .panel import Panel, button


class MentionBar:
    """Shown after a click on a highlighted name: what it is marked as, and a way to say
    the mark is wrong (the mention is removed; re-extraction does not bring it back)."""

    def __init__(self, panel: Panel) -> None:
        self.panel = panel
        self.mention = None
        self.label = W.HTML()
        self.remove_button = button(
            "Remove this mention", style="danger", tooltip="these words do not name it"
        )
        self.remove_button.add_class("wb-remove-mention")
        self.close_button = button("✕")
        self.widget = W.HBox([self.label, self.remove_button, self.close_button])
        self.widget.add_class("wb-mention-bar")
        self.widget.layout.display = "none"
        self.remove_button.on_click(panel.guard(lambda _b: self.remove()))
        self.close_button.on_click(panel.guard(lambda _b: self.show(None)))

    def show(self, mention, actor=None) -> None:
        self.mention = mention
        if mention is None:
            self.widget.layout.display = "none"
            return
        who = f"{actor.name} ({actor.type.value})" if actor else mention.actor_id
        known = " · <i>recognised from your corrections</i>" if mention.known else ""
        self.label.value = f"«<bdi>{escape(short(mention.text, 50))}</bdi>» is marked as <b><bdi>{escape(who)}</bdi></b>{known}"
        self.widget.layout.display = ""

    def remove(self) -> None:
        mention = self.mention
        if mention is None:
            return

        def action() -> None:
            self.panel.case.remove_mention(mention.id, expected=mention.version)

        if self.panel.run(
            action,
            f"Removed the mention «{short(mention.text, 40)}» of {mention.actor_id}",
        ):
            self.show(None)
