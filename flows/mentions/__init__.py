"""Named-entity mentions (people, organisations, places) in article text, normalized to entities.

`extract_mentions(text, language)` finds mentions with character offsets; `mentions_for_article(...)`
turns an article's title and paragraphs into rows for the `mentions` and `entities` tables.
"""

from flows.mentions.linking import ArticleMention, Entity, entity_id, mentions_for_article
from flows.mentions.pipeline import extract_mentions
from flows.mentions.spans import Mention

__all__ = ["ArticleMention", "Entity", "Mention", "entity_id", "extract_mentions", "mentions_for_article"]
