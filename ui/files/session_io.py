"""Move a whole session between the running window and an ``engine.files.session_format.Session``.

``capture`` reads the state, the training history and state (optimizer moments, shuffling
generator) and the stepper position; ``apply`` puts a loaded session back in that order: network
and data, settings, history and training state (after the settings, whose change would reset
it), example, then the stepper's micro-step (last, because every earlier change recomputes the
trace). The stepper and the training controller are the teammates' ``window.stepper`` and
``window.training``; a window built without them (a bare test window) still saves and loads the
rest.
"""

from __future__ import annotations

from dataclasses import asdict

from engine.files.session_format import Session, SessionError
from engine.lesson.presets import build_preset
from engine.messages import QT_TRANSLATE_NOOP, reason
from ui.state import AppState, Settings


def capture(window, state: AppState) -> Session:
    """Return the window's session: network (a copy), data, settings, history, training state,
    stepper place."""
    training = getattr(window, "training", None)
    stepper = getattr(window, "stepper", None)
    history = training.history.to_dict() if training is not None else None
    if history is not None:
        history["epoch"] = int(getattr(training, "epoch", 0))
    return Session(
        network=state.network.copy(), X=state.X.copy(), Y=state.Y.copy(), dataset=state.dataset,
        settings=asdict(state.settings), history=history, example=state.example,
        cursor=stepper.cursor if stepper is not None else 0, examples=state.example_count,
        preset=state.preset or "custom", seed=int(state.seed),
        training=training.training_state() if training is not None else None)


def check(window, session: Session) -> None:
    """Raise SessionError if the training history cannot be read by the window's history
    (its schema belongs to engine.lesson.history); checked on a scratch copy, so nothing changes."""
    training = getattr(window, "training", None)
    history = dict(session.history or {})
    history.pop("epoch", None)
    if training is None or "epochs" not in history:
        return
    try:
        type(training.history)().load_dict(history)
    except (ValueError, TypeError, KeyError) as exc:
        raise SessionError(QT_TRANSLATE_NOOP("Engine", "history: {reason}"),
                           reason=reason(exc)) from None


def apply(window, state: AppState, session: Session) -> None:
    """Replace the window's session by ``session`` and mark it unmodified; raise SessionError
    (changing nothing) if a part only the window can check is bad."""
    check(window, session)
    training = getattr(window, "training", None)
    if training is not None and training.running:
        training.pause()
    state.set_problem(session.network, session.X, session.Y, session.dataset)
    state.update_settings(**session.settings)
    state.preset, state.seed = session.preset, session.seed
    if training is not None:
        history = dict(session.history or {})
        epoch = history.pop("epoch", None)
        if "epochs" in history:
            training.history.load_dict(history)          # checked above
        else:
            training.history.clear()
        latest = training.history.latest
        training.epoch = int(epoch) if isinstance(epoch, int) else (
            latest.epoch if latest is not None else 0)
        if session.training is not None:      # older files have none: fresh moments
            training.restore_training_state(session.training)
        # Credit Mazur's article only for his own problem (as the data picker does), not for
        # whatever the window showed before the file was opened.
        training.article_weights = session.preset == "mazur" and session.dataset is None
        training.epoch_finished.emit(training.epoch)
    state.set_example(min(session.example, state.X.shape[0] - 1))
    if session.examples is not None:     # older files: the data's default K
        state.set_example_count(session.examples)
    stepper = getattr(window, "stepper", None)
    if stepper is not None:
        stepper.set_cursor(session.cursor)
    state.set_modified(False)


def preset_session(name: str = "mazur", seed: int = 0) -> Session:
    """Return a fresh session of preset ``name`` (what File → New starts from)."""
    setup = build_preset(name, seed=seed)
    settings = asdict(Settings(lr=setup.lr, lam=setup.lam, freeze_bias=setup.freeze_bias))
    return Session(setup.network, setup.X, setup.Y, setup.dataset, settings, None, 0, 0,
                   setup.name, setup.seed)
