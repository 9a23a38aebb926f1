"""Files, free of Qt: safe reading of user files, the session format and its checks, the training
state a session keeps, and CSV import."""
