"""The lesson model, free of Qt: settings, presets, the trainer (the one epoch loop), the loss
history and the scores. The window shows and schedules it; the session files save and restore it."""
