package io.acog.providers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.spi.ProviderConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterTextTest {

    @TempDir
    Path dir;

    @Test
    void escapesForTheGraphAndThenForTheFilter() {
        assertThat(FilterText.value("a:b")).isEqualTo("a\\\\:b");
        assertThat(FilterText.value("it's")).isEqualTo("it\\\\\\'s");
        assertThat(FilterText.value("[x],y;z")).isEqualTo("\\[x\\]\\,y\\;z");
    }

    @Test
    void textWithEveryCharacterTheParsersMeanSomethingByIsDrawnAsWritten() throws Exception {
        TextCard card = TextCard.of(Fonts.locate(ProviderConfig.empty()));
        String title = "It's 50% off: [really], honest; \\o/ %{pts} 'quoted' — ünïcödé";
        TextCard.Layout layout = card.layout(title, 1200, 300, 20, 10);
        Path png = dir.resolve("text.png");

        TestMedia.FFMPEG.run(
                List.of(
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=black:s=1280x360",
                        "-vf",
                        card.draw(layout, ChannelStyle.Rgb.parse("#FFFFFF"), 1280, 180),
                        "-frames:v",
                        "1",
                        "-y",
                        png.toString()),
                Duration.ofMinutes(2),
                null);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(layout.lines()).hasSize(1);
        assertThat(TestMedia.count(image, 0, 0, 1280, 360, 0xFFFFFF)).isGreaterThan(200);
    }

    @Test
    void longTextIsWrappedShrunkAndAtLastCutWithAnEllipsis() {
        TextCard card = TextCard.of(Fonts.locate(ProviderConfig.empty()));
        String words = "word ".repeat(200);

        TextCard.Layout short_ = card.layout("A few words", 1000, 400, 80, 40);
        TextCard.Layout long_ = card.layout(words, 1000, 400, 80, 40);

        assertThat(short_.lines()).containsExactly("A few words");
        assertThat(short_.fontSize()).isEqualTo(80);
        assertThat(long_.fontSize()).isEqualTo(40);
        assertThat(long_.height()).isLessThanOrEqualTo(400);
        assertThat(long_.lines().get(long_.lines().size() - 1)).endsWith("…");
    }
}
