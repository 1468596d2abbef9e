"""Every tunable number of the pipeline, with its default, in one place.

align and decide read their cut-offs from here; nothing there is a magic number.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Settings:
    # --- input ---------------------------------------------------------------
    lang: str | None = None            # force a language for every document ("ar", "en")
    # --- stories -------------------------------------------------------------
    stories: str = "one"               # documents with no story field: one story, each alone ("field"), or grouped ("auto")
    story_link: float = 0.2            # --stories auto: mean IDF-weighted cosine for two groups to be one story
    story_days: int = 7                # --stories auto: reports published further apart than a week link less
    story_far_weight: float = 0.5      # --stories auto: the share of their similarity such reports keep
    story_name_weight: int = 2         # --stories auto: a word written as a name ("Kadugli") counts this many times
    story_word_max_df: int = 50        # --stories auto: a word in more documents than this (or √N) links none
    # --- running -------------------------------------------------------------
    jobs: int = 0                      # worker processes (0 = one a core once the input is large enough)
    parallel_min_docs: int = 200       # fewer documents than this are read in one process (auto mode)
    chunk_docs: int = 64               # documents (whole stories) a worker takes at a time
    # --- claims --------------------------------------------------------------
    event_window: int = 20             # max tokens between a mention and its event word
    attribution_window: int = 40       # max tokens between an attribution verb and a mention
    cumulative_window: int = 10        # max tokens between "since"/"منذ" and a count it makes a running total
    partitive_window: int = 3          # max tokens between "including"/"بينهم" and the share it introduces
    phrase_tokens: int = 4             # tokens after a count that its noun phrase may span ("four Kurdish militiamen")
    aside_tokens: int = 8              # tokens an aside between commas may span ("two men, 19 and 24 years old, were")
    after_window: int = 2              # tokens after a count where "more" / "others" / "إضافيين" still qualify it
    before_window: int = 3             # tokens before a count where "another" / an ordinal's head noun may start
    earliest_year: int = 1900          # a four-digit figure "the 2014 shooting" is a year from this year on
    oldest_age: int = 120              # a figure between commas after a name is an age only up to this
    figure_context_min: int = 10       # a count from this up is context that sentences share ("16.2 million")
    longest_sentence: int = 3000       # characters: a longer stretch with no sentence break is cut (no prose runs on so)
    # --- align ---------------------------------------------------------------
    unit_cutoff: float = 80.0          # rapidfuzz ratio for two unit stems to be "the same thing"
    token_cutoff: float = 88.0         # rapidfuzz ratio for two context stems to count as one word
    fuzzy_block: int = 512             # context words compared at a time (memory of one block's rows)
    index_batch_docs: int = 2000       # documents `discrep index` holds at a time (whole stories)
    archive_min_overlap: float = 0.2   # a draft's word overlap with an archived story to check against it
    archive_max_stories: int = 20      # a draft is checked against at most this many archived stories, the nearest
    progress_min_docs: int = 300       # a run of more documents shows a progress bar (on a terminal's stderr)
    fuzzy_matrix_above: int = 3000     # a story's context words past which they are compared as a matrix (numpy)
    context_cutoff: float = 0.25       # IDF-weighted context overlap for claims in different sentences
    context_cutoff_keyed: float = 0.10  # the same, when event and unit (or a date's event) both agree
    context_cutoff_unkeyed: float = 0.6  # the same, when neither claim names an event or a unit
    fixed_counts: tuple[str, ...] = ("aboard", "age", "size", "crew", "passenger")  # counts that do not grow (D205)
    either_way_events: tuple[str, ...] = ("missing",)  # counts a later report may lower with no word of revision (D205)
    same_figure_digits: int = 2          # digits of a figure two documents share to join at the keyed cut-off (A204)
    statement_reach: int = 3           # words from a statement's noun to its day ("in a statement on Monday"; C135)
    aim_reach: int = 3                 # words between a verb of aim and the figure it sets as a goal (C133)
    sole_figure_days: int = 1          # days apart two reports may be published for their sole figures to meet (A205)
    context_cutoff_same_doc: float = 0.5  # the least overlap for two sentences of one document
    all_pairs_below: int = 4096        # one document's sentence pairs are all tried below this; above, a prefix filter
    # --- decide --------------------------------------------------------------
    tolerance: float = 0.0             # relative slack around exact values (0.05 = 5 %)
    approx_margin: float = 0.15        # "about 120" covers 120 ± 15 %
    up_to_floor: float = 0.5           # "up to 1,500" covers [750, 1,500]
    more_than_ceiling: float = 2.0     # "more than 130" covers [130, 260]: twice as many is "more than double"
    vague_ceiling: float = 2.0         # "dozens" (24-99) covers [24, 198]: a vague plural is stretched upward, never below
    date_tolerance_days: int = 0       # slack around dates, in days
    night_slack_days: int = 1          # more slack around a day told with a night word ("late Sunday")
    # one document's two figures conflict only as two named sources' (dates and ranks always)
    own_figures_need_sources: bool = True
    source_cutoff: float = 90.0        # rapidfuzz token-set ratio for a draft's and a source's attribution to match
    min_agree_sources: int = 2         # documents or attributions needed for an agreement
    fail_on: str = "conflict"          # "conflict", "outdated" (conflicts too), "unsupported" (both too) or "never"
    outlet_aliases: tuple[tuple[str, str], ...] = ()   # (name as read, canonical outlet)
    source_aliases: tuple[tuple[str, str], ...] = ()   # (a source's name as read, in any language, its label)
    kinds: tuple[str, ...] = field(default=("count", "ordinal", "percent", "money", "date", "weekday"))

    def with_(self, **changes: Any) -> Settings:
        """A copy with the given fields replaced; ``None`` values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
