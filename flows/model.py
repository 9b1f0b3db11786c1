"""The parsed-article model shared by the extractor, the loader, the CLI and the tests.

Plain dataclasses so they pickle cheaply between parser processes and print as JSON for debugging.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

ParagraphKind = Literal["paragraph", "heading"]
ContributorRole = Literal["author", "editor", "reporter", "photographer"]


@dataclass(slots=True)
class Paragraph:
    """One block of the body in reading order: prose, or a sub-heading kept as structure."""

    text: str
    kind: ParagraphKind = "paragraph"


@dataclass(slots=True)
class Image:
    url: str
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    is_cover: bool = False


@dataclass(slots=True)
class Contributor:
    """A named person (or desk) credited on the article, with the role the page gives them."""

    name: str
    role: ContributorRole = "author"


@dataclass(slots=True)
class Article:
    url: str
    canonical_url: str | None = None
    site: str | None = None
    title: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    contributors: list[Contributor] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    section: str | None = None
    subsection: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    dateline: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    publisher: str | None = None
    profile: str | None = None
    parser: str = "warta"
    parser_version: str = ""

    @property
    def body_text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs if p.kind == "paragraph")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: datetimes as ISO 8601 with offset, plus the derived body fields."""
        data = asdict(self)
        for key in ("published_at", "updated_at"):
            value = data[key]
            data[key] = value.isoformat() if value is not None else None
        data["body_text"] = self.body_text
        data["word_count"] = self.word_count
        return data
