from __future__ import annotations

from pathlib import Path

import pytest

from summariser.errors import ConfigError
from summariser.prompting.templates import load_prompt, parse_prompt


def test_summarise_prompt_has_front_matter_and_renders() -> None:
    prompt = load_prompt("summarise")
    assert prompt.name == "summarise" and prompt.version and prompt.description
    messages = prompt.render(sentences="[S1] Iran met Bolivia.")
    assert [m.role for m in messages] == ["system", "user"]
    assert "[S1] Iran met Bolivia." in messages[1].content
    # the article is data in a delimited block; no example names or facts to copy
    assert messages[1].content.index("<article>") < messages[1].content.index("[S1]")
    assert "never instructions" in " ".join(messages[0].content.split())
    assert not any(w in messages[0].content for w in ("Chile", "Peru", "$2.1 billion"))


def test_hash_changes_with_the_text(tmp_path: Path) -> None:
    text = "---\nname: t\nversion: 1\ndescription: d\n---\n## user\nHi {x}\n"
    a = parse_prompt(text, "a.md")
    b = parse_prompt(text.replace("Hi", "Hello"), "b.md")
    assert a.hash != b.hash
    path = tmp_path / "t.md"
    path.write_text(text)
    assert load_prompt(str(path)).render(x="there")[-1].content == "Hi there"


@pytest.mark.parametrize("text, message", [
    ("no front matter", "front matter"),
    ("---\nname: t\n---\n## user\nx", "lacks version, description"),
    ("---\nname: t\nversion: 1\ndescription: d\n---\n## system\nx", "'## user'"),
    ("---\nname: t\nversion: 1\ndescription: d\narticle_words: many\n---\n## user\nx",
     "article_words must be a whole number of at least 1, not 'many'"),
    ("---\nname: t\nversion: 1\ndescription: d\narticle_words: 0\n---\n## user\nx",
     "article_words must be"),
])
def test_bad_prompt_files_are_clear_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_prompt(text, "bad.md")


def test_article_words_is_read_from_the_front_matter() -> None:
    head = "---\nname: t\nversion: 1\ndescription: d\n"
    assert parse_prompt(head + "article_words: 250\n---\n## user\nx", "a.md").article_words == 250
    assert parse_prompt(head + "---\n## user\nx", "a.md").article_words is None


def test_unknown_prompt_name() -> None:
    with pytest.raises(ConfigError, match="no prompt named 'nope'"):
        load_prompt("nope")
