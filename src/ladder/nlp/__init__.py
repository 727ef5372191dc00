"""Stage 4 — NLP fundamentals, from scratch in NumPy and the standard library.

One concept per module; import the module you need (this package imports nothing heavy):

========================  ===========================================================
``normalize``             Unicode forms, case folding, accents, whitespace
``tokenize``              Penn Treebank word tokenizer (= NLTK), a simple tokenizer
``sentences``             rule-based sentence splitter (vs spaCy's sentencizer)
``stopwords``             our English stop-word list
``porter``                Porter (1980) stemmer (= NLTK ORIGINAL_ALGORITHM)
``snowball``              Snowball English (Porter2) stemmer (= snowballstemmer 3)
``lemmatize``             WordNet-Morphy-style lemmatiser (vs spaCy's lemmatiser)
``bpe``                   byte-level BPE, GPT-2/GPT-4 split patterns, HF export
``wordpiece``             BERT basic + WordPiece tokenizer (= HF BertTokenizerFast)
``vectorize``             bag of words and TF-IDF (= scikit-learn)
``similarity``            cosine, Jaccard, edit distance (= SciPy / NLTK)
``embeddings``            word vectors: neighbours, analogies, evaluation, PCA/t-SNE, plots
``word2vec``              skip-gram / CBOW with negative sampling (vs gensim)
``glove``                 GloVe with AdaGrad
``ngram``                 MLE, Laplace, Lidstone, interpolated Kneser–Ney (= nltk.lm)
``neural_lm``             Bengio (2003) MLP language model on ladder.nn
========================  ===========================================================
"""

__all__ = [
    "bpe",
    "embeddings",
    "glove",
    "lemmatize",
    "neural_lm",
    "ngram",
    "normalize",
    "porter",
    "sentences",
    "similarity",
    "snowball",
    "stopwords",
    "tokenize",
    "vectorize",
    "word2vec",
    "wordpiece",
]
