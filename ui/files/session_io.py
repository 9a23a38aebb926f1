"""Move a whole session between the running window and an ``engine.files.session_format.Session``.

``capture`` reads the state, the training history and state (optimizer moments, shuffling
generator) and the stepper position; ``apply`` puts a loaded session back in that order: network
and data, settings, history and training state (after the settings, whose change would reset
it), example, then the stepper's micro-step (last, because every earlier change recomputes the
trace). The stepper and the training controller come in a ``Teammates`` record that the
composition root (ui/app.py) hands to the session controller; without them (a bare test window)
the rest still saves and loads.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from engine.files.session_format import Session, SessionError
from engine.lesson.health import HealthRecorder
from engine.lesson.landscape_choice import LandscapeChoice
from engine.lesson.presets import build_preset, data_article
from engine.lesson.settings import Settings
from engine.messages import QT_TRANSLATE_NOOP, Message, one_line, reason
from ui.state import AppState

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.shell.lesson_player import LessonPlayer
    from ui.stepper.playback import Stepper
    from ui.training.compare import CompareController
    from ui.training.landscape_view import LandscapeView
    from ui.training.neuron_maps import NeuronMaps
    from ui.training.scheduler import TrainingController


@dataclass(frozen=True)
class Teammates:
    """The parts a session touches besides the ``AppState``, handed in by the composition root.

    ``stepper`` plays the trace; ``training`` holds the history and optimizer state; ``canvas``,
    ``step_area`` and ``loss_plot`` are the widgets the exports draw. Any may be None in a window
    built without that part.
    """

    stepper: Stepper | None = None
    training: TrainingController | None = None
    canvas: QWidget | None = None
    step_area: QWidget | None = None
    loss_plot: QWidget | None = None
    lesson: LessonPlayer | None = None      # plays (and keeps) the session's lesson
    landscape: LandscapeView | None = None  # keeps which plane of the loss landscape it shows
    compare: CompareController | None = None    # the compared run (Compare…), saved with it
    maps: NeuronMaps | None = None      # the neuron maps, whose switch is saved with it


def capture(state: AppState, parts: Teammates) -> Session:
    """Return the window's session: network (a copy), data, settings, history, training state,
    stepper place."""
    training, stepper = parts.training, parts.stepper
    history = training.history.to_dict() if training is not None else None
    if history is not None:
        history["epoch"] = int(getattr(training, "epoch", 0))
        health = getattr(getattr(training, "trainer", None), "health", None)
        if health is not None and len(health):
            history["health"] = health.to_dict()      # optional: older files have none
    return Session(
        network=state.network.copy(), X=state.X.copy(), Y=state.Y.copy(), dataset=state.dataset,
        settings=asdict(state.settings), history=history, example=state.example,
        cursor=stepper.cursor if stepper is not None else 0, examples=state.example_count,
        preset=state.preset or "custom", seed=int(state.seed),
        training=training.training_state() if training is not None else None,
        lesson=parts.lesson.lesson if parts.lesson is not None else None,
        predictions=dict(state.predictions) if state.predictions else None,
        landscape=parts.landscape.choice if parts.landscape is not None else None,
        comparison=parts.compare.saved() if parts.compare is not None else None,
        neuron_maps=parts.maps.wanted if parts.maps is not None else None)


def check(session: Session, parts: Teammates) -> None:
    """Raise SessionError if the training history cannot be read by the window's history
    (its schema belongs to engine.lesson.history); checked on a scratch copy, so nothing changes."""
    training = parts.training
    history = dict(session.history or {})
    history.pop("epoch", None)
    health = history.pop("health", None)
    if training is None:
        return
    if health is not None:
        try:
            HealthRecorder().load_dict(health, session.network.L - 1)
        except (ValueError, TypeError) as exc:
            raise SessionError(QT_TRANSLATE_NOOP("Engine", "history: {reason}"),
                               reason=reason(exc)) from None
    if "epochs" not in history:
        return
    try:
        type(training.history)().load_dict(history)
    except (ValueError, TypeError, KeyError) as exc:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "history: {reason}"),
                           reason=reason(exc)) from None


@contextlib.contextmanager
def _slot_errors() -> Iterator[list[BaseException]]:
    """Collect the exceptions raised in Qt slots meanwhile: Qt hands those to sys.excepthook
    instead of to the caller, so without this an apply would go on half-done."""
    caught: list[BaseException] = []
    previous = sys.excepthook
    sys.excepthook = lambda _type, exc, _tb: caught.append(exc)
    try:
        yield caught
    finally:
        sys.excepthook = previous


def apply(state: AppState, session: Session, parts: Teammates) -> None:
    """Replace the window's session by ``session`` and mark it unmodified, all or nothing: if any
    part fails (here or in a slot), the window's session is put back exactly as it was (weights,
    data, settings, history, training state, example, step, modified flag) and SessionError
    says why."""
    check(session, parts)
    backup, modified = capture(state, parts), state.modified
    with _slot_errors() as caught:
        try:
            _apply(state, session, parts)
        except Exception as exc:  # noqa: BLE001 - any failure means: put the old session back
            caught.append(exc)
    if not caught:
        return
    with _slot_errors():
        _apply(state, backup, parts)
        state.set_modified(modified)
    raise SessionError(QT_TRANSLATE_NOOP(
        "Engine", "the window cannot show this session ({reason}); your session is kept"),
        reason=_short(caught[0])) from None


def _short(exc: BaseException) -> Message | str:
    found = reason(exc)
    return found if not isinstance(found, str) else one_line(
        f"{type(exc).__name__}: {found}", 160)


def _apply(state: AppState, session: Session, parts: Teammates) -> None:
    training = parts.training
    if training is not None and training.running:
        training.pause()
    # The preset first: the views that follow set_problem name the data by it.
    state.preset, state.seed = session.preset, session.seed
    state.set_problem(session.network, session.X, session.Y, session.dataset)
    # Fields a file may leave out (files from before the mistake switch, λ₁ or the
    # initialization) go back to their defaults, not to the window's last values.
    blank = Settings()
    state.update_settings(**{"mistake": None, "lam1": blank.lam1, "init": blank.init,
                             **session.settings})
    state.set_predictions(session.predictions)
    if training is not None:
        history = dict(session.history or {})
        epoch = history.pop("epoch", None)
        health = history.pop("health", None)
        if "epochs" in history:
            training.history.load_dict(history)          # checked above
        else:
            training.history.clear()
        recorder = getattr(getattr(training, "trainer", None), "health", None)
        if recorder is not None:
            recorder.clear()
            if health is not None:                       # checked above
                recorder.load_dict(health, session.network.L - 1, training.trainer)
        latest = training.history.latest
        training.epoch = int(epoch) if isinstance(epoch, int) else (
            latest.epoch if latest is not None else 0)
        if session.training is not None:      # older files have none: fresh moments
            training.restore_training_state(session.training)
        # Credit Mazur's article only for his own problem (as the data picker does), not for
        # whatever the window showed before the file was opened.
        training.article_weights = data_article(session.preset, session.dataset) is not None
        training.epoch_finished.emit(training.epoch)
    if parts.compare is not None:       # after the main run's history and state: it starts there
        parts.compare.load(session.comparison)
    state.set_example(min(session.example, state.X.shape[0] - 1))
    if session.examples is not None:     # older files: the data's default K
        state.set_example_count(session.examples)
    if parts.stepper is not None:
        parts.stepper.set_cursor(session.cursor)
    if parts.lesson is not None:
        parts.lesson.set_lesson(session.lesson)
    if parts.landscape is not None:      # older files have none: the panel's defaults
        parts.landscape.set_choice(session.landscape or LandscapeChoice())
    if parts.maps is not None:          # older files have none: the data's default
        parts.maps.set_wanted(session.neuron_maps)
    state.set_modified(False)


def preset_session(name: str = "mazur", seed: int = 0) -> Session:
    """Return a fresh session of preset ``name`` (what File → New starts from)."""
    setup = build_preset(name, seed=seed)
    settings = asdict(setup.settings())
    return Session(setup.network, setup.X, setup.Y, setup.dataset, settings, None, 0, 0,
                   setup.name, setup.seed)
