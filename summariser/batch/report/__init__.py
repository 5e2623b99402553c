"""The batch reports: `write.py` builds the views and renders report.md and report.html from
`templates/` (one self-contained HTML file, escaped, with a script policy); `conflicts.py`
finds figures about the same thing that differ between articles.
"""
