# %% [markdown]
# # Readability: how hard is the text to read?
#
# Nine standard readability formulas score each article from the same
# counts: sentences, words, syllables (CMU Pronouncing Dictionary, with a
# learned estimator for names it lacks), long and unfamiliar words. Seven of
# them give a US school grade (8 = age 13-14, 12 = end of high school, 16 =
# college graduate); higher means harder. The formulas were built for school
# texts and disagree by several grades on the same news story, so compare
# articles with one formula rather than formulas with each other. A value is
# left blank (n/a) where a formula is undefined: units of one or two words,
# "sentences" over 150 words (text without full stops), and SMOG below 30
# sentences.

# %% tags=["parameters"]
corpus = "../seeds"  # relative to notebooks/, where JupyterLab runs the kernel; the report passes its own
figures_dir = "../figures"
reports_dir = "../reports"
engine = "auto"
notebook_name = "10_readability"
paragraph_index = "flesch_kincaid_grade"
codebook = None  # the report's codebook and sides: they decide which tables it measured (quotes for the voices)
sides = None
tables_dir = None  # the report's tables (analysis.measure); None: measured here

# %%
import pandas as pd

from analysis.presentation.figures import draw
from analysis.presentation.notebook import prelude, tables
from analysis.presentation.plots import readability as readability_plots
from analysis.readability import INDEX_COLUMNS, INDEX_LABELS, pool

articles = prelude(corpus, notebook=notebook_name, parameters={"corpus": corpus, "paragraph_index": paragraph_index},
                   story=False)
results = tables(corpus, tables_dir, articles=articles, codebook=codebook, sides=sides, engine=engine)
by_voice = results["readability_voice"]  # the words inside direct and partial quotes, and the rest
measures = [c for c in by_voice.columns if c not in ("article_id", "voice")]  # counts, ratios, indices
by_article = results["articles"][["article_id", *measures]]
by_paragraph = results["paragraphs"][["article_id", "paragraph", "start", "end", *measures]]
single = len(by_article) == 1
print(f"{len(by_article)} article(s), {int(by_article['sentences'].sum())} sentences, {int(by_article['words'].sum())} words.")

# %% [markdown]
# ## Every index for each article
#
# The counts each formula rests on, then the indices. Flesch Reading Ease runs
# the other way (0-100, higher = easier); the Dale–Chall score has its own
# scale (9.0-9.9 = college).

# %%
columns = ["article_id", "sentences", "words", "syllables", "polysyllabic_words", "difficult_words",
           "words_per_sentence", "syllables_per_word"] + INDEX_COLUMNS
by_article[columns].round(2).head(20)

# %% [markdown]
# ## Grade levels side by side

# %%
caption = ("US school grade of the article by seven readability formulas (higher = harder)."
           if single else
           "Median US school grade over the corpus's articles by seven readability formulas; "
           "lines: middle half of the articles.")
draw("readability_grade_levels", readability_plots.grade_levels, by_article, outdir=figures_dir, caption=caption)

# %% [markdown]
# Each bar is the school grade a formula assigns to the story: the formulas
# agree that it is written for adult readers, but disagree on how many years
# of schooling it takes.
#
# ## Paragraph by paragraph
#
# The same formula on each paragraph along the first article. Wire stories
# are built from one- or two-sentence paragraphs, so each bar mostly reflects
# the length and vocabulary of one sentence.

# %%
first = by_article["article_id"].iloc[0]
draw("readability_paragraphs", readability_plots.paragraph_grades,
     by_paragraph, article_id=first, index=paragraph_index,
     article_value=float(by_article.loc[by_article["article_id"] == first, paragraph_index].iloc[0]),
     outdir=figures_dir,
     caption=f"{INDEX_LABELS[paragraph_index]} of each paragraph of article {first}, from the lede (1) "
                    "to the last body paragraph; dashed line: the whole article.")

# %% [markdown]
# Tall bars are the paragraphs that pack long sentences and long words; the
# dashed line is the article as a whole.
#
# ## Quoted versus narrative text
#
# Words inside direct or partial quotes (found by `analysis.sourcing`) are
# scored apart from the journalist's own narrative. Indirect quotes are the
# journalist's paraphrase, so they count as narrative.

# %%
pooled = pool(by_voice, by="voice")
display_cols = ["voice", "units", "sentences", "words", "words_per_sentence", "syllables_per_word"] + INDEX_COLUMNS
print(pooled[display_cols].round(2).to_string(index=False))
draw("readability_quoted_vs_narrative", readability_plots.voice_grades, pooled, outdir=figures_dir,
            caption="US school grade of the words inside direct and partial quotes versus the rest of the "
                    "text (counts pooled over all articles; higher = harder).")

# %% [markdown]
# If the orange bars are shorter, the people quoted speak in plainer language
# than the reporter writes; if longer, the quotes are the harder part.
