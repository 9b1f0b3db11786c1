"""Article builders for loader and view tests (parser output is tested in test_extract*)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flows.model import Article, Contributor, Image, Paragraph

WIB = timezone(timedelta(hours=7))


def make_article(n: int = 1, *, body: str = "Paragraf pertama berita.", title: str | None = None,
                 published: datetime | None = None, images: int = 1, url: str | None = None) -> Article:
    return Article(
        url=url or f"https://www.liputan6.com/global/read/{4600000 + n}/berita-{n}",
        canonical_url=url or f"https://www.liputan6.com/global/read/{4600000 + n}/berita-{n}",
        site="liputan6.com",
        title=title or f"Judul berita {n}",
        description="Ringkasan.",
        authors=["Benedikta Miranti"],
        contributors=[Contributor("Rita Editor", "editor")],
        published_at=published or datetime(2021, 8, 23, 17, 33, tzinfo=WIB),
        section="Global",
        tags=["Korea Utara", "Amerika Serikat"],
        language="id",
        dateline="Pyongyang",
        paragraphs=[Paragraph(f"Liputan6.com, Pyongyang - {body}"), Paragraph("Sub judul", "heading"),
                    Paragraph("Paragraf kedua.")],
        images=[Image(f"https://cdn.example/medias/{n}/original/{i}.jpg", f"Keterangan {i}.", "AP Photo/Ahn",
                      None, i == 0) for i in range(images)],
        parser_version="test",
    )
