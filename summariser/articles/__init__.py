"""The articles stage: a file, directory, glob or text in, an `Article` out (its text, numbered
sentences with character offsets, page furniture kept as spans, title and date). Imports nothing
from the other stages.

- `load.py`: the entry points: `load_article`, `resolve_article` (a path, text or Article),
  `plain_text` (a text file's text), `find_articles` (files, directories, globs); `files.py`
  reads bytes with one clear error per bad file; `html.py` extracts an HTML page's text
  (trafilatura).
- `build.py`: text -> Article: `strip_furniture` (`furniture.py`: bylines, teasers, image names,
  "Last update" lines...), then `sentence_spans` (`sentences.py`: wrapped lines joined, pysbd);
  `dates.py` the one date grammar (month table, date patterns, parts -> ISO): the article's own
  date from its header furniture, and the checker's date figures read with it too.
- `suspect.py`: sentences that read as instructions to an AI (prompt injection), marked on the
  Article as `suspect` when it is built.
- `models.py`: `Article`, `Sentence`, `Furniture`.
- `captions.py`: photo caption paragraphs ('FILE - ...', '(Agency/Photographer)'), body text
  that the people and figures lists leave out.
- `focus.py`: a long article (over 100 KB) cut down to the paragraphs a summary can be about,
  before it is split, for `check` (validation/long_articles.py).
"""
