# mutant: hands the work back to the library's method through super()
# likely: super()._encode_chunk
from ladder.nlp.bpe import ByteLevelBPE as _TrainedBPE


class ByteLevelBPE(_TrainedBPE):
    def _encode_chunk(self, chunk):
        return super()._encode_chunk(chunk)
