"""A lesson a session file may carry: a title, short cards each tied to a micro-step or an
action, and which panels are visible — so a teacher can prepare a class as one file.

    "lesson": {
      "title": {"en": "Mazur step by step", "pt_BR": "Mazur passo a passo"},
      "panels": ["canvas", "timeline", "maths", "inspector"],      optional: absent = all
      "cards": [
        {"text": "…", "step": 3},                   step: the micro-step, counted from 1
        {"text": {"en": "…", "pt_BR": "…"}, "action": "gradient-check"}
      ]
    }

The title and a card's text are one text, or one per language (the player shows the user's,
else English, else the first). docs/session-format.md describes the field for people.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from engine.files.session_checks import SessionError, read_field, read_whole, show_value
from engine.files.session_free_form import check_text
from engine.messages import QT_TRANSLATE_NOOP

# The panels a lesson may show; the others are hidden while it plays.
PANELS = ("canvas", "timeline", "maths", "inspector", "training", "boundary", "loss")
# What a card may ask the learner to do (the player offers a button for it).
ACTIONS = ("train", "gradient-check", "chain-rule", "tour")
MAX_CARDS = 200
MAX_TEXT = 2000
MAX_STEP = 1_000_000


def _pick(texts: Mapping[str, str], language: str) -> str:
    for code in (language, language.split("_")[0], "en"):
        if code in texts:
            return texts[code]
    return next(iter(texts.values()))


@dataclass(frozen=True)
class Card:
    """One card: its text by language code, and the micro-step (from 1) or action it is tied to
    (either may be None)."""

    texts: Mapping[str, str]
    step: int | None = None
    action: str | None = None

    def text(self, language: str) -> str:
        """Return the text in ``language`` (pt_BR, en), else English, else the first."""
        return _pick(self.texts, language)


@dataclass(frozen=True)
class Lesson:
    """A title (by language code), the cards in order, and the panels visible while the
    lesson plays."""

    titles: Mapping[str, str]
    cards: tuple[Card, ...]
    panels: tuple[str, ...] = PANELS

    def title(self, language: str = "en") -> str:
        """Return the title in ``language``, else English, else the first."""
        return _pick(self.titles, language)


def _text(value: Any, name: str, limit: int = MAX_TEXT) -> dict[str, str]:
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict) or not value:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "{name} must be a text or an object of texts by language, got {value}"),
            name=name, value=show_value(value))
    out = {}
    for code, text in value.items():
        where = f"{name}.{code}"
        if not isinstance(text, str) or not text.strip() or len(text) > limit:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "{name} must be a text of 1 to {limit} characters, got {value}"),
                name=where, limit=limit, value=show_value(text))
        out[check_text(code, where)] = check_text(text, where)
    return out


def read_lesson(obj: Any) -> Lesson:
    """Return the checked lesson of a session's ``lesson`` object, or raise SessionError naming
    the field."""
    title = _text(read_field(obj, "title", "lesson", (str, dict)), "lesson.title", 200)
    raw_panels = read_field(obj, "panels", "lesson", list, optional=True)
    panels = PANELS if raw_panels is None else tuple(raw_panels)
    for k, panel in enumerate(panels):
        if panel not in PANELS:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "{name} must be one of {allowed}, got {value}"),
                name=f"lesson.panels[{k}]", allowed=", ".join(PANELS), value=show_value(panel))
    raw_cards = read_field(obj, "cards", "lesson", list)
    if not 1 <= len(raw_cards) <= MAX_CARDS:
        raise SessionError(QT_TRANSLATE_NOOP(
            "Engine", "lesson.cards must hold 1 to {limit} cards, got {count}"),
            limit=MAX_CARDS, count=len(raw_cards))
    cards = []
    for k, raw in enumerate(raw_cards):
        where = f"lesson.cards[{k}]"
        if not isinstance(raw, dict) or "text" not in raw:
            raise SessionError(QT_TRANSLATE_NOOP("Engine", "{name} is missing"),
                               name=f"{where}.text")
        texts = _text(raw["text"], f"{where}.text")
        step = read_field(raw, "step", where, int, optional=True)
        if step is not None:
            step = read_whole(step, f"{where}.step", MAX_STEP)
            if step < 1:
                raise SessionError(QT_TRANSLATE_NOOP(
                    "Engine", "{name} counts micro-steps from 1, got {value}"),
                    name=f"{where}.step", value=show_value(step))
        action = read_field(raw, "action", where, str, optional=True)
        if action is not None and action not in ACTIONS:
            raise SessionError(QT_TRANSLATE_NOOP(
                "Engine", "{name} must be one of {allowed}, got {value}"),
                name=f"{where}.action", allowed=", ".join(ACTIONS), value=show_value(action))
        cards.append(Card(MappingProxyType(texts), step, action))
    return Lesson(MappingProxyType(title), tuple(cards), panels)


def lesson_to_dict(lesson: Lesson) -> dict[str, Any]:
    """Return the JSON-ready form of ``lesson`` (what ``read_lesson`` reads back)."""
    def plain(texts: Mapping[str, str]) -> str | dict[str, str]:
        return texts["en"] if list(texts) == ["en"] else dict(texts)

    cards = []
    for card in lesson.cards:
        entry: dict[str, Any] = {"text": plain(card.texts)}
        if card.step is not None:
            entry["step"] = card.step
        if card.action is not None:
            entry["action"] = card.action
        cards.append(entry)
    out: dict[str, Any] = {"title": plain(lesson.titles)}
    if lesson.panels != PANELS:
        out["panels"] = list(lesson.panels)
    out["cards"] = cards
    return out
