package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every line of {@code decorations.tsv} with its own example: a line without one fails. */
class DecorationsTest {
  private final Decorations decorations = Decorations.standard();

  static List<Decorations.Entry> lines() {
    return Decorations.standard().entries();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void eachLineStripsItsExample(Decorations.Entry line) {
    assertThat(line.example()).as("example of %s", line.text()).isNotBlank();
    assertThat(line.expected()).as("what is left of the example of %s", line.text()).isNotBlank();

    Decorations.Stripped stripped = decorations.strip(line.example());

    assertThat(stripped).as("%s stripped", line.example()).isNotNull();
    assertThat(stripped.name()).isEqualTo(Decorations.fold(line.expected()).strip());
    String word = Decorations.fold(line.text()).strip();
    assertThat(stripped.removed()).as("what was taken off").anyMatch(r -> r.contains(word));
    switch (line.kind()) {
      case GROUP_WORD -> assertThat(last(stripped).weak()).isTrue();
      case RECRUITMENT, EMPLOYMENT_TYPE_BRACKET, MARK, PUNCTUATION -> assertThat(last(stripped).weak()).isFalse();
      case FORMER_NAME_MARK -> assertThat(stripped.formerName()).startsWith("山田鉄工");
      default -> { }
    }
  }

  @Test
  void everyKindHasALine() {
    Set<Decorations.Kind> kinds = lines().stream().map(Decorations.Entry::kind).collect(Collectors.toSet());

    assertThat(kinds).isEqualTo(EnumSet.allOf(Decorations.Kind.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"株式会社山田製作所", "(株)山田製作所", "山田商店", "グループ", "【正社員】"})
  void aNameWithoutDecorationsOrNothingButThemIsLeftAlone(String name) {
    assertThat(decorations.strip(name)).isNull();
  }

  @Test
  void decorationsComeOffOneAtATimeTheLeastStrippedFirst() {
    Decorations.Stripped stripped = decorations.strip("★株式会社ＢＥＳＴグループ 採用担当");

    assertThat(stripped.steps()).extracting(Decorations.Step::name)
        .containsExactly("株式会社BESTグループ 採用担当", "株式会社BESTグループ", "株式会社BEST");
    assertThat(stripped.steps()).extracting(Decorations.Step::weak).containsExactly(false, false, true);
  }

  @Test
  void aBracketThatIsPartOfTheNameStays() {
    Decorations.Stripped stripped = decorations.strip("(株)山田製作所【正社員・アルバイト】(東京本社)");

    assertThat(stripped.name()).isEqualTo("(株)山田製作所");
    assertThat(stripped.removed()).containsExactly("【正社員・アルバイト】", "(東京本社)");
  }

  @Test
  void aLineOfTheFileIsTextKindExampleAndWhatIsLeft() throws Exception {
    String file = "# comment\n急募\tRECRUITMENT\t急募 山田\t山田\n";

    List<Decorations.Entry> entries = Decorations.read(new java.io.ByteArrayInputStream(
        file.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(entries).containsExactly(new Decorations.Entry("急募", Decorations.Kind.RECRUITMENT, "急募 山田", "山田"));
    assertThat(Arrays.asList(Decorations.Kind.values())).contains(entries.get(0).kind());
  }

  private static Decorations.Step last(Decorations.Stripped stripped) {
    return stripped.steps().get(stripped.steps().size() - 1);
  }
}
