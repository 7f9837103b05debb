# %% [markdown]
# # Sourcing balance: whose voices does the coverage carry?
#
# Every quote in the articles, found and attributed by `analysis.sourcing`:
# direct quotes (the speaker's own sentences in quotation marks), partial
# quotes (a fragment in quotation marks inside the reporter's sentence) and
# indirect quotes (paraphrase after "said", "told ... that", "according to").
# Each speaker is linked to the article's actors (the codebook when there is
# one, else the names discovery finds) and described by `analysis.sourcing.speakers`:
# kind of source, gender with its basis, affiliation, and the side from the
# sides file in use (`sides`; the seed story's codebook gives the seed its sides).
# Validation against human annotation (PolNeAR) is in the README.

# %% tags=["parameters"]
corpus = "../seeds"  # relative to notebooks/, where JupyterLab runs the kernel; the report passes its own
figures_dir = "../figures"
reports_dir = "../reports"
engine = "auto"
notebook_name = "40_sourcing"
n_boot = 1000
html_article = ""  # article_id for the highlighted view; empty: the first article
codebook = None  # None: the seed story's codebook for the seed articles only; or a CSV/YAML path
sides = None  # a sides file (YAML "side: [names that speak for it]"); None: the codebook's sides
tables_dir = None  # the report's tables (analysis.measure); None: measured here

# %%
import pandas as pd
from IPython.display import display

from analysis.presentation.figures import draw
from analysis.presentation.notebook import prelude, tables
from analysis.presentation.plots import sourcing as sourcing_plots
from analysis.sourcing import quote_positions, source_diversity, sourcing_balance, voice_directness
from analysis.core.text import segment_articles
from analysis.presentation.views import html_view

articles = prelude(corpus, notebook=notebook_name, parameters={"corpus": corpus, "n_boot": n_boot},
                   codebook=codebook, sides=sides)
docs = segment_articles(articles)
quotes = tables(corpus, tables_dir, articles=articles, codebook=codebook, sides=sides, engine=engine)["quotes"]
print(f"{len(quotes)} quotes in {len(docs)} article(s): " + ", ".join(f"{k} {v}" for k, v in quotes["kind"].value_counts().items()))

# %% [markdown]
# ## The quotes
#
# One row per quote: its kind, the words, who said it (as written and as
# resolved), the side, and how the speaker was found (`explicit`: named next
# to the quote; `pronoun`: "he said", resolved to the last person of that
# gender; `carried-over`: a paragraph of quotation that continues the
# previous speaker).

# %%
cols = ["paragraph", "kind", "text", "speaker", "speaker_name", "side", "cue", "attribution", "confidence"]
with pd.option_context("display.max_colwidth", 70, "display.max_rows", 60):
    display(quotes[cols].head(60))

# %% [markdown]
# ## Share of voice by side
#
# How many quotes, and how many quoted words, each side gets. Partial quotes
# inside a paraphrase are counted once, as part of it. With more than one
# article the table gives 95% bootstrap intervals (articles resampled).

# %%
balance = sourcing_balance(quotes, by="side", n_boot=n_boot if len(docs) > 1 else 0)
display(balance)
draw("sourcing_share_of_voice", sourcing_plots.share_of_voice, balance, outdir=figures_dir,
            caption="Share of all quotes and of all quoted words by the speaker's side (direct, partial and "
                    "indirect quotes; a partial quote inside a paraphrase counted once). Speakers not in the "
                    "actor codebook: unknown; quotes with no speaker found: unattributed.")

# %% [markdown]
# The top bar counts quotes, the bottom bar counts words: a side can be
# quoted often but briefly, or rarely but at length.

# %% [markdown]
# ## In their own words, or paraphrased?

# %%
direct = voice_directness(quotes, by="side")
display(direct)
draw("sourcing_direct_vs_paraphrased", sourcing_plots.directness, direct, outdir=figures_dir,
            caption="Quoted words per side: filled, the speaker's own words (direct and partial quotes); "
                    "hatched, the reporter's paraphrase (indirect quotes, less any quoted fragment inside).")

# %% [markdown]
# The filled part of each bar is what a side said in its own words; the
# hatched part is what the reporter summarised for it.

# %% [markdown]
# ## Who speaks where along the article

# %%
positions = quote_positions(quotes, docs)
draw("sourcing_positions", sourcing_plots.positions, positions, outdir=figures_dir,
            caption="Every quote at its position in the article (0 = top, 1 = end), one row per side of the "
                    "speaker; circle: direct, diamond: partial, open square: indirect; size: words quoted.")

# %% [markdown]
# Quotes near the top are the ones most readers see: the side that speaks
# first frames the story.

# %% [markdown]
# ## Diversity of sources
#
# Normalised Shannon entropy of the quotes over the sides: 0 when one side
# has every quote, 1 when the quotes are spread evenly over every side seen.

# %%
display(source_diversity(quotes, by="side", level="article").head(20))
display(source_diversity(quotes, by="side", level="corpus"))

# %% [markdown]
# ## The article, with every quote highlighted
#
# Each quote is coloured by its speaker's side; hover over it to see who
# said it. Filled: direct quote; dotted: partial quote; underlined:
# paraphrase.

# %%
aid = html_article or docs[0].article_id
doc = next(d for d in docs if d.article_id == aid)
html_view(doc, quotes, title=f"Article {aid}")
