"""Files in the window: the session controller (File menu), autosave, the CSV import dialog and
the exports."""
