# %% [markdown]
# # Synthesis: who speaks, who is spoken about, and how
#
# The four families crossed: the actors the coverage names against the
# sources it quotes, the tone of each side's own words against the tone of the
# reporter's sentences about it, the readability of quotes against the
# narration, and how prominently each side appears against its share of
# voice. Every number comes from the families' public functions (see
# `analysis/synthesis.py` for the counting rules); none of them is better
# when higher: they describe the coverage.

# %% tags=["parameters"]
corpus = "../seeds"  # relative to notebooks/, where JupyterLab runs the kernel; the report passes its own
figures_dir = "../figures"
reports_dir = "../reports"
engine = "auto"
notebook_name = "50_synthesis"
n_boot = 1000  # bootstrap resamples of whole articles for the tone intervals
top_actors = 20  # actors shown in the heard / talked-about figure
show_article = True  # the first article with quotes and mentions highlighted
codebook = None  # None: the seed story's codebook for the seed articles only; or a CSV/YAML path
sides = None  # a sides file (YAML "side: [names that speak for it]"); None: the codebook's sides
tables_dir = None  # the report's tables (analysis.measure); None: measured here

# %%
import pandas as pd
from IPython.display import display

from analysis import synthesis
from analysis.presentation.figures import draw
from analysis.presentation.notebook import prelude, tables
from analysis.presentation.plots import synthesis as synthesis_plots
from analysis.sentiment import SENTENCE_COLUMNS
from analysis.core.text import segment_articles

articles = prelude(corpus, notebook=notebook_name,
                   parameters={"corpus": corpus, "n_boot": n_boot, "top_actors": top_actors},
                   codebook=codebook, sides=sides)
docs = segment_articles(articles)
results = tables(corpus, tables_dir, articles=articles, codebook=codebook, sides=sides, engine=engine)
quotes, mentions, sentences = results["quotes"], results["mentions"], results["sentences"][SENTENCE_COLUMNS]
print(f"{len(docs)} article(s), {len(quotes)} quotes, {len(mentions)} mentions, {len(sentences)} sentences.")

# %% [markdown]
# ## Heard, or only talked about?
#
# For each person, organisation and named group in the actor codebook: how
# often the articles mention it and how often they quote it as the speaker.
# Countries are left out (they speak through people and ministries).

# %%
heard = synthesis.voice_and_mentions(mentions, quotes)
display(synthesis.voice_and_mentions(mentions, quotes, by="side"))
draw("synthesis_heard_and_mentioned", synthesis_plots.heard_and_mentioned, heard, top=top_actors, outdir=figures_dir,
            caption="Mentions (left) and quotes as the speaker (right) of each person, organisation and group "
                    "in the actor codebook, coloured by side; 'not quoted': mentioned but never given voice. "
                    "Adjectives such as 'Chinese' are not mentions; a partial quote inside a paraphrase counts once.")

# %% [markdown]
# Bars on the left show who the story is about; bars on the right show who
# gets to speak. Names with "not quoted" are talked about but never heard in
# their own words or in paraphrase.

# %%
mentioned_only = heard[heard["status"] == "mentioned only"]
print("Mentioned but never quoted: " + (", ".join(f"{r.name} ({r.side}, {r.mentions} mentions)"
      for r in mentioned_only.itertuples(index=False)) or "none"))

# %% [markdown]
# ## Tone: a side's own words versus the narration about it
#
# Each sentence is scored with VADER (-1 most negative, +1 most positive).
# A sentence is a side's quoted words when at least half of it lies inside
# direct or partial quotes of that side's speakers; the narration about a
# side is the reporter's own sentences that mention one of its actors.

# %%
tone = synthesis.tone_by_voice(docs, quotes, mentions, sentences=sentences, n_boot=n_boot)
display(tone)
draw("synthesis_tone_by_voice", synthesis_plots.tone_by_voice, tone, outdir=figures_dir,
            caption="Mean VADER compound of sentences: each side's own quoted words (filled) and the reporter's "
                    "sentences that mention the side (open); dashed line: all narration. Small numbers: sentences. "
                    "Bars: 95% bootstrap interval over articles (none with a single article).")

# %% [markdown]
# When the filled dot sits to the right of the open one, the side sounds
# warmer in its own words than in the reporter's sentences about it; the
# small numbers say how many sentences each dot rests on.

# %% [markdown]
# ## Readability: quotes versus narration
#
# The Flesch–Kincaid grade (the US school year a reader needs) of the
# reporter's words and of the quoted words, all speakers and per side,
# from word, sentence and syllable counts pooled over the articles.

# %%
ease = synthesis.readability_by_voice(docs, quotes)
display(ease)
draw("synthesis_readability_by_voice", synthesis_plots.readability_by_voice, ease, outdir=figures_dir,
            caption="Flesch–Kincaid grade of the narration and of the words inside direct and partial quotes "
                    "(all speakers, then by the speaker's side), from counts pooled over articles; "
                    "hatched: fewer than 100 words, too few for a stable score.")

# %% [markdown]
# A shorter bar means easier text: quoted speech is usually plainer than the
# reporter's long, clause-heavy sentences.

# %% [markdown]
# ## Prominence versus share of voice
#
# How visible each side is (its share of all mentions, of the mentions in the
# lede paragraph and, with three articles or more, of the articles that name
# it first) next to how much it is heard (its share of quotes and of quoted
# words).

# %%
prominence = synthesis.prominence_and_voice(mentions, quotes, docs)
display(prominence)
draw("synthesis_prominence_and_voice", synthesis_plots.prominence_and_voice, prominence, outdir=figures_dir,
            caption="Per side: share of mentions and of lede mentions (open markers; share of articles naming "
                    "the side first with three articles or more) against share of quotes and of quoted words "
                    "(filled). Sides from the actor codebook; adjectives not counted.")

# %% [markdown]
# Open markers to the right of filled ones mean a side is more talked about
# than heard; filled markers to the right mean it speaks more than it is named.

# %% [markdown]
# ## One article, highlighted
#
# Quotes are shaded in the colour of the speaker's side (direct quotes
# filled, partial quotes outlined, paraphrase lightly shaded and underlined
# with dashes); actor mentions are bold and underlined. Hover over a passage
# to see the speaker, the kind of quote and how it was attributed. In
# JupyterLab, `analysis.presentation.views.article_picker(articles)` gives a dropdown to
# browse every article this way.

# %%
if show_article:
    from analysis.presentation.views import article_metrics, article_view

    first = docs[0]
    q1 = quotes[quotes["article_id"] == first.article_id]
    m1 = mentions[mentions["article_id"] == first.article_id]
    display(article_view(first, quotes=q1, mentions=m1, compute=False,
                         metrics=article_metrics(first, quotes=q1, mentions=m1),
                         title=f"Article {first.article_id}"))
