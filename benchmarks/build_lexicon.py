"""Rebuild summariser/data/wordnet.tsv and wordnet-links.bin, the compact WordNet 3.0 tables
the checker reads (synonym sets and their links, antonyms, irregular inflections), from the
Debian package `wordnet-base` (`apt-get install wordnet-base`; files in /usr/share/wordnet).

    python benchmarks/build_lexicon.py [--wordnet /usr/share/wordnet] [--out PATH]

Both are stored uncompressed and read in place (validation/lexicon.py): decompressing and
splitting the one gzipped table they replace was ~40 ms of every `check` process.

Only single-word, lower-case lemmas are kept (a summary's words are matched one by one; names
are checked elsewhere). Sections of wordnet.tsv, one record a line, fields split by tabs, each
sorted by its first field:
- `P`: where the noun, verb, adjective and adverb synsets end (synsets are numbered in that order);
- `L word ids`: the synsets (numbered as in wordnet-links.bin) the word belongs to, most
  frequent sense first, as WordNet orders them;
- wordnet-links.bin (little-endian uint32: the count c of synsets, 2c + 1 bounds, then the
  numbers they bound): for synset n, `up` (numbers bounds[2n]:bounds[2n+1]) its hypernyms (a
  claim may say 'vehicle' for the source's 'car'), `side` (bounds[2n+1]:bounds[2n+2]) the
  synsets WordNet links as the same meaning in another shape
  (similar-to adjectives, derivations 'decide'/'decision', verb groups, participles, pertainyms);
- `A word antonym:parts ...`: WordNet's antonym pointers between words (only the direct ones:
  passing a head adjective's antonyms to its satellites made 'deeper' the opposite of 'high'),
  each with the parts of speech (letters of `nvar`) it holds in: 'present' is the opposite of
  'past' as adjectives only (`present\tabsent:a future:a past:a`), so 'presents', which only a
  noun or verb can be, is not;
- `X form base:parts ...`: the irregular inflections of the *.exc files, all of a form's bases
  on its one line, each with the parts of speech of the files it is in ('fell' -> 'fall:v',
  'mice' -> 'mouse:n', 'better' -> 'good:a well:ar').
WordNet's licence is in summariser/data/WORDNET_LICENSE beside the table."""

from __future__ import annotations

import argparse
import sys
from array import array
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
UP = {"@", "@i"}
SIDE = {"&", "+", "$", "<", "\\", "=", "^"}
Parted = dict[str, dict[str, set[str]]]  # word -> related word -> the parts of speech it holds in


def _plain(lemma: str) -> str | None:
    word = lemma.split("(")[0]  # adjective markers: 'elect(ip)'
    return word if word.isalpha() and word.islower() else None


def _records(wordnet: Path):
    for name, pos in POS.items():
        for line in (wordnet / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            offset, ss_type, count = fields[0], fields[2], int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(count)]
            at = 4 + 2 * count
            pointers = [fields[at + 1 + 4 * i: at + 5 + 4 * i] for i in range(int(fields[at]))]
            yield f"{offset}{pos}", ss_type, words, pointers


def _pointers(records: list, ids: dict[str, int], n: int, antonyms: Parted
              ) -> tuple[list[int], list[int]]:
    """(hypernyms, same-meaning links) of synset n; its word-to-word antonyms go into
    `antonyms` with the synset's part of speech (WordNet links antonyms within one)."""
    key, _, words, pointers = records[n]
    up, side = [], []
    for symbol, offset, pos, source_target in pointers:
        target = ids[offset + ("a" if pos == "s" else pos)]
        if symbol in UP:
            up.append(target)
        elif symbol in SIDE:
            side.append(target)
        elif symbol == "!":
            src, dst = int(source_target[:2], 16), int(source_target[2:], 16)
            a, b = _plain(words[src - 1]), _plain(records[target][2][dst - 1])
            if a and b:
                antonyms[a][b].add(key[-1])
    return up, side


def build(wordnet: Path) -> tuple[list[str], list[tuple[list[int], list[int]]]]:
    """The lines of wordnet.tsv and the (up, side) links of each synset."""
    records = list(_records(wordnet))
    ids = {key: n for n, (key, _, _, _) in enumerate(records)}
    lemmas: dict[str, list[int]] = defaultdict(list)
    antonyms: Parted = defaultdict(lambda: defaultdict(set))
    links = []
    for n, (_, _, words, _) in enumerate(records):
        links.append(_pointers(records, ids, n, antonyms))
        for w in words:
            if (plain := _plain(w)) and n not in lemmas[plain]:
                lemmas[plain].append(n)
    ends = [sum(1 for r in records if r[0][-1] in "nvar"[:k + 1]) for k in range(4)]
    return [
        "# P", " ".join(map(str, ends)),
        "# L", *(f"{w}\t{' '.join(map(str, s))}" for w, s in sorted(lemmas.items())),
        "# A", *_parted(antonyms), "# X", *_parted(_exceptions(wordnet))], links


def _parted(table: Parted) -> list[str]:
    """`word<TAB>other:parts ...` lines, parts in `nvar` order."""
    return [f"{w}\t{' '.join(f'{o}:{_letters(p)}' for o, p in sorted(others.items()))}"
            for w, others in sorted(table.items())]


def _letters(parts: set[str]) -> str:
    return "".join(p for p in "nvar" if p in parts)


def links_bytes(links: list[tuple[list[int], list[int]]]) -> bytes:
    bounds, numbers = [0], []
    for up, side in links:
        numbers += up
        bounds.append(len(numbers))
        numbers += side
        bounds.append(len(numbers))
    values = array("I", [len(links), *bounds, *numbers])
    if sys.byteorder == "big":
        values.byteswap()
    return values.tobytes()


def _exceptions(wordnet: Path) -> Parted:
    out: Parted = defaultdict(lambda: defaultdict(set))
    for name, pos in POS.items():
        for line in (wordnet / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            for base in bases:
                if form.isalpha() and base.isalpha():
                    out[form][base].add(pos)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=ROOT / "summariser" / "data",
                        help="the folder to write wordnet.tsv and wordnet-links.bin to")
    args = parser.parse_args()
    if not (args.wordnet / "data.noun").exists():
        print(f"{args.wordnet}: no WordNet data files (apt-get install wordnet-base)",
              file=sys.stderr)
        return 2
    lines, links = build(args.wordnet)
    (args.out / "wordnet.tsv").write_text("\n".join(lines) + "\n", encoding="ascii")
    (args.out / "wordnet-links.bin").write_bytes(links_bytes(links))
    print(f"{args.out}: {len(lines)} records, {len(links)} synsets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
