# %% [markdown]
# # Actors: who appears in the coverage, how often, where, and with whom
#
# Every mention of the people, organisations, groups and countries in the
# codebook (the one passed as `codebook`; for the seed articles the seed
# story's `analysis/data/codebook.csv`; other corpora have none by default),
# found by `analysis.actors.find_mentions`: full names, titles ("President
# Xi"), surnames after a full mention, group phrases ("the two Michaels") and
# the descriptions the codebook lists ("the Huawei executive"). Country
# adjectives ("Chinese") are counted apart and left out of the counts below.
# Names the codebook lacks are discovered by rules and listed at the end as
# candidates for the codebook. Without a codebook the counts below are of the
# discovered actors, with the sides of the sides file passed as `sides`.

# %% tags=["parameters"]
corpus = "../seeds"  # relative to notebooks/, where JupyterLab runs the kernel; the report passes its own
figures_dir = "../figures"
reports_dir = "../reports"
engine = "auto"
notebook_name = "30_actors"
codebook = None  # None: the seed story's codebook for the seed articles only; or a CSV/YAML path
sides = None  # a sides file (YAML "side: [names that speak for it]"); None: the codebook's sides
discover = True
top = 20
tables_dir = None  # the report's tables (analysis.measure); None: measured here

# %%
import pandas as pd

from analysis.actors import actor_frequency, cooccurrence, expand_groups, prominence
from analysis.actors.codebook import codebook_in_use
from analysis.actors import discover_actors
from analysis.presentation.figures import draw
from analysis.actors import counted_mentions
from analysis.presentation.notebook import prelude, tables
from analysis.presentation.plots import actors as actor_plots

articles = prelude(corpus, notebook=notebook_name, parameters={"corpus": corpus, "codebook": codebook, "discover": discover},
                   codebook=codebook, sides=sides)
cb = codebook_in_use(articles, codebook)  # the codebook table of this corpus (empty without one)
mentions = tables(corpus, tables_dir, articles=articles, codebook=codebook, sides=sides, discover=discover,
                  engine=engine)["mentions"]
coded = counted_mentions(mentions)  # codebook mentions; without a codebook, the discovered actors'
n_discovered = int((mentions["match"] == "discovered").sum())
if (coded["match"] == "discovered").any():  # no codebook: count the discovered actors
    print(f"{len(articles)} article(s) and no codebook: the counts below are of the {n_discovered} mentions "
          "of discovered names.")
else:
    print(f"{len(articles)} article(s); {len(coded)} codebook mentions "
          f"({(coded['match'] == 'adjective').sum()} of them country adjectives); "
          f"{n_discovered} mentions of names outside the codebook.")

# %% [markdown]
# ## Who is mentioned
#
# Bars count mentions of each codebook actor, coloured by side. Group phrases
# ("the two Michaels", "the pair") count for the group; country adjectives are
# not counted.

# %%
freq = actor_frequency(coded, articles, level="corpus")
draw("actors_mentions_by_actor", actor_plots.mentions_by_actor, freq, top=top, outdir=figures_dir,
            caption="Mentions of each codebook actor (full name, title, surname after a full mention, group phrase "
                    "or listed description), coloured by side; country adjectives such as 'Chinese' not counted.")

# %%
freq_side = actor_frequency(coded, articles, by="side", level="corpus")
freq_side

# %% [markdown]
# ## Prominence
#
# First paragraph that names each actor, whether the lede (paragraph 1) does,
# and the share of paragraphs that name the actor.

# %%
prom = prominence(coded, articles)
prom.groupby(["actor_id", "name", "side"], dropna=False).agg(
    articles=("article_id", "nunique"), in_lede=("in_lede", "sum"),
    median_first_paragraph=("first_paragraph", "median"), mean_paragraph_share=("paragraph_share", "mean"),
).sort_values("articles", ascending=False).head(top)

# %% [markdown]
# ## Where in the article each actor appears
#
# Each tick is one mention, placed by how far into the article it comes (left:
# the lede; right: the last paragraph).

# %%
draw("actors_dispersion", actor_plots.dispersion_strip, coded[coded["match"] != "adjective"], top=15, outdir=figures_dir,
            caption="Position of every mention in its article (0 = start of the lede, 1 = end of the body), "
                    "one row per actor, most mentioned on top, coloured by side.")

# %% [markdown]
# ## Who appears with whom
#
# Cells count paragraphs that name both actors. Group mentions are credited to
# the group's members here, so "the two Michaels" links Kovrig and Spavor to
# whoever shares the paragraph.

# %%
co = cooccurrence(expand_groups(coded, cb), unit="paragraph")
draw("actors_cooccurrence", actor_plots.cooccurrence_matrix, co, top=12, outdir=figures_dir,
            caption="Number of paragraphs that name both actors (group mentions credited to each member); "
                    "the 12 actors with the most co-occurrences. Name colours show the side.")

# %% [markdown]
# ## By outlet
#
# For a corpus with several outlets: how much each side's actors are mentioned
# per 1,000 words in each outlet.

# %%
if articles["outlet"].nunique() > 1:
    by_outlet = actor_frequency(coded, articles, by="side", level="corpus", group_by="outlet")
    draw("actors_sides_by_outlet", actor_plots.sides_by_outlet, by_outlet, outdir=figures_dir,
                caption="Mentions of each side's codebook actors per 1,000 words, by outlet.")
else:
    print("One outlet only: no comparison by outlet.")

# %% [markdown]
# ## Names outside the codebook
#
# People, organisations and places found by the discovery rules, with a
# suggested codebook row each. Review before adding: discovery is right about
# 9 times in 10 for people on Reuters news (see the README), less for
# organisations.

# %%
candidates = discover_actors(articles, codebook=codebook)
candidates.head(top)
