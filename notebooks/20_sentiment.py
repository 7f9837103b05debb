# %% [markdown]
# # Sentiment: tone, toward whom, in whose voice
#
# Every sentence of the shared segmentation gets a tone score. By default this
# is VADER's *compound* (vaderSentiment 3.3.2): -1 is the most negative, +1 the
# most positive, and a sentence counts as positive at 0.05 or more and negative
# at -0.05 or less. On 2,601 New York Times editorial sentences rated by 20
# people each, VADER correlates r = 0.52 with the readers' average (one
# reader agrees with that average at r = 0.75), so read single sentences with
# care and compare averages. Article tone is the mean of its sentences, never
# VADER's score of the whole text, which saturates on long texts.

# %% tags=["parameters"]
corpus = "../seeds"  # relative to notebooks/, where JupyterLab runs the kernel; the report passes its own
figures_dir = "../figures"
reports_dir = "../reports"
engine = "auto"
notebook_name = "20_sentiment"
method = "vader"
window = "sentence"
top_actors = 12
n_boot = 2000
codebook = None  # None: the seed story's codebook for the seed articles only; or a CSV/YAML path
sides = None  # a sides file (YAML "side: [names that speak for it]"); None: the codebook's sides
tables_dir = None  # the report's tables (analysis.measure); None: measured here

# %%
import pandas as pd

from analysis import sentiment as S
from analysis.presentation.figures import draw
from analysis.actors import counted_mentions
from analysis.presentation.notebook import prelude, tables
from analysis.presentation.plots import sentiment as sentiment_plots
from analysis.core.text import segment_articles

articles = prelude(corpus, notebook=notebook_name,
                   parameters={"corpus": corpus, "method": method, "window": window, "n_boot": n_boot},
                   codebook=codebook, sides=sides)
docs = segment_articles(articles)
results = tables(corpus, tables_dir, articles=articles, codebook=codebook, sides=sides, sentiment_method=method,
                 engine=engine)
sentences = results["sentences"][S.SENTENCE_COLUMNS]
single = len(docs) == 1
score_name = sentiment_plots.METHOD_NAMES[method] + " compound"
print(f"{len(docs)} article(s), {len(sentences)} sentences scored with method={method!r}.")

# %% [markdown]
# ## Tone of each article
#
# Mean sentence tone with a 95% bootstrap interval (resampling the article's
# sentences), and the shares of positive, negative and neutral sentences.

# %%
by_article = S.aggregate_sentiment(sentences, level="article", n_boot=n_boot)
by_article.round(3)

# %% [markdown]
# ## The tone arc
#
# How the tone moves through the story. For one article: a grey bar per
# paragraph for its mean tone and a dot per sentence; for a corpus: the mean
# tone of sentences at each tenth of the article, with an interval from
# resampling whole articles.

# %%
if single:
    paragraphs = S.aggregate_sentiment(sentences, level="paragraph", n_boot=n_boot)
    draw("sentiment_tone_arc", sentiment_plots.paragraph_arc, sentences, paragraphs,
         label=sentiment_plots.article_label(articles.iloc[0]), outdir=figures_dir,
         caption=f"Tone paragraph by paragraph: bars are the mean {score_name} of each paragraph's sentences, "
                 "dots single sentences (-1 most negative, +1 most positive).")
else:
    arc = S.tone_arc(sentences, bins=10, n_boot=n_boot)
    draw("sentiment_tone_arc", sentiment_plots.corpus_arc, arc, outdir=figures_dir,
         caption=f"Mean sentence tone ({score_name}) at each tenth of the article, over all articles; "
                 "band: 95% interval from resampling articles.")

# %% [markdown]
# The chart reads left to right from the lede: bars above the line are
# paragraphs written in warmer words, bars below in harsher ones.
#
# ## Tone toward each actor
#
# For each actor found by `analysis.actors`, the mean tone of the sentences
# that name it (a sentence naming an actor twice counts once; a sentence naming
# two actors counts for both). This measures the words around a name, not a
# judgement of the actor: "Canada slammed for aiding" and "Canada praised"
# both mention Canada.

# %%
mentions = counted_mentions(results["mentions"])  # no codebook: the discovered actors
level = "article" if single else "corpus"
targeted = S.targeted_sentiment(docs, mentions, window=window, method=method, level=level, n_boot=n_boot)
draw("sentiment_actor_tone", sentiment_plots.actor_tone, targeted, top=top_actors, outdir=figures_dir,
            caption=f"Mean tone ({score_name}) of the sentences naming each of the {top_actors} most mentioned "
                    "actors; in brackets the number of sentences; line: 95% bootstrap interval "
                    + ("over the article's sentences" if single else "over articles") + "; colour: side.")
display_cols = ["actor_id", "name", "side", "n_mentions", "n_units", "mean_compound", "mean_compound_low",
                "mean_compound_high"]
targeted[display_cols].round(3)

# %% [markdown]
# Dots right of the line: the sentences naming that actor use more positive
# words than negative ones; a long line means too few sentences to be sure.
#
# ## Quoted voices versus narration
#
# Sentences inside a direct quote (at least half of their characters) are
# credited to the quoted speaker's side; the rest is the reporter's narrative
# voice. Paraphrase (indirect speech) stays narrative.

# %%
quotes = results["quotes"]
voices = S.sentiment_by_voice(sentences, quotes, by="side", resample="sentences" if single else "articles",
                              n_boot=n_boot)
draw("sentiment_voice_tone", sentiment_plots.voice_tone, voices, outdir=figures_dir,
            caption=f"Mean tone ({score_name}) of quoted sentences by the speaker's side and of the reporter's "
                    "own sentences; in brackets the number of sentences; line: 95% bootstrap interval "
                    + ("over sentences." if single else "over articles."))
voices.round(3)

# %% [markdown]
# Each row compares how warmly each side speaks when quoted with the tone of
# the reporter's own sentences (grey).
