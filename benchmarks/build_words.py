"""Rebuild summariser/data/web2.txt, the word list the checker reads to tell ordinary English
words from names ('Seeks', 'Officials' opening a headline): the `web2` list of the
english-words package (Webster's 2nd International headwords; case kept, letters only), one
word a line, sorted, so a look-up can bisect the text instead of building a set of every word
(stored uncompressed: decompressing it was ~12 ms of every `check` process).

    python benchmarks/build_words.py [--out PATH]

tests/test_wordlist.py checks that the shipped file is this list."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def words_text() -> str:
    from english_words import get_english_words_set

    return "\n".join(sorted(get_english_words_set(["web2"], lower=False, alpha=True))) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "summariser" / "data" / "web2.txt")
    args = parser.parse_args()
    args.out.write_text(words_text(), encoding="utf-8")
    print(f"{args.out}: {len(words_text().splitlines())} words")


if __name__ == "__main__":
    main()
