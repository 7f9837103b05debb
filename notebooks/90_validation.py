# %% [markdown]
# # Validation: agreement with human annotation
#
# Each family's benchmark, rerun here on the development half of the human
# annotations in `../shared/benchmarks/` (read in place; the other half is
# held out by the benchmarks' owners for independent checks). The numbers come
# from the families' evaluation modules in `analysis.evaluation` (the same code
# as the command lines in `benchmarks/`); nothing is fitted here. A second run
# reads each result back from the package's derived-table store. When the
# annotations are not on this machine, each section says so and shows no figure.
#
# This notebook does not depend on the corpus: the same figures come out
# whatever corpus the report runs on.

# %% tags=["parameters"]
corpus = "../seeds"  # relative to notebooks/, where JupyterLab runs the kernel; the report passes its own
figures_dir = "../figures"
reports_dir = "../reports"
engine = "auto"
notebook_name = "90_validation"
sentiment_method = "vader"  # the default scorer; "news" was fitted on this benchmark and is refused here
readability_index = "flesch_kincaid_grade"  # the index drawn against the levels
sourcing_limit = 0  # 0: all 504 PolNeAR articles; N: only the first N (a documented subset, for speed)
n_boot = 1000  # bootstrap resamples of editorials for the interval of r

# %%
from IPython.display import display

from analysis import evaluation
from analysis.presentation.figures import draw, set_provenance
from analysis.presentation.plots import validation as validation_plots

set_provenance(notebook=notebook_name,
               parameters={"sentiment_method": sentiment_method, "readability_index": readability_index,
                           "sourcing_limit": sourcing_limit, "n_boot": n_boot},
               benchmarks="../shared/benchmarks (DEV halves)")
print(f"Benchmark data: {evaluation.shared_dir() / 'benchmarks'} "
      f"({'present' if (evaluation.shared_dir() / 'benchmarks').is_dir() else 'ABSENT: every section below is skipped'})")

# %% [markdown]
# ## Sentiment against human ratings
#
# 2,601 sentences from New York Times editorials, each rated by 20 people from
# −4 (very negative) to +4 (very positive) (Hutto & Gilbert 2014). Each dot is
# one sentence: the human mean across, the package's score up.

# %%
try:
    sent = evaluation.sentiment_agreement(method=sentiment_method, n_boot=n_boot)
except evaluation.BenchmarkSkipped as skipped:
    print(f"SKIPPED: {skipped}")
else:
    display(sent["summary"])
    draw("validation_sentiment_vs_human", validation_plots.sentiment_scatter, sent["sentences"], sent["summary"], outdir=figures_dir,
                caption=f"Sentence tone ({sentiment_method.upper()} compound) against the mean of 20 human ratings "
                        "for 2,601 NYT editorial sentences (DEV half, Hutto & Gilbert 2014); line: least squares; "
                        "r with a 95% bootstrap interval over editorials; macro-F1 over negative/neutral/positive "
                        "(human neutral: |mean| < 0.2).")

# %% [markdown]
# The closer the dots hug the line, the better the machine's tone agrees
# with people's; r = 1 would be perfect agreement, and individual human
# raters agree with the group mean at about r = 0.75.

# %% [markdown]
# ## Readability against the level of the text
#
# OneStopEnglish: 94 Guardian articles each rewritten by teachers for three
# levels of English learners (282 texts; Vajjala & Lučić 2018). A good index
# scores the harder versions higher, also across different articles, and
# should do better than simply counting words (the dashed line).

# %%
try:
    ease = evaluation.readability_agreement()
except evaluation.BenchmarkSkipped as skipped:
    print(f"SKIPPED: {skipped}")
else:
    display(ease["summary"])
    draw("validation_readability_by_level", validation_plots.readability_by_level, ease["texts"], ease["summary"], index=readability_index, outdir=figures_dir,
                caption="Left: Flesch–Kincaid grade of each OneStopEnglish text (DEV half, 282 texts) by the level "
                        "teachers wrote it for; boxes: quartiles, red line: median. Right: concordance of each index "
                        "with level across different articles (share of text pairs ordered correctly; 0.5 = chance; "
                        "Flesch Reading Ease negated); dashed: word count alone.")

# %% [markdown]
# On the left, the grades should climb from Elementary to Advanced; on the
# right, a longer bar means the index ranks easier and harder texts more
# reliably, and bars left of the dashed line do no better than text length.

# %% [markdown]
# ## Quote extraction by kind
#
# PolNeAR (Newell, Margolin & Ruths 2018): 504 US political news articles
# whose every attribution is annotated. Precision: of the quotes the package
# found, the share that are real; recall: of the real quotes, the share it
# found. Scored with the benchmark's own scorer (a match shares at least half
# its words with the gold quote).

# %%
try:
    quotes_pr = evaluation.sourcing_agreement(limit=sourcing_limit or None)
except evaluation.BenchmarkSkipped as skipped:
    print(f"SKIPPED: {skipped}")
else:
    if sourcing_limit:
        print(f"Only the first {sourcing_limit} PolNeAR articles were scored (parameter sourcing_limit).")
    display(quotes_pr)
    draw("validation_quotes_by_kind", validation_plots.quote_pr_by_kind, quotes_pr, outdir=figures_dir,
                caption="Quote extraction against PolNeAR DEV by gold kind: precision and recall in percent "
                        "(a predicted quote matches a gold one when they share at least 50% of the longer one's "
                        "words; quotes split into pieces), scored by the benchmark's score_quotes.py. PolNeAR also "
                        "annotates attributed beliefs and intentions, which lowers indirect recall.")

# %% [markdown]
# Quotes in quotation marks are found almost always; paraphrase is harder,
# partly because PolNeAR also counts beliefs and intentions ("X believes
# that ...") that the package does not treat as quotes.

# %% [markdown]
# ## Person and organisation discovery by category
#
# CoNLL-2003 (Tjong Kim Sang & De Meulder 2003): 216 Reuters stories from 1996
# with every person, organisation and place name marked. The package's name
# discovery (used for actors missing from the codebook) must find exactly the
# marked span. Sports results (97 stories, mostly tables of names) are left
# out of the figure; the table gives both.

# %%
try:
    names = evaluation.actors_agreement()
except evaluation.BenchmarkSkipped as skipped:
    print(f"SKIPPED: {skipped}")
else:
    display(names)
    draw("validation_discovery_by_category", validation_plots.discovery_by_category, names, subset="non-sport", outdir=figures_dir,
                caption="Name discovery against CoNLL-2003 English dev, the 119 non-sport stories: precision, "
                        "recall and F1 in percent per category (exact start and end of the name), no codebook.")

# %% [markdown]
# Taller bars are better: precision says how often a name the package found
# is really a name of that kind, recall how many of the marked names it found.
