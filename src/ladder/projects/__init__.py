"""Stage 8 — practical projects: working tools built from the course's own code.

Each tool is a plain service API with typed, JSON-serialisable results, so a ``ladder``
command and a web page are thin wrappers around the same calls. Import the modules:

- ``ladder.projects.sentiment``   label, probability and the deciding words per text; CSV batches
- ``ladder.projects.tutor``       the course tutor: hybrid retrieval over lessons, cards, docstrings
- ``ladder.projects.generate``    text from the stage-5 GPT, streamed token by token; perplexity
- ``ladder.projects.translate``   English → German with the lab's transformer, greedy or beam
- ``ladder.projects.summarize``   extractive (TextRank, MMR, lead-k) and abstractive summaries
- ``ladder.projects.portfolio``   a static site of the learner's work

and the pieces they are built from, each a lesson's subject:

- ``ladder.projects.common``      the input errors and checks every tool shares
- ``ladder.projects.bleu``        BLEU equal to sacreBLEU
- ``ladder.projects.rouge``       ROUGE-1/2/L equal to Google's rouge-score
- ``ladder.projects.bm25``        Okapi BM25 equal to rank-bm25
- ``ladder.projects.retrieval``   reciprocal-rank fusion, recall@k, MMR
- ``ladder.projects.textrank``    TextRank over sentence similarities
- ``ladder.projects.beam``        beam search
- ``ladder.projects.translator``  the Multi30k translator: BPE, model, training
- ``ladder.projects.summarizer``  the DialogSum abstractive summariser: training

Nothing here imports torch at package import.
"""

__all__: list[str] = []
