# %% [markdown]
# # Corpus overview
#
# What is in the corpus: one row per article with the metadata the loader read
# (date, dateline, outlet, byline, contributors, publication note) and basic
# counts, then the structure of the article: how long each paragraph is.

# %% tags=["parameters"]
corpus = "../seeds"  # relative to notebooks/, where JupyterLab runs the kernel; the report passes its own
figures_dir = "../figures"
reports_dir = "../reports"
engine = "auto"
notebook_name = "00_corpus_overview"
codebook = None  # the report's codebook and sides: they decide which tables it measured
sides = None
tables_dir = None  # the report's tables (analysis.measure); None: measured here

# %%
import pandas as pd

from analysis.presentation.figures import draw
from analysis.presentation.notebook import prelude, tables
from analysis.presentation.plots import corpus as corpus_plots
from analysis.core.text import paragraph_table, segment_articles

articles = prelude(corpus, notebook=notebook_name, parameters={"corpus": corpus}, duplicates=True, story=False)
docs = segment_articles(articles)

# %% [markdown]
# ## The articles
#
# Metadata as read from each file. For the wire layout of the seed, the
# `date` header line, the dateline (`OTTAWA`) and the closing lines
# (publication note, "with files from", byline) are kept out of the body text,
# so none of the counts below include them.

# %%
columns = ["article_id", "date", "dateline", "outlet", "byline", "contributors", "published_date", "n_paragraphs", "n_words", "duplicate_of"]
articles[[c for c in columns if c in articles.columns]]

# %%
problems = articles.attrs.get("problems")
print(f"{len(articles)} article(s) loaded; {0 if problems is None else len(problems)} file(s) skipped as unreadable.")

# %% [markdown]
# ## Paragraph lengths
#
# Wire stories are built from short paragraphs, often a single sentence. The
# bars show how many words each paragraph of the article has, from the lede
# (paragraph 1) to the last line of the body; the dashed line is the median.

# %%
paragraphs = paragraph_table(docs)
draw("corpus_paragraph_lengths", corpus_plots.paragraph_lengths, paragraphs, outdir=figures_dir,
            caption="Words per paragraph along the article, from the lede (1) to the last body paragraph; "
                    "header line, dateline and closing metadata excluded. Dashed line: median.")

# %%
if articles["article_id"].nunique() > 1:
    draw("corpus_paragraph_length_distribution", corpus_plots.paragraph_length_distribution, paragraphs, outdir=figures_dir,
                caption="Distribution of words per paragraph over every article in the corpus.")

# %% [markdown]
# ## The corpus over time and by outlet
#
# For a corpus with several outlets or dates, the articles are scored at scale
# (`analysis.pipeline`, with the engine from the parameters) and compared:
# how many articles appear each month, and how hard to read and how positive
# or negative each outlet's articles are on average. A single article (the
# seeds) has nothing to compare, so these views are skipped.

# %%
has_dates = articles["date"].notna().sum() > 1 and articles["date"].nunique() > 1
has_outlets = articles["outlet"].nunique(dropna=True) > 1
if not (has_dates or has_outlets):
    print("One outlet and one date: no corpus views to draw.")

# %%
if has_dates:
    draw("corpus_articles_over_time", corpus_plots.articles_over_time, articles, outdir=figures_dir,
                caption="Articles per month in the corpus (undated articles are counted in the title).")

# %%
if has_outlets:
    scored = tables(corpus, tables_dir, codebook=codebook, sides=sides, engine=engine)["articles"]
    draw("corpus_outlet_profile", corpus_plots.outlet_profile, scored, outdir=figures_dir,
                caption="Mean Flesch–Kincaid grade and mean sentence tone of each outlet's articles, "
                        "with 95% intervals over articles; outlets with one article are left out.")
