"""How `summariser check` grows with the article, 10 KB ... 5 MB, each size a new article: the
time of loading it whole (sentences, furniture: what `summarise` needs), of checking a ~100-word
summary against the loaded article, and of checking it from the article's text, load included
(what `summariser check FILE SUMMARY` does: an article over 100 KB is cut down to the paragraphs
the summary can be about before it is split, articles/focus.py); then of checking a summary
whose names, acronyms, title, quote and figure are not in the article (look-ups that scan the
article before they give up), from text. The seeds' paragraphs are repeated with their figures
changed, so every copy has figures and names of its own. Linear means the ms-per-KB columns stay
about the same. Target: check <= 1 s on a 1 MB article.

    python benchmarks/check_scale.py [--sizes 10,100,1000,5000] [--one-line]

--one-line writes each article as a single line (no paragraph breaks), the worst case for
sentence splitting."""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SUMMARY = (
    "Iran Seeks Closer Ties with Kazakhstan\n"
    "Iranian Foreign Minister Mohammad Javad Zarif met his Kazakh counterpart Mukhtar "
    "Tleuberdi in Nur-Sultan, where the two signed a memorandum of understanding on April 7, "
    "2021. Trade between Kazakhstan and Iran fell by 37.2 percent in 2020 to $237m, Tleuberdi "
    "said. Zarif said “our cooperation within the framework of the Eurasian Economic Union is "
    "of high significance” and backed Kazakhstan's access to the Bandar Abbas port. Kish Air "
    "now flies from Gorgan to Aktau once a month."
)
UNSUPPORTED = (
    "Boris Johnson told the WTO and NATO that Kazakhstan's Minister of Defence Olzhas Bektenov "
    "had said “trade collapsed completely last winter” after 4,321 trucks were stopped."
)


def article_text(kilobytes: int, one_line: bool) -> str:
    paragraphs = [p for seed in SEEDS for p in seed.read_text(encoding="utf-8").split("\n\n")
                  if len(p.split()) > 12]
    out, size, copy = [], 0, 0
    while size < kilobytes * 1000:
        for paragraph in paragraphs:
            copy += 1
            shift = copy % 97
            changed = re.sub(r"\d+", lambda m, k=shift: str(int(m.group()) + k), paragraph)
            out.append(changed)
            size += len(changed) + 2
    return (" " if one_line else "\n\n").join(out)[: kilobytes * 1000]


def measure(kilobytes: int, one_line: bool) -> tuple[float, float, float, float]:
    """CPU seconds of (load, check the loaded article, check from text, unsupported from text)."""
    from summariser.articles.build import article_from_text
    from summariser.validation import check

    text = article_text(kilobytes, one_line)
    started = time.process_time()  # CPU time: the machine is shared, wall time is noisy
    article = article_from_text(text)
    times = [time.process_time() - started]
    for source, summary in ((article, SUMMARY), (text, SUMMARY), (text, UNSUPPORTED)):
        started = time.process_time()
        check(source, summary)
        times.append(time.process_time() - started)
    return times[0], times[1], times[2], times[3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,30,100,300,1000,2000,5000",
                        help="article sizes in KB, comma-separated")
    parser.add_argument("--one-line", action="store_true")
    args = parser.parse_args()
    from summariser.articles.build import article_from_text
    from summariser.validation import check

    check(article_from_text(SEEDS[0].read_text(encoding="utf-8")), SUMMARY)  # imports, words
    print("CPU seconds (time.process_time) of one process; target: check from text <= 1 s at "
          "1000 KB")
    print(f"{'KB':>6} {'load s':>8} {'check(article) s':>17} {'check(text) s':>14} {'ms/KB':>7}"
          f" {'unsupported s':>14} {'ms/KB':>7}")
    for kb in (int(s) for s in args.sizes.split(",")):
        load, checked, whole, errant = measure(kb, args.one_line)
        print(f"{kb:>6} {load:>8.3f} {checked:>17.3f} {whole:>14.3f} {whole * 1000 / kb:>7.2f}"
              f" {errant:>14.3f} {errant * 1000 / kb:>7.2f}", flush=True)


if __name__ == "__main__":
    main()
