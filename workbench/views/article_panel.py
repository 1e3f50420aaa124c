"""The article, highlighted: actors coloured by type, claims underlined, dates marked.

Clicking an actor or a claim selects it everywhere; clicking a name also offers to remove
that mention. Selecting words offers to add what the machine missed there (a claim, an
actor, a mention, an event) or to make them a claim's text (`article_actions`). The HTML
comes from the pure `highlight_html` (all article text escaped); a tiny anywidget shows
it and sends clicks and selections (as character offsets, `article_selection`) back.
"""

from __future__ import annotations

from html import escape

import anywidget
import ipywidgets as W
import traitlets

from ..case.words import STATUS_WORDS, words_for
from ..errors import NotFoundError
from ..language import detect_language, is_supported, language_name, unsupported_message
from ..model import ReviewStatus
from .app_read import actor_labels, article_heads, article_of
from .article_actions import SelectionActions
from .article_edits import MentionBar
from .article_picker import ArticlePicker
from .article_selection import SELECTION_JS, SelectionError, resolve_selection
from .highlight import CSS, Mark, highlight_html, legend_html
from .panel import Panel, button
from .selection import Context


class ArticleView(anywidget.AnyWidget):
    """Shows highlighted HTML; reports which mark was clicked and which words are selected
    (`selection`: {"start", "end", "text"} in article offsets, {} for none)."""

    # `html` is built by highlight_html, which escapes every character of article text.
    _esm = (
        SELECTION_JS
        + """
    function render({ model, el }) {
      const box = document.createElement("div");
      box.className = "wb-article-box";
      el.appendChild(box);
      // a redraw (the words marked as picked, say) would end the browser's selection: it is
      // put back on the same words, so Shift+arrows can go on extending it; the same words
      // selected again after a redraw are news, and a click after it clears them
      let drawn = 0;
      const draw = () => {
        const selection = window.getSelection();
        const kept = selectionOffsets(box, selection);
        box.innerHTML = model.get("html");
        drawn += 1;
        const article = box.querySelector(".wb-article");
        if (!kept || !article) { return; }
        const from = positionAt(article, kept.start), to = positionAt(article, kept.end);
        if (!from || !to) { return; }
        const range = document.createRange();
        range.setStart(from[0], from[1]);
        range.setEnd(to[0], to[1]);
        selection.removeAllRanges();
        selection.addRange(range);
      };
      draw();
      model.on("change:html", draw);
      let sent = "";
      const report = () => {
        const found = selectionOffsets(box, window.getSelection());
        const key = found ? found.start + ":" + found.end + ":" + drawn : "";
        if (key === sent) { return; }
        sent = key;
        model.set("selection", found ? { ...found, at: Date.now() } : {});
        model.save_changes();
      };
      // a drag that starts in the text may end anywhere on the page; a click elsewhere
      // (a form's Save button) is none of the article's business
      let pressed = false;
      box.addEventListener("mousedown", () => { pressed = true; });
      const released = () => {
        if (!pressed) { return; }
        pressed = false;
        setTimeout(report, 0);
      };
      document.addEventListener("mouseup", released);
      // Shift+arrows extend a selection from the keyboard: the keys go to the page (the
      // text is no form field), so listen there and take a selection inside the article
      const keyed = (event) => {
        if (!event.shiftKey || !event.key.startsWith("Arrow")) { return; }
        const selection = window.getSelection();
        if (selection && selection.anchorNode && box.contains(selection.anchorNode)) { report(); }
      };
      document.addEventListener("keyup", keyed);
      box.addEventListener("click", (event) => {
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed) { return; }  // words selected, no click
        const mark = event.target.closest("[data-actor], [data-claim]");
        if (!mark) { return; }
        const kind = mark.hasAttribute("data-actor") ? "actor" : "claim";
        const id = mark.getAttribute(kind === "actor" ? "data-actor" : "data-claim");
        const mention = mark.getAttribute("data-mention") || "";
        model.set("clicked", { kind: kind, id: id, mention: mention, at: Date.now() });
        model.save_changes();
      });
      return () => {
        document.removeEventListener("mouseup", released);
        document.removeEventListener("keyup", keyed);
      };
    }
    export default { render };
    """
    )
    _css = CSS
    html = traitlets.Unicode("").tag(sync=True)
    clicked = traitlets.Dict().tag(sync=True)
    selection = traitlets.Dict().tag(sync=True)


def article_marks(case, article_id: str) -> list[Mark]:
    """The marks of one article, from the case (or the app's snapshot): mentions, claims,
    dated events."""
    mentions = case.mentions(article_id=article_id)
    claims = case.claims(article_id=article_id)
    # only this article's actors: reading every actor takes a second on 5,000 articles
    actors = actor_labels(
        case, {m.actor_id for m in mentions} | {c.speaker for c in claims if c.speaker}
    )
    marks = []
    for mention in mentions:
        actor = actors.get(mention.actor_id)
        if actor is None or actor.status.value == "rejected":
            continue
        label = f"{actor.name} ({actor.type.value}, {actor.status.value})"
        if mention.known:
            label += " · known to the case from your corrections"
        marks.append(
            Mark(
                mention.start,
                mention.end,
                "actor",
                actor.id,
                label,
                actor.type.value,
                mention=mention.id,
                known=mention.known,
            )
        )
    for claim in claims:
        speaker = actors.get(claim.speaker) if claim.speaker else None
        who = speaker.name if speaker else (claim.speaker_text or "unnamed source")
        added = "added" in claim.edited
        label = f"claim by {who} [{words_for(STATUS_WORDS, claim.status.value)}]"
        label += " · added by you" if added else ""
        marks.append(Mark(claim.start, claim.end, "claim", claim.id, label, added=added))
    for event in case.events(article_id=article_id):
        if event.review is ReviewStatus.REJECTED:
            continue
        when = event.date if not event.date_end else f"{event.date} .. {event.date_end}"
        added = "added" in event.edited
        label = f"{when} ({event.precision.value})" + (" · added by you" if added else "")
        marks.append(Mark(event.start, event.end, "date", event.id, label, added=added))
    return marks


class ArticlePanel(Panel):
    title = "Article"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        # the latest articles and a search for any other: no drop-down of the whole case
        self.choice = ArticlePicker()
        self.info = W.HTML()
        # set or correct the publication date and outlet (relative dates follow the date)
        self.published = W.Text(
            description="Published", placeholder="YYYY-MM-DD", layout=W.Layout(width="16em")
        )
        self.outlet = W.Text(description="Outlet", layout=W.Layout(width="20em"))
        self.save_button = button(
            "Save", tooltip="Save the publication date and outlet of this article"
        )
        self.save_button.on_click(self.guard(self._save))
        self.facts = W.HBox([self.published, self.outlet, self.save_button])
        self.view = ArticleView()
        self.language_warning = W.HTML()
        self.language_warning.add_class("wb-language-warning")
        self.actions = SelectionActions(self)
        self.mention_bar = MentionBar(self)
        hint = W.HTML(
            "<small>Select words to add a claim, an actor, a mention or an event the "
            "machine missed; click a name to remove a wrong mark.</small>"
        )
        self.widget = W.VBox(
            [
                self.choice.widget,
                self.info,
                self.language_warning,
                self.facts,
                W.HTML(legend_html()),
                hint,
                self.actions.widget,
                self.mention_bar.widget,
                self.view,
            ],
            layout=W.Layout(padding="4px"),
        )
        self.widget.add_class("wb-article-panel")
        self.choice.observe(self.guard(self._chosen), names="value")
        self.view.observe(self.guard(self._clicked), names="clicked")
        self.view.observe(self.guard(self._selected), names="selection")
        ctx.selection.observe(
            self.guard(self._selection_changed), names=["article_id", "actor_id", "claim_id"]
        )

    def refresh(self) -> None:
        self._refreshing = True
        try:
            # titles, outlets and dates only: the text of the one article shown is read alone
            self.choice.set_articles(article_heads(self.snapshot), self.ctx.selection.article_id)
        finally:
            self._refreshing = False
        self.ctx.selection.article_id = self.choice.value
        self._draw()
        self.actions.refresh()  # an open form's actors as they are now

    def _draw(self) -> None:
        if self.defer():
            return
        article_id = self.choice.value
        if article_id is None:
            self.info.value = "<i>No article yet: add one in the Load tab.</i>"
            self.language_warning.value = ""
            self.view.html = ""
            self.published.value = self.outlet.value = ""
            self.forget_selection(redraw=False)
            return
        snap = self.snapshot
        article = article_of(snap, article_id)
        if article is None:  # removed since the list was read (another page, the CLI)
            self.info.value = "<i>This article is no longer in the case.</i>"
            self.view.html = ""
            return
        language = article.language or detect_language(article.text)
        facts = [
            f"language {language_name(language)}",
            f"published {article.published or 'unknown'}",
            f"outlet {article.outlet or 'unknown'}",
        ]
        if article.url:
            facts.append(f"url {article.url}")  # as text: a link could be javascript:
        known = sum(1 for m in snap.mentions(article_id=article_id) if m.known)
        if known:  # what the case's own knowledge found here (underlined in green)
            facts.append(f"{known} name{'s' if known > 1 else ''} known to the case")
        self.info.value = f"<small>{escape(' · '.join(facts))}</small>"
        self.language_warning.value = (
            ""
            if is_supported(language)
            else f'<div class="wb-warning" style="color:#8a5300">⚠ '
            f"{escape(unsupported_message(article.title or article.id, language or '?'))}; "
            "you can still mark what it says by selecting words</div>"
        )
        if self._shown_facts != (article_id, article.published, article.outlet):
            # the stored values, unless a person is typing over the same article's ones
            self._shown_facts = (article_id, article.published, article.outlet)
            self.published.value = article.published.isoformat() if article.published else ""
            self.outlet.value = article.outlet or ""
        selected = {i for i in (self.ctx.selection.actor_id, self.ctx.selection.claim_id) if i}
        marks = article_marks(snap, article_id)
        picked = self.actions.selection
        if picked is not None and self.actions.article_id == article_id:
            marks.append(Mark(picked.start, picked.end, "picked", "selection"))
        self.view.html = highlight_html(
            article.text,
            marks,
            title=article.title,
            selected=selected,
            language=language,
        )

    _shown_facts: tuple = ()

    def _save(self, _button=None) -> None:
        article_id = self.choice.value
        if article_id is None:
            self.ctx.failed("No article to correct: add one in the Load tab.")
            return
        published = self.published.value.strip() or None
        outlet = self.outlet.value

        def action() -> None:
            self.case.update_article(article_id, published=published, outlet=outlet)

        self.run(action, f"Saved the publication date and outlet of {article_id}")

    def _chosen(self, change) -> None:
        if self._refreshing:
            return
        self.forget_selection(redraw=False)
        self.ctx.selection.article_id = change["new"]
        self._draw()

    def _clicked(self, change) -> None:
        clicked = change["new"] or {}
        if clicked.get("kind") == "actor":
            self.ctx.selection.actor_id = clicked.get("id")
            self._show_mention(clicked.get("mention") or "")
        elif clicked.get("kind") == "claim":
            self.ctx.selection.claim_id = clicked.get("id")
            if self.actions.selection is not None:  # "Set as claim's words" follows
                self.actions.show(self.actions.selection, self.actions.article_id)

    def _show_mention(self, mention_id: str) -> None:
        article_id = self.choice.value
        mentions = self.snapshot.mentions(article_id=article_id) if article_id else []
        mention = next((m for m in mentions if m.id == mention_id), None)
        actor = None
        if mention is not None:
            actor = next((a for a in self.snapshot.actors() if a.id == mention.actor_id), None)
        self.mention_bar.show(mention, actor)

    def _selected(self, change) -> None:
        """The browser reports selected words: offer the actions, or hide them."""
        chosen = change["new"] or {}
        article_id = self.choice.value
        if not chosen or article_id is None:
            self.forget_selection()
            return
        article = article_of(self.snapshot, article_id)
        if article is None:
            return
        try:
            picked = resolve_selection(
                article.text, chosen.get("start"), chosen.get("end"), chosen.get("text") or ""
            )
        except SelectionError as exc:
            self.forget_selection()
            self.ctx.failed(str(exc))
            return
        self.mention_bar.show(None)
        self.actions.show(picked, article_id)
        self._draw()  # the words stay marked while a form has the focus

    def forget_selection(self, *, redraw: bool = True) -> None:
        """No words selected any more (after an edit, or another article)."""
        had = self.actions.selection is not None
        self.actions.show(None)
        self.mention_bar.show(None)
        if self.view.selection:
            self.view.selection = {}
        if had and redraw:
            self._draw()

    def _selection_changed(self, change) -> None:
        if change["name"] == "article_id":
            if change["new"] != self.choice.value and self.choice.knows(change["new"]):
                self.choice.value = change["new"]  # redraws through _chosen
            return
        home = self._article_of(change["name"], change["new"])
        if home and home != self.choice.value and self.choice.knows(home):
            self.choice.value = home  # show the selected item where it is; redraws
            return
        self._draw()

    def _article_of(self, kind: str, item_id: str | None) -> str | None:
        """The article to show for a selected claim or actor, if not the one shown."""
        if not item_id:
            return None
        try:
            if kind == "claim_id":
                return self.case.claim(item_id).article_id
            articles = self.case.actor(item_id).articles
        except NotFoundError:
            return None
        return None if self.choice.value in articles else next(iter(articles), None)
