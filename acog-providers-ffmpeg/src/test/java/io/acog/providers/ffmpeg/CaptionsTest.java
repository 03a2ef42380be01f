package io.acog.providers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.spi.OutputFormat;
import io.acog.spi.Timeline.Caption;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionsTest {

    @Test
    void srtTimesAreHoursMinutesSecondsAndMilliseconds() {
        assertThat(Captions.srtTime(0)).isEqualTo("00:00:00,000");
        assertThat(Captions.srtTime(3_723_004)).isEqualTo("01:02:03,004");
        assertThat(Captions.srtTime(59_999)).isEqualTo("00:00:59,999");
        assertThat(Captions.srt(List.of(new Caption(3_600_000, 3_601_500, " Late words "))))
                .isEqualTo("1\n01:00:00,000 --> 01:00:01,500\nLate words\n\n");
    }

    @Test
    void assShowsBracesAndBackslashesAsWrittenAndKeepsLineBreaks() {
        String ass = Captions.ass(
                List.of(new Caption(1234, 5678, "{\\b1}bold?\nno")), OutputFormat.LANDSCAPE, ChannelStyle.DEFAULT, "F");

        assertThat(ass).contains("Dialogue: 0,0:00:01.23,0:00:05.68,Caption,,0,0,0,,\\{\\\u2060b1\\}bold?\\Nno\n");
    }

    @Test
    void captionsAreSizedOnTheShorterSideAndSitHigherInAPortraitFrame() {
        ChannelStyle style = ChannelStyle.DEFAULT; // 5.5 % of the shorter side
        String landscape = Captions.ass(List.of(), OutputFormat.LANDSCAPE, style, "DejaVu Sans");
        String portrait = Captions.ass(List.of(), OutputFormat.PORTRAIT, style, "DejaVu Sans");

        // Style: name, font, size, 4 colours, 11 flags and sizes, alignment, margins L R V
        assertThat(landscape)
                .contains("Style: Caption,DejaVu Sans,59,&H00FFFFFF,")
                .contains(",2,115,115,76,1\n");
        assertThat(portrait)
                .contains("Style: Caption,DejaVu Sans,59,&H00FFFFFF,")
                .contains(",2,65,65,422,1\n");
    }
}
