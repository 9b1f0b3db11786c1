"""Article extraction: page bytes to an `Article` with BeautifulSoup (lxml tree builder) alone.

One generic extractor serves every site; a declarative site profile (`config/sites/*.toml`) refines
it for one publisher. The modules, in the order a page goes through them:

- `html`: decode bytes (BOM, declared charset, UTF-8, detection), read JSON-LD, KLY `window.kmklabs`
  objects, meta tags and links with regexes, cut scripts/styles/SVG/comments/`<head>`, build one tree;
- `metadata`: the JSON-LD → OpenGraph/meta → microdata cascade;
- `body`: one walk over the tree into text blocks (plus images, h1s, byline and date elements),
  and the content container chosen by text density, link density and class names;
- `boilerplate`: text-level junk inside the container (promos, page breaks, sign-offs, datelines);
- `dates`, `authors`, `images`, `language`: the field-specific rules;
- `profiles`, `hooks`: site profiles and their optional named Python hooks;
- `article`: `parse_article`, which puts it together.
"""

from flows.extract.article import PARSER_VERSION, parse_article

__all__ = ["PARSER_VERSION", "parse_article"]
