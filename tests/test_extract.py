"""parse_article on pages the project wrote itself (config/samples, tests/fixtures/extract, inline HTML)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

import pytest

from flows.errors import PageRejected
from flows.extract import PARSER_VERSION, parse_article
from flows.extract import profiles as profiles_mod
from flows.extract.authors import read_byline
from flows.extract.images import split_credit, stable_key
from flows.model import Article

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "config" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "extract"
WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))


@cache
def sample(name: str) -> Article:
    manifest = {Path(m["file"]).stem: m["url"] for m in json.loads((SAMPLES / "manifest.json").read_text())}
    return parse_article((SAMPLES / "pages" / f"{name}.html").read_bytes(), manifest[name])


def gold(name: str) -> dict:
    for line in (SAMPLES / "items.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["id"] == name:
            return item
    raise KeyError(name)


def body(article: Article) -> str:
    return "\n".join(p.text for p in article.paragraphs)


# --- Liputan6 mobile: multi-page body, boilerplate, headings, photos ---------------------------------
def test_mobile_title_byline_and_parser_fields():
    a = sample("liputan6-mobile-banjir-rob")
    assert a.title == "Banjir Rob Rendam Pesisir Utara Jakarta, Ratusan Warga Mengungsi"
    assert a.authors == ["Rina Kusumawati"]
    assert a.parser == "warta" and a.parser_version == PARSER_VERSION
    assert a.profile == "liputan6"
    assert a.site == "liputan6.com"
    assert a.canonical_url.startswith("https://www.liputan6.com/news/read/5512345/")


def test_mobile_wib_times_are_the_right_instants():
    a = sample("liputan6-mobile-banjir-rob")
    assert a.published_at == datetime(2024, 3, 14, 8, 15, 27, tzinfo=WIB)
    assert a.published_at.utcoffset() == timedelta(hours=7)
    assert a.updated_at == datetime(2024, 3, 14, 11, 42, 5, tzinfo=WIB)
    assert a.published_at.astimezone(UTC) == datetime(2024, 3, 14, 1, 15, 27, tzinfo=UTC)


def test_mobile_body_is_every_paragraph_across_pages_in_order():
    a = sample("liputan6-mobile-banjir-rob")
    assert body(a) == gold("liputan6-mobile-banjir-rob")["body"]
    first = a.paragraphs[0].text
    assert first.startswith("Liputan6.com, Jakarta - Banjir rob kembali merendam")  # dateline kept as is
    assert a.paragraphs[-2].text.startswith('"Tanggul hanya menahan air')  # page 2 is included


@pytest.mark.parametrize(
    "junk",
    [
        "BACA JUGA", "Baca Juga", "Advertisement", "Scroll down", "untuk melanjutkan membaca", "Lanjutkan Membaca",
        "Saksikan Video", "Update genangan rob pagi ini", "Untuk mengetahui kebenaran", "(Rin/Ysl)",
        "HEADLINE HARI INI", "POPULER", "Berita Terkini", "Tag Terkait", "Perbesar", "Copy Link",
        "Warga melintasi genangan",  # a caption
        "Tanggul Laut Jakarta Ditargetkan",  # a related link
    ],
)
def test_mobile_body_has_no_boilerplate(junk):
    assert junk not in body(sample("liputan6-mobile-banjir-rob"))


def test_mobile_subheadings_and_contributors():
    a = sample("liputan6-mobile-banjir-rob")
    heads = [p.text for p in a.paragraphs if p.kind == "heading"]
    # the video-section heading is dropped; the infographic section keeps its heading
    assert heads == ["Tanggul Laut Belum Rampung", "Infografis Waspada Banjir Rob di Pesisir Jakarta"]
    roles = {(c.name, c.role) for c in a.contributors}
    assert ("Yusuf Santoso", "editor") in roles
    assert ("Herman Zakharia", "photographer") in roles
    assert ("Rina Kusumawati", "author") in roles


def test_mobile_dateline_section_tags_language():
    a = sample("liputan6-mobile-banjir-rob")
    assert a.dateline == "Jakarta"
    assert (a.section, a.subsection) == ("News", "Metropolitan")
    assert a.tags == ["Banjir Rob", "Jakarta Utara", "Muara Angke", "BPBD DKI", "Cuaca Ekstrem"]
    assert a.language == "id"


def test_mobile_images_caption_credit_lazy_and_cover():
    a = sample("liputan6-mobile-banjir-rob")
    assert len(a.images) == 3  # og:image and the top photo are one image (same media key)
    top, inline, info = a.images
    assert top.is_cover and not inline.is_cover
    assert top.credit == "Liputan6.com/Herman Zakharia"
    assert top.caption.endswith("sejak Rabu malam.")
    assert "(kedua kanan)" in inline.caption and inline.credit == "Liputan6.com/Faizal Fanani"
    assert "blank.png" not in inline.url and "medias/4701130/original/" in inline.url
    assert info.caption == "Infografis Waspada Banjir Rob di Pesisir Jakarta"


# --- Liputan6 desktop and 2016 -------------------------------------------------------------------------
def test_desktop_modified_before_published_is_no_update():
    a = sample("liputan6-desktop-kereta-cepat")
    assert a.published_at == datetime(2020, 6, 3, 10, 15, 43, tzinfo=WIB)
    assert a.updated_at is None


def test_desktop_pages_signoff_lines_and_dateline_without_dash():
    a = sample("liputan6-desktop-kereta-cepat")
    text = body(a)
    assert "2 dari 2 halaman" not in text and "Reporter:" not in text and "Editor:" not in text
    assert "Tarif Kereta Cepat Turun" not in text
    assert a.paragraphs[-1].text.startswith("Menurut Bambang")
    assert a.dateline == "Jakarta"
    assert ("Nurmayanti", "editor") in {(c.name, c.role) for c in a.contributors}
    assert (a.section, a.subsection) == ("Bisnis", "Ekonomi")


def test_2016_br_paragraphs_bold_heading_and_utc_jsonld():
    a = sample("liputan6-2016-pameran-gawai")
    paras = [p.text for p in a.paragraphs if p.kind == "paragraph"]
    assert len(paras) == 6
    assert paras[1].startswith("Ketua panitia, Hendra Gunawan")
    assert [p.text for p in a.paragraphs if p.kind == "heading"] == ["Target Transaksi"]
    assert "(Dew/Isk)" not in body(a) and "Baca Juga" not in body(a)
    assert a.published_at == datetime(2016, 2, 16, 9, 10, 56, tzinfo=WIB)  # 02:10:56Z, the same instant
    assert a.published_at.utcoffset() == timedelta(hours=7)
    assert a.updated_at == datetime(2016, 2, 16, 11, 13, 59, tzinfo=WIB)
    assert (a.section, a.subsection) == ("Tekno", "Gadget")
    assert a.images[0].url.endswith("medias/1140555/original/012233400_1455500000-pameran-gawai.jpg")
    assert a.images[0].credit is None


# --- generic pages -------------------------------------------------------------------------------------
def test_generic_english_page():
    a = sample("harbor-gazette-port-strike")
    assert a.profile is None
    assert a.title == "Dockworkers end three-day strike after overnight wage deal"
    assert a.authors == ["Margaret Olsen", "David Achebe"]
    assert a.published_at == datetime(2023, 10, 17, 10, 45, tzinfo=UTC)
    assert a.language == "en"
    assert a.agencies == ["AP"]
    text = body(a)
    for junk in ("Sign up for", "Related coverage", "Advertisement", "Comments", "Most read", "cookies", "Share on"):
        assert junk not in text
    assert [p.text for p in a.paragraphs if p.kind == "heading"] == ["Backlog could take weeks"]
    lead, inline = a.images
    assert lead.credit == "Photo: Lena Fischer / The Harbor Gazette" and lead.is_cover
    assert lead.caption == "Container cranes stood idle at the east terminal on Monday, the third day of the strike."
    assert inline.credit == "AP Photo/Tom Hale"


def test_merdeka_wrong_negative_offset_is_read_as_wib():
    a = sample("merdeka-pasar-tradisional")
    assert a.published_at == datetime(2021, 6, 17, 9, 54, 49, tzinfo=WIB)  # meta says -07:00
    assert a.updated_at is None
    assert a.authors == ["Siti Rahmawati"]
    assert "[bay]" not in body(a) and "Baca juga" not in body(a)
    assert a.images[0].credit == "©2021 Merdeka.com/Arie Basuki"  # as shown, mark and year included


def test_wita_visible_time_caption_outside_figure_and_agency_dateline():
    a = sample("antara-makassar-pelabuhan")
    assert a.published_at == datetime(2017, 6, 19, 14, 25, tzinfo=WITA)
    assert a.dateline == "Makassar"
    assert a.agencies == ["ANTARA"]
    assert a.paragraphs[0].text.startswith("Makassar (ANTARA News) -")
    assert "Editor:" not in body(a) and "COPYRIGHT" not in body(a)
    assert a.images[0].credit == "ANTARA FOTO/Andi Pratama"
    assert ("Ruslan Burhani", "editor") in {(c.name, c.role) for c in a.contributors}


def test_lazy_srcset_and_placeholder_images():
    a = parse_article((FIXTURES / "lazy-images.html").read_bytes(), "https://www.coastline.example/news/lighthouse")
    urls = [i.url for i in a.images]
    assert urls == [
        "https://www.coastline.example/2022/05/lighthouse-hero.jpg",
        "https://img.coastline.example/2022/05/lens-1280.jpg",
        "https://img.coastline.example/2022/05/cottage.jpg",
    ]
    assert a.images[0].credit == "Coastline Weekly/Aino Virtanen"
    assert a.images[1].credit is None and a.images[1].caption.endswith("(19/5/2022).")
    assert a.title == "Lighthouse keepers return to Cape Verity"
    assert a.authors == ["Aino Virtanen"]
    assert len([p for p in a.paragraphs if p.kind == "paragraph"]) == 4


def test_detik_style_local_time_labelled_z():
    html = """<html lang="id"><head><title>PLN resmikan gardu induk baru</title>
    <meta name="pubdate" content="2016-02-23T15:32:01Z"></head><body><article>
    <h1>PLN resmikan gardu induk baru</h1><div class="date">Selasa, 23/02/2016 15:32 WIB</div>
    <div class="detail_text">Jakarta - PT PLN hari ini meresmikan gardu induk baru untuk memperkuat pasokan listrik di
    wilayah barat Jakarta. Gardu itu berkapasitas 120 MVA dan melayani kawasan industri.<br><br>Menurut manajer
    proyek, pembangunan gardu memakan waktu dua tahun dan menelan biaya ratusan miliar rupiah.</div>
    </article></body></html>"""
    a = parse_article(html, "https://finance.detik.com/read/2016/02/23/x")
    assert a.published_at == datetime(2016, 2, 23, 15, 32, 1, tzinfo=WIB)
    assert len(a.paragraphs) == 2


# --- bytes and charsets --------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html><html lang="id"><head>{meta}<title>Kafe di Bandung ramai pengunjung</title></head>
<body><article><h1>Kafe di Bandung ramai pengunjung</h1>
<p>Sebuah café baru di Bandung ramai dikunjungi anak muda sejak dibuka pekan lalu, kata pemiliknya.</p>
<p>Menu andalannya adalah kopi susu gula aren dan crème brûlée yang dijual dengan harga terjangkau.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "cp1252"),
        ('<meta charset="utf-8">', "utf-8"),
        ("", "utf-8"),
    ],
)
def test_bytes_are_decoded_by_declared_charset(meta, encoding):
    a = parse_article(PAGE.format(meta=meta).encode(encoding), "https://example.id/kafe")
    assert "café baru" in a.paragraphs[0].text
    assert "crème brûlée" in a.paragraphs[1].text


def test_bom_and_undeclared_legacy_encoding():
    utf16 = parse_article(b"\xff\xfe" + PAGE.format(meta="").encode("utf-16-le"), "https://example.id/kafe")
    assert "crème brûlée" in utf16.paragraphs[1].text
    latin = parse_article(PAGE.format(meta="").encode("cp1252"), "https://example.id/kafe")
    assert "café" in latin.paragraphs[0].text  # not UTF-8: falls back to detection


# --- rejects -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not_html"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "not_html"),
        (b'{"status": "ok", "items": [1, 2, 3]}', "not_html"),
        (b"just a line of plain text, no markup at all", "not_html"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed</title></channel></rss>", "not_html"),
        (b"<html><body>" + b"<div>" * 3000 + b"<p>Deep text.</p>" + b"</div>" * 3000 + b"</body></html>", "too_deep"),
    ],
)
def test_rejected_pages(content, reason):
    with pytest.raises(PageRejected) as info:
        parse_article(content, "https://example.com/x")
    assert info.value.reason == reason


def test_page_without_title_or_body_is_rejected():
    with pytest.raises(PageRejected) as info:
        parse_article((FIXTURES / "nav-only.html").read_bytes(), "https://example.com/nav")
    assert info.value.reason == "no_content"


# --- profiles ------------------------------------------------------------------------------------------
def test_profile_matching_nothing_leaves_the_generic_result(tmp_path, monkeypatch):
    page = (SAMPLES / "pages" / "harbor-gazette-port-strike.html").read_bytes()
    url = "https://www.harborgazette.example/business/2023/10/17/dockworkers-end-strike-wage-deal/"
    generic = parse_article(page, url)
    (tmp_path / "harbor.toml").write_text(
        'name = "harbor"\nhosts = ["harborgazette.example"]\n\n[[versions]]\nname = "v1"\n'
        'title = "h1.nope"\nbyline = ".nope"\npublished = ".nope"\nbody = ".nope"\nsubheading = "h5.nope"\n'
        'tags = ".nope a"\nremove = [".nope"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("WARTA_SITES", str(tmp_path))
    profiles_mod.load_all.cache_clear()
    try:
        refined = parse_article(page, url)
    finally:
        monkeypatch.delenv("WARTA_SITES")
        profiles_mod.load_all.cache_clear()
    assert refined.profile == "harbor"
    for field in ("title", "authors", "published_at", "updated_at", "tags", "paragraphs", "images", "section"):
        assert getattr(refined, field) == getattr(generic, field), field


def test_profile_selectors_refine_the_generic_result():
    page = (SAMPLES / "pages" / "liputan6-mobile-banjir-rob.html").read_bytes()
    url = "https://m.liputan6.com/news/read/5512345/x"
    with_profile = parse_article(page, url)
    generic = parse_article(page, "https://news.example.org/read/5512345/x")
    assert generic.profile is None and with_profile.profile == "liputan6"
    # the generic extractor alone recovers the same multi-page body; the profile's hook adds the desk roles
    assert body(generic) == body(with_profile)
    assert generic.published_at == with_profile.published_at and generic.authors == with_profile.authors
    assert "photographer" not in {c.role for c in generic.contributors}
    assert "photographer" in {c.role for c in with_profile.contributors}


def test_profile_versions_by_date_and_match(tmp_path):
    profile = profiles_mod.load_profile(
        {"name": "x", "hosts": ["x.example"], "versions": [
            {"name": "old", "until": "2019-01-01", "title": "h1.old"},
            {"name": "new", "from": "2019-01-01", "match": "h1.new", "title": "h1.new"},
        ]}
    )
    from bs4 import BeautifulSoup

    soup = BeautifulSoup("<h1 class='new'>x</h1>", "lxml")
    assert profile.version_for(soup, datetime(2016, 1, 1, tzinfo=UTC)).name == "old"
    assert profile.version_for(soup, datetime(2021, 1, 1, tzinfo=UTC)).name == "new"
    assert profile.version_for(BeautifulSoup("<h1>x</h1>", "lxml"), datetime(2021, 1, 1, tzinfo=UTC)) is None
    assert profile.matches("https://m.x.example/a") and not profile.matches("https://notx.example/a")


# --- units ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Jet tempur terbang di atas Semenanjung Korea (31/8). (South Korea Defense Ministry via AP)",
         "Jet tempur terbang di atas Semenanjung Korea (31/8).", "South Korea Defense Ministry via AP"),
        ("Bek Timnas berselebrasi, Minggu (19/12/2021). (Foto:Dok PSSI)",
         "Bek Timnas berselebrasi, Minggu (19/12/2021).", "Foto:Dok PSSI"),
        ("A man walks past a mural. (AP Photo/Vincent Yu)", "A man walks past a mural.", "AP Photo/Vincent Yu"),
        ("Menteri memberi keterangan (ANTARA/Hafidz Mubarak A)", "Menteri memberi keterangan",
         "ANTARA/Hafidz Mubarak A"),
        ("Presiden (kedua kanan) meninjau lokasi (19/12/2021)",
         "Presiden (kedua kanan) meninjau lokasi (19/12/2021)", None),
    ],
)
def test_split_credit(text, caption, credit):
    assert split_credit(text) == (caption, credit)


def test_stable_key_ignores_kly_resize_prefixes():
    a = "https://cdn1.example.net/AbC=/375x208/smart/kly-media-production/medias/3750747/original/08_x.jpeg"
    b = "https://cdn1.example.net/XyZ=/750x416/smart/format(webp)/kly-media-production/medias/3750747/original/08_x.jpeg"
    c = "http://cdn0-a.production.liputan6.static6.com/medias/3750747/big/08_x.jpeg"
    assert stable_key(a) == stable_key(b) == stable_key(c)


def normalize(bylines: list[str]) -> tuple[list[str], list[str]]:
    """(authors, agencies) as parse_article takes them from a byline: its people, else who signs it."""
    got = read_byline(bylines, set())
    return got.people or got.institutions[:1], got.agencies


def test_author_normalization():
    assert normalize(["Oleh Liputan6.com"]) == (["Liputan6.com"], [])
    assert normalize(["Oleh Liputan6.com", "Penulis: Budi Santoso dan Ani Wijaya"]) == (
        ["Budi Santoso", "Ani Wijaya"], [])
    assert normalize(["By Jane Doe, Reuters"]) == (["Jane Doe"], ["Reuters"])
    assert normalize(["Associated Press"]) == (["Associated Press"], ["AP"])  # the wire signs the piece


def test_kompas_2016_channel_h1_credits_table_and_photo_box():
    a = sample("kompas-2016-sampah-sungai")
    assert a.title == "Relawan Angkut 12 Ton Sampah dari Sungai Ciliwung dalam Sehari"  # not the <h1> "Megapolitan"
    assert a.authors == ["Bayu Pratomo"]  # "Penulis : Kontributor Jakarta Timur, Bayu Pratomo"
    assert ("Hendra Kusuma", "editor") in {(c.name, c.role) for c in a.contributors}
    assert a.published_at == datetime(2016, 2, 21, 10, 12, tzinfo=WIB)  # naive meta time read as WIB
    assert a.dateline == "Jakarta"
    assert "Baca juga" not in body(a) and "Pintu Air Manggarai" not in body(a)
    (photo,) = a.images
    assert photo.credit == "KOMPAS.com/ANDRI SETIAWAN" and photo.caption.startswith("Relawan memunguti")
    assert photo.is_cover


# --- authored site fixtures: CNN Indonesia, Media Indonesia, Tribunnews ----------------------------------
@cache
def fixture(name: str, url: str) -> Article:
    return parse_article((FIXTURES / f"{name}.html").read_bytes(), url)


CNN_URL = ("https://www.cnnindonesia.com/nasional/20240306142011-20-1071234/"
           "jembatan-gantung-desa-sukamaju-rampung-sebelum-musim-hujan")
MI_URL = "https://mediaindonesia.com/ekonomi/612345/revitalisasi-pasar-tradisional-dorong-kunjungan-pembeli"
TRIBUN_URL = "https://www.tribunnews.com/regional/2024/05/11/ratusan-siswa-ikuti-lomba-sains-antarsekolah-di-bekasi"


def test_cnnindonesia_title_byline_time_and_body():
    a = fixture("cnnindonesia-jembatan", CNN_URL)
    assert a.profile == "cnnindonesia" and a.site == "cnnindonesia.com"
    assert a.title == "Jembatan Gantung Desa Sukamaju Rampung Sebelum Musim Hujan"
    assert a.authors == ["Dimas Prakoso"]  # "Name, CNN Indonesia": the outlet is not an author
    assert a.published_at == datetime(2024, 3, 6, 14, 20, 11, tzinfo=WIB)
    assert a.published_at.utcoffset() == timedelta(hours=7)
    texts = [p.text for p in a.paragraphs]
    assert len(texts) == 5 and all(p.kind == "paragraph" for p in a.paragraphs)
    assert texts[0].startswith("Jakarta, CNN Indonesia -- Pemerintah kabupaten")
    assert texts[-1].endswith("sekitar dua miliar rupiah.")
    assert a.dateline == "Jakarta"  # ", CNN Indonesia --": the outlet after the comma, not a region


@pytest.mark.parametrize(
    "junk",
    ["Lihat Juga", "Banjir Bandang Putus", "SCROLL TO CONTINUE", "[Gambas:", "(dmp/ain)", "TOPIK TERKAIT",
     "Berita Terkait", "Jembatan Bambu", "Warga melintasi jembatan", "Copyright"],
)
def test_cnnindonesia_body_has_no_boilerplate(junk):
    assert junk not in body(fixture("cnnindonesia-jembatan", CNN_URL))


def test_mediaindonesia_reporter_is_the_visible_byline_and_jsonld_author_the_editor():
    a = fixture("mediaindonesia-pasar", MI_URL)
    assert a.profile == "mediaindonesia"
    assert a.title == "Revitalisasi Pasar Tradisional Dorong Kunjungan Pembeli"
    assert a.authors == ["Bagus Saputra"]
    roles = {(c.name, c.role) for c in a.contributors}
    assert ("Bagus Saputra", "author") in roles
    assert ("Wulan Handayani", "editor") in roles and ("Wulan Handayani", "author") not in roles
    assert a.published_at == datetime(2023, 11, 20, 9, 45, tzinfo=WIB)
    assert a.published_at.utcoffset() == timedelta(hours=7)


def test_mediaindonesia_body_ends_without_the_editor_code():
    a = fixture("mediaindonesia-pasar", MI_URL)
    texts = [p.text for p in a.paragraphs]
    assert len(texts) == 4
    assert texts[0].startswith("PEMERINTAH kota mencatat")
    assert texts[-1] == ("Pemerintah berencana merevitalisasi empat pasar lagi pada tahun depan dengan skema "
                         "pembiayaan bersama pihak swasta.")
    for junk in ("(H-4)", "Baca juga", "Harga Cabai", "Advertisement", "Tags", "Terpopuler", "MI/Bagus"):
        assert junk not in body(a)


def test_tribunnews_baca_juga_inside_paragraphs_pagination_and_staff_lines():
    a = fixture("tribunnews-sekolah", TRIBUN_URL)
    assert a.profile == "tribunnews"
    assert a.title == "Ratusan Siswa Ikuti Lomba Sains Antarsekolah di Bekasi"
    assert a.authors == ["Fajar Nugroho"]
    assert ("Sari Lestari", "editor") in {(c.name, c.role) for c in a.contributors}
    assert a.published_at == datetime(2024, 5, 11, 16, 5, 32, tzinfo=WIB)
    assert a.published_at.utcoffset() == timedelta(hours=7)
    assert a.dateline == "Bekasi"  # "TRIBUNNEWS.COM, BEKASI - "
    texts = [p.text for p in a.paragraphs]
    assert len(texts) == 4
    # the related link closing a paragraph goes, the paragraph's own sentence stays
    assert texts[2] == "Ketua panitia berharap lomba itu menumbuhkan minat siswa pada penelitian sejak dini."
    assert texts[-1].startswith("Pemenang setiap bidang")
    for junk in ("Baca juga", "Gedung Olahraga Kota Direnovasi", "Olimpiade Matematika", "Halaman",
                 "Selanjutnya", "Tampilkan semua", "Penulis:", "Editor:", "Lomba Sains Bekasi", "Terpopuler"):
        assert junk not in body(a)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pasar dibuka lagi pekan depan. (H-4)", "Pasar dibuka lagi pekan depan."),
        ('"Kami siap," katanya. (Ant/H-2)', '"Kami siap," katanya.'),
        ("Ekspor naik tajam. (Cas/Isk)", "Ekspor naik tajam."),
        ("Arus mudik memuncak pada (H-2)", "Arus mudik memuncak pada (H-2)"),  # inside a sentence: kept
    ],
)
def test_trailing_editor_codes_are_stripped_generically(text, expected):
    from flows.extract.boilerplate import is_boilerplate, strip_signoff

    assert strip_signoff(text) == expected
    assert is_boilerplate("(Ant/H-2)") and is_boilerplate("(H-4)")
