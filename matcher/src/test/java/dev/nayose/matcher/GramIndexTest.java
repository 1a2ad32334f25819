package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GramIndexTest {
  @Test
  void gramsAreTheDistinctPairsOfAdjacentCharactersOrTheLoneCharacter() {
    int[] out = new int[8];
    assertThat(GramIndex.grams("abab".toCharArray(), 0, 4, out)).isEqualTo(2);
    assertThat(out[0]).isEqualTo('a' << 16 | 'b');
    assertThat(out[1]).isEqualTo('b' << 16 | 'a');
    assertThat(GramIndex.grams("xay".toCharArray(), 1, 2, out)).isEqualTo(1);
    assertThat(out[0]).isEqualTo('a' << 16 | 0xFFFF);
    assertThat(GramIndex.grams("abc".toCharArray(), 1, 1, out)).isZero();
    // too small an array: the count says how large it must be, nothing is written
    int[] small = {7};
    assertThat(GramIndex.grams("abcd".toCharArray(), 0, 4, small)).isEqualTo(3);
    assertThat(small[0]).isEqualTo(7);
  }

  @Test
  void listsTheNamePositionsOfEachGram() {
    Arena.Builder names = new Arena.Builder();
    names.add("さくら");
    names.add("くらし");
    names.add("さ");
    GramIndex grams = new GramIndex(names.build(), 3);

    int kura = grams.gram('く' << 16 | 'ら');
    assertThat(grams.frequency(kura)).isEqualTo(2);
    assertThat(grams.name(grams.listStart(kura))).isZero();
    assertThat(grams.name(grams.listStart(kura) + 1)).isEqualTo(1);
    assertThat(grams.listEnd(kura) - grams.listStart(kura)).isEqualTo(2);
    int lone = grams.gram('さ' << 16 | 0xFFFF);
    assertThat(grams.frequency(lone)).isEqualTo(1);
    assertThat(grams.name(grams.listStart(lone))).isEqualTo(2);
    assertThat(grams.gram('ら' << 16 | 'く')).isEqualTo(-1);
  }
}
