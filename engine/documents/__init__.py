"""Documents made from a trace, free of Qt: the plain-text trace, and the worked example in
Markdown, HTML and SVG (in English or Brazilian Portuguese)."""
