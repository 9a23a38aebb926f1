"""The step-through: the playback of the engine's step records, its controller, the toolbar, the
timeline and the animator that drives the canvas."""
