package io.acog.providers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.spi.ProviderConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {

    @TempDir
    Path dir;

    @Test
    void tilesTheFramesAtTheGivenTimesFourToARowWithTheirTimes() throws Exception {
        Path video = TestMedia.colorBands(dir.resolve("bands.mp4"), 320, 180, 1, "red", "lime", "blue");
        Path png = dir.resolve("sheet.png");

        ContactSheet.write(
                TestMedia.FFMPEG,
                Fonts.locate(ProviderConfig.empty()),
                video,
                List.of(500L, 1500L, 2500L, 500L, 1500L),
                png);

        BufferedImage sheet = ImageIO.read(png.toFile());
        // 4 columns and 2 rows of 320x180, 4 px apart, 4 px from the edge
        assertThat(sheet.getWidth()).isEqualTo(4 + 4 * 320 + 3 * 4 + 4);
        assertThat(sheet.getHeight()).isEqualTo(4 + 2 * 180 + 4 + 4);
        assertThat(TestMedia.near(sheet.getRGB(4 + 160, 4 + 120), 0xFF0000)).isTrue();
        assertThat(TestMedia.near(sheet.getRGB(4 + 324 + 160, 4 + 120), 0x00FF00))
                .isTrue();
        assertThat(TestMedia.near(sheet.getRGB(4 + 2 * 324 + 160, 4 + 120), 0x0000FF))
                .isTrue();
        assertThat(TestMedia.near(sheet.getRGB(4 + 160, 4 + 184 + 120), 0x00FF00))
                .isTrue();
        assertThat(TestMedia.count(sheet, 4, 4, 80, 30, 0xFFFFFF))
                .as("the time, 0:00.5")
                .isGreaterThan(20);
        assertThat(ContactSheet.label(83_450)).isEqualTo("1:23.4");
    }

    @Test
    void noTimesIsAMistake() {
        assertThatThrownBy(() -> ContactSheet.write(TestMedia.FFMPEG, dir, dir, List.of(), dir.resolve("x.png")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
