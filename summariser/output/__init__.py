"""The output stage: one result shown to a person or a program. `terminal.py` (rich panel and
tables for a SummaryResult), `markdown.py`, `json.py` (the `summarise --format json` object),
`check_terminal.py` (the tables of `summariser check`). Batch reports live in batch/report/.
"""
